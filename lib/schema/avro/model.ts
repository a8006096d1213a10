import type * as avsc from 'avsc';
import { readJson } from '../read-json';
import { runtime } from '../runtime';
import { SchemaErrorCodes, schemaError } from '../errors';

/** Avro's primitive type names. */
export type AvroPrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

// An array, not a Set: Pulumi's closure serializer (dynamic providers capture this module by value) cannot copy a
// Set or Map held at module level.
const PRIMITIVES: readonly string[] = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];

/** Attributes every Avro type node carries. */
interface AvroCommon {
  /** The `logicalType` annotation, if any (kept even when no library knows it). */
  readonly logicalType?: string;
  /** Every other attribute of the type object (`precision`, `scale`, custom properties). */
  readonly props: Readonly<Record<string, unknown>>;
}

/** A primitive type, possibly annotated with a logical type. */
export interface AvroPrimitive extends AvroCommon {
  readonly type: AvroPrimitiveName;
}

/** What records, enums and fixed types share: a name in a namespace, and aliases. */
export interface AvroNamedCommon extends AvroCommon {
  /** The simple name (`Order`). */
  readonly name: string;
  /** The namespace (`com.example.orders`), `''` for none. */
  readonly namespace: string;
  /** `namespace.name`, or the name when there is no namespace. */
  readonly fullName: string;
  /** Aliases resolved to full names, as the Avro specification says. */
  readonly aliases: readonly string[];
  /** The `doc` string, if any. */
  readonly doc?: string;
}

/** A record field. */
export interface AvroField {
  readonly name: string;
  /** Field aliases (simple names). */
  readonly aliases: readonly string[];
  readonly type: AvroNode;
  /** Whether the field declares a `default` (which may be `null`). */
  readonly hasDefault: boolean;
  readonly default?: unknown;
  readonly doc?: string;
}

/** A record (or an `error`, which Avro treats as a record). */
export interface AvroRecord extends AvroNamedCommon {
  readonly type: 'record';
  readonly fields: readonly AvroField[];
}

/** An enum. */
export interface AvroEnum extends AvroNamedCommon {
  readonly type: 'enum';
  readonly symbols: readonly string[];
  /** The enum's `default` symbol, used by readers for symbols they do not know. */
  readonly default?: string;
}

/** A fixed-size byte sequence. */
export interface AvroFixed extends AvroNamedCommon {
  readonly type: 'fixed';
  readonly size: number;
}

/** An array. */
export interface AvroArray extends AvroCommon {
  readonly type: 'array';
  readonly items: AvroNode;
}

/** A map with string keys. */
export interface AvroMap extends AvroCommon {
  readonly type: 'map';
  readonly values: AvroNode;
}

/** A union. */
export interface AvroUnion extends AvroCommon {
  readonly type: 'union';
  readonly types: readonly AvroNode[];
}

/** A named Avro type. */
export type AvroNamed = AvroRecord | AvroEnum | AvroFixed;

/**
 * One node of a parsed Avro schema. Named types are shared objects, so a recursive schema is a graph with cycles
 * (walk it with a visited set).
 */
export type AvroNode = AvroPrimitive | AvroNamed | AvroArray | AvroMap | AvroUnion;

type Json = Record<string, unknown>;

const TYPE_KEYS: Record<string, readonly string[]> = {
  record: ['type', 'name', 'namespace', 'aliases', 'doc', 'fields', 'logicalType'],
  error: ['type', 'name', 'namespace', 'aliases', 'doc', 'fields', 'logicalType'],
  enum: ['type', 'name', 'namespace', 'aliases', 'doc', 'symbols', 'default', 'logicalType'],
  fixed: ['type', 'name', 'namespace', 'aliases', 'doc', 'size', 'logicalType'],
  array: ['type', 'items', 'logicalType'],
  map: ['type', 'values', 'logicalType'],
};

function restOf(schema: Json, known: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) if (!known.includes(k)) props[k] = v;
  return props;
}

function logicalOf(schema: Json): string | undefined {
  return typeof schema.logicalType === 'string' ? schema.logicalType : undefined;
}

/** Reads definition text as JSON; a bare type name such as `int` or `com.example.Order` is taken as that name. */
export function readAvroJson(definition: string | object): unknown {
  const bare = typeof definition === 'string' ? definition.trim() : undefined;
  return bare !== undefined && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(bare) ? bare : readJson(definition, 'Avro schema');
}

/**
 * avsc 5.7 rejects empty unions, which the Avro specification and Avro Java accept (a union that can hold no
 * value). Only for avsc's structural check, each empty union becomes `["null"]`; the model keeps it empty.
 */
function withoutEmptyUnions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.length === 0 ? ['null'] : schema.map(withoutEmptyUnions);
  if (schema === null || typeof schema !== 'object') return schema;
  const s = schema as Json;
  const out: Json = { ...s };
  if (typeof s.type === 'object') out.type = withoutEmptyUnions(s.type);
  if (Array.isArray(s.fields)) {
    out.fields = s.fields.map((f) =>
      f && typeof f === 'object' ? { ...(f as Json), type: withoutEmptyUnions((f as Json).type) } : f,
    );
  }
  if ('items' in s) out.items = withoutEmptyUnions(s.items);
  if ('values' in s) out.values = withoutEmptyUnions(s.values);
  return out;
}

class AvroModelBuilder {
  private readonly named = new Map<string, AvroNamed>();

