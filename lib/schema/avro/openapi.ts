import { AvroJsonForm, type JsonDialect } from './json-form';
import { isNamed, type AvroNamed, type AvroNode } from './model';

/** Options for the OpenAPI 3 document. */
export interface OpenApi3Options {
  /**
   * The name of the event's schema under `components.schemas`, and the document's `info.title`.
   * @default - the record's simple name (`Order` for `com.example.orders.Order`)
   */
  readonly schemaName?: string;
  /**
   * `info.version` of the document.
   * @default '1.0.0'
   */
  readonly version?: string;
}

function openApiDialect(keys: Map<AvroNamed, string>): JsonDialect {
  return {
    separateEveryRecord: true,
    ref: (key) => ({ $ref: `#/components/schemas/${key}` }),
    key: (node) => keys.get(node) ?? node.fullName,
    nullable: (schema) => ('$ref' in schema ? { allOf: [schema], nullable: true } : { ...schema, nullable: true }),
    primitive: (node) => {
      switch (node.type) {
        case 'null':
          return { nullable: true };
        case 'boolean':
          return { type: 'boolean' };
        case 'int':
          return { type: 'integer', format: 'int32' };
        case 'long':
          return { type: 'integer', format: 'int64' };
        case 'float':
          return { type: 'number', format: 'float' };
        case 'double':
          return { type: 'number', format: 'double' };
        case 'bytes':
          return { type: 'string', format: 'byte' };
        default:
          return node.logicalType === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'string' };
      }
    },
  };
}

/** Component keys: simple names, or full names (dots allowed in OpenAPI keys) where simple names collide. */
function componentKeys(root: AvroNode, rootKey: string): Map<AvroNamed, string> {
  const records: AvroNamed[] = [];
  const visit = (node: AvroNode): void => {
    if (isNamed(node)) {
      if (records.includes(node)) return;
      records.push(node);
      if (node.type === 'record') node.fields.forEach((f) => visit(f.type));
    } else if (node.type === 'array') visit(node.items);
    else if (node.type === 'map') visit(node.values);
    else if (node.type === 'union') node.types.forEach(visit);
  };
  visit(root);
  const keys = new Map<AvroNamed, string>();
  for (const r of records) {
    const clash = records.some((o) => o !== r && o.name === r.name) || (r !== root && r.name === rootKey);
    keys.set(r, r === root ? rootKey : clash ? r.fullName : r.name);
  }
  return keys;
}

/**
 * An OpenAPI 3.0.0 document in the shape the Amazon EventBridge schema registry accepts for `Type: OpenApi3`
 * (`openapi`, `info`, empty `paths`, the event under `components.schemas`): the event's schema is
 * `components.schemas[schemaName]`, every nested record is a component of its own referenced with `$ref`,
 * `["null", T]` sets `nullable: true`, other unions become `anyOf`; int/long are integers with format
 * int32/int64, float/double numbers with format float/double, bytes strings with format byte, enums string enums,
 * maps objects with `additionalProperties`; records are closed objects whose fields without a default are
 * `required`.
 */
export function avroOpenApi3(root: AvroNode, name: string, options: OpenApi3Options = {}): Record<string, unknown> {
  const rootKey = options.schemaName ?? (isNamed(root) ? root.name : name.split('.').pop() || 'Event');
  const keys = componentKeys(root, rootKey);
  const form = new AvroJsonForm(root, openApiDialect(keys));
  const body = root.type === 'record' ? form.record(root) : form.schema(root);
  return {
    openapi: '3.0.0',
    info: { version: options.version ?? '1.0.0', title: rootKey },
    paths: {},
    components: { schemas: { [rootKey]: body, ...Object.fromEntries(form.separate) } },
  };
}
