import { AvroJsonForm, type JsonDialect } from './json-form';
import { isNamed, type AvroNode } from './model';

const INT32 = { minimum: -2147483648, maximum: 2147483647 };

const draft4: JsonDialect = {
  separateEveryRecord: false,
  ref: (key) => ({ $ref: `#/definitions/${key}` }),
  key: (node) => node.fullName,
  nullable: (schema) =>
    typeof schema.type === 'string' && !('enum' in schema)
      ? { ...schema, type: [schema.type, 'null'] }
      : { anyOf: [{ type: 'null' }, schema] },
  primitive: (node) => {
    switch (node.type) {
      case 'null':
        return { type: 'null' };
      case 'boolean':
        return { type: 'boolean' };
      case 'int':
        return { type: 'integer', ...INT32 };
      case 'long':
        return { type: 'integer' };
      case 'float':
      case 'double':
        return { type: 'number' };
      default:
        return node.logicalType === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'string' };
    }
  },
};

/**
 * A JSON Schema draft-04 document describing the JSON form of data of an Avro schema, as the EventBridge schema
 * registry accepts for `Type: JSONSchemaDraft4`: records become closed objects (`additionalProperties: false`) whose
 * fields without a default are `required`; `["null", T]` accepts null; other unions become `anyOf`; enums are
 * string enums; maps are objects; int is a 32-bit integer, long an integer, float and double numbers; bytes, fixed
 * and string are strings (fixed of exactly `size` characters); logical types keep their underlying type (a
 * timestamp-millis is an integer). Named types used more than once or recursively go to `definitions`. `doc`
 * becomes `description`, defaults are kept.
 */
export function avroJsonSchemaDraft4(root: AvroNode): Record<string, unknown> {
  const form = new AvroJsonForm(root, draft4);
  const body = root.type === 'record' ? form.record(root) : form.schema(root);
  const definitions = Object.fromEntries(form.separate);
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: isNamed(root) ? root.name : root.type,
    ...body,
    ...(form.separate.size > 0 ? { definitions } : {}),
  };
}