  build(schema: unknown, namespace: string): AvroNode {
    if (typeof schema === 'string') return this.reference(schema, namespace);
    if (Array.isArray(schema)) {
      return { type: 'union', props: {}, types: schema.map((s) => this.build(s, namespace)) };
    }
    const s = schema as Json;
    const t = s.type;
    if (typeof t !== 'string') return this.build(t, namespace);
    if (PRIMITIVES.includes(t)) {
      return { type: t as AvroPrimitiveName, logicalType: logicalOf(s), props: restOf(s, ['type', 'logicalType']) };
    }
    switch (t) {
      case 'record':
      case 'error':
        return this.record(s, namespace);
      case 'enum': {
        const base = this.names(s, namespace);
        const node: AvroEnum = {
          ...base,
          type: 'enum',
          symbols: s.symbols as string[],
          default: typeof s.default === 'string' ? s.default : undefined,
        };
        this.named.set(node.fullName, node);
        return node;
      }
      case 'fixed': {
        const node: AvroFixed = { ...this.names(s, namespace), type: 'fixed', size: s.size as number };
        this.named.set(node.fullName, node);
        return node;
      }
      case 'array':
        return {
          type: 'array',
          logicalType: logicalOf(s),
          props: restOf(s, TYPE_KEYS.array),
          items: this.build(s.items, namespace),
        };
      case 'map':
        return {
          type: 'map',
          logicalType: logicalOf(s),
          props: restOf(s, TYPE_KEYS.map),
          values: this.build(s.values, namespace),
        };
      default:
        return this.reference(t, namespace);
    }
  }

  private reference(name: string, namespace: string): AvroNode {
    if (PRIMITIVES.includes(name)) return { type: name as AvroPrimitiveName, props: {} };
    const found =
      (!name.includes('.') && namespace ? this.named.get(`${namespace}.${name}`) : undefined) ?? this.named.get(name);
    return (
      found ?? schemaError(SchemaErrorCodes.AVRO_INVALID, undefined, `Undefined Avro type ${JSON.stringify(name)}.`)
    );
  }

  private names(s: Json, enclosing: string): AvroNamedCommon {
    const raw = s.name as string;
    const dot = raw.lastIndexOf('.');
    const namespace = dot >= 0 ? raw.slice(0, dot) : typeof s.namespace === 'string' ? s.namespace : enclosing;
    const name = dot >= 0 ? raw.slice(dot + 1) : raw;
    const fullName = namespace ? `${namespace}.${name}` : name;
    const aliases = ((s.aliases as string[] | undefined) ?? []).map((a) =>
      a.includes('.') || !namespace ? a : `${namespace}.${a}`,
    );
    return {
      name,
      namespace,
      fullName,
      aliases,
      doc: typeof s.doc === 'string' ? s.doc : undefined,
      logicalType: logicalOf(s),
      props: restOf(s, TYPE_KEYS[s.type as string]),
    };
  }

  private record(s: Json, enclosing: string): AvroRecord {
    const base = this.names(s, enclosing);
    const fields: AvroField[] = [];
    const node: AvroRecord = { ...base, type: 'record', fields };
    this.named.set(node.fullName, node);
    for (const f of s.fields as Json[]) {
      fields.push({
        name: f.name as string,
        aliases: (f.aliases as string[] | undefined) ?? [],
        type: this.build(f.type, base.namespace),
        hasDefault: Object.prototype.hasOwnProperty.call(f, 'default'),
        default: f.default,
        doc: typeof f.doc === 'string' ? f.doc : undefined,
      });
    }
    return node;
  }
}

/**
 * Parses an Avro schema: avsc checks it (names, defaults, duplicate definitions), then eventform builds its own
 * model, which keeps what avsc drops (logical types it does not know, enum defaults, aliases as written).
 * Throws `SCHEMA_INVALID_JSON` or `SCHEMA_AVRO_INVALID`.
 */
export function parseAvro(definition: string | object): { json: unknown; root: AvroNode } {
  const json = readAvroJson(definition);
  try {
    runtime
      .avsc()
      .Type.forSchema(withoutEmptyUnions(json) as Parameters<typeof avsc.Type.forSchema>[0], { wrapUnions: 'auto' });
  } catch (e) {
    schemaError(
      SchemaErrorCodes.AVRO_INVALID,
      undefined,
      `The Avro schema does not parse: ${(e as Error).message}. Fix the schema so that Avro accepts it ` +
        '(see https://avro.apache.org/docs/current/specification/).',
    );
  }
  return { json, root: new AvroModelBuilder().build(json, '') };
}

/** Whether the node is a record, enum or fixed. */
export function isNamed(node: AvroNode): node is AvroNamed {
  return node.type === 'record' || node.type === 'enum' || node.type === 'fixed';
}

/** A short description of a type for messages: `long`, `long (timestamp-millis)`, `record Order`, `array<int>`. */
export function describeAvro(node: AvroNode): string {
  switch (node.type) {
    case 'record':
    case 'enum':
    case 'fixed':
      return `${node.type} ${node.fullName}`;
    case 'array':
      return `array<${describeAvro(node.items)}>`;
    case 'map':
      return `map<${describeAvro(node.values)}>`;
    case 'union':
      return `union [${node.types.map(describeAvro).join(', ')}]`;
    default:
      return node.logicalType ? `${node.type} (${node.logicalType})` : node.type;
  }
}
