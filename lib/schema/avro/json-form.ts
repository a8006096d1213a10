import type { AvroField, AvroNamed, AvroNode, AvroRecord } from './model';

/** How a JSON-Schema-like dialect spells references, nullability and its type keywords. */
export interface JsonDialect {
  /** The reference to a named type kept apart (in `definitions` or `components.schemas`). */
  ref(key: string): Record<string, unknown>;
  /** A schema that also accepts null. */
  nullable(schema: Record<string, unknown>): Record<string, unknown>;
  /** The schema of a primitive (with its logical type). */
  primitive(node: AvroNode): Record<string, unknown>;
  /** The key under which a named type is kept apart. */
  key(node: AvroNamed): string;
  /** Whether every record is kept apart (OpenAPI components) or only shared and recursive ones (JSON Schema). */
  readonly separateEveryRecord: boolean;
}

function countNamedUses(node: AvroNode, counts: Map<AvroNamed, number>): void {
  switch (node.type) {
    case 'record':
    case 'enum':
    case 'fixed': {
      const n = counts.get(node) ?? 0;
      counts.set(node, n + 1);
      if (n === 0 && node.type === 'record') node.fields.forEach((f) => countNamedUses(f.type, counts));
      return;
    }
    case 'array':
      return countNamedUses(node.items, counts);
    case 'map':
      return countNamedUses(node.values, counts);
    case 'union':
      return node.types.forEach((t) => countNamedUses(t, counts));
    default:
      return;
  }
}

/**
 * Writes the JSON form of Avro data (records as objects, unions unwrapped, maps as objects) as a JSON-Schema-like
 * document. Named types used more than once or recursively are kept apart and referenced.
 */
export class AvroJsonForm {
  /** Named types kept apart, by key. */
  readonly separate = new Map<string, Record<string, unknown>>();
  private readonly uses = new Map<AvroNamed, number>();

  constructor(
    private readonly root: AvroNode,
    private readonly dialect: JsonDialect,
  ) {
    countNamedUses(root, this.uses);
  }

  /** The schema of any node. */
  schema(node: AvroNode): Record<string, unknown> {
    switch (node.type) {
      case 'record':
      case 'enum':
      case 'fixed':
        return this.named(node);
      case 'array':
        return { type: 'array', items: this.schema(node.items) };
      case 'map':
        return { type: 'object', additionalProperties: this.schema(node.values) };
      case 'union':
        return this.union(node.types);
      default:
        return this.dialect.primitive(node);
    }
  }

  /** The schema of a record written in place. */
  record(node: AvroRecord): Record<string, unknown> {
    const properties: Record<string, unknown> = {};
    for (const f of node.fields) properties[f.name] = this.field(f);
    const required = node.fields.filter((f) => !f.hasDefault).map((f) => f.name);
    return {
      type: 'object',
      ...(node.doc ? { description: node.doc } : {}),
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    };
  }

  private field(f: AvroField): Record<string, unknown> {
    const s = this.schema(f.type);
    const extra: Record<string, unknown> = {};
    if (f.doc) extra.description = f.doc;
    if (f.hasDefault && !Buffer.isBuffer(f.default)) extra.default = f.default;
    if (Object.keys(extra).length === 0) return s;
    return '$ref' in s ? { allOf: [s], ...extra } : { ...s, ...extra };
  }

  private named(node: AvroNamed): Record<string, unknown> {
    const apart =
      (node.type === 'record' && this.dialect.separateEveryRecord && node !== this.root) ||
      (this.uses.get(node) ?? 0) > 1;
    if (!apart) return this.inline(node);
    const key = this.dialect.key(node);
    if (!this.separate.has(key)) {
      this.separate.set(key, {});
      this.separate.set(key, this.inline(node));
    }
    return this.dialect.ref(key);
  }

  private inline(node: AvroNamed): Record<string, unknown> {
    if (node.type === 'record') return this.record(node);
    if (node.type === 'enum') return { type: 'string', enum: [...node.symbols] };
    return { type: 'string', minLength: node.size, maxLength: node.size };
  }

  private union(types: readonly AvroNode[]): Record<string, unknown> {
    if (types.length === 0) return { not: {} };
    const others = types.filter((t) => t.type !== 'null');
    const hasNull = others.length < types.length;
    if (others.length === 0) return this.dialect.primitive(types[0]);
    const body = others.length === 1 ? this.schema(others[0]) : { anyOf: others.map((t) => this.schema(t)) };
    return hasNull ? this.dialect.nullable(body) : body;
  }
}
