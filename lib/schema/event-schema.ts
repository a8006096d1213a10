import type * as avsc from 'avsc';
import { avroCanonicalFormOf } from './avro/canonical-form';
import { avroReadIncompatibilities } from './avro/compatibility';
import { avroBigQueryFields } from './avro/bigquery';
import { avroJsonSchemaDraft4 } from './avro/json-schema';
import { isNamed, parseAvro, type AvroNode } from './avro/model';
import { avroOpenApi3, type OpenApi3Options } from './avro/openapi';
import type { BigQueryField } from './bigquery-field';
import { SchemaErrorCodes, schemaError } from './errors';
import { jsonSchemaReadIncompatibilities } from './json-schema/compatibility';
import { parseJsonSchema, type ParsedJsonSchema } from './json-schema/model';
import { evaluateMode } from './modes';
import { protoBigQueryFields } from './protobuf/bigquery';
import { protoReadIncompatibilities } from './protobuf/compatibility';
import { parseProto, type ParsedProto } from './protobuf/model';
import { readJson } from './read-json';
import { runtime } from './runtime';
import {
  SCHEMA_FORMATS,
  type CompatibilityMode,
  type CompatibilityResult,
  type SchemaFormat,
  type SchemaIncompatibility,
} from './types';

/** Options for the {@link EventSchema} factories. */
export interface EventSchemaOptions {
  /**
   * The schema's name where the definition does not carry one the way you want it (registries and EventBridge use
   * it as the schema or record name).
   * @default - the Avro full name, the JSON Schema `title` (else the last segment of `$id` without `.json`), or
   * the first protobuf message's full name
   */
  readonly name?: string;
}

/** Options for {@link EventSchema.jsonSchema}. */
export interface JsonSchemaOptions extends EventSchemaOptions {
  /**
   * Validate and compile on first use instead of now. For schemas known to be valid (built-ins such as the event
   * envelope's), so that merely importing them loads no schema library; a broken schema then throws on first use.
   * @default false
   */
  readonly deferParsing?: boolean;
}

type Parsed =
  | { readonly format: 'AVRO'; readonly root: AvroNode; readonly json: unknown }
  | { readonly format: 'JSON'; readonly schema: ParsedJsonSchema }
  | { readonly format: 'PROTOBUF'; readonly proto: ParsedProto };

/** Any value the compatibility functions accept as a schema: an {@link EventSchema}, definition text, or an object. */
export type SchemaInput = EventSchema | string | object;

function jsonName(json: Record<string, unknown> | boolean): string {
  if (typeof json === 'boolean') return '';
  if (typeof json.title === 'string') return json.title;
  const id = typeof json.$id === 'string' ? json.$id : typeof json.id === 'string' ? json.id : undefined;
  const segment = id
    ?.split(/[/#]/)
    .filter((s) => s.length > 0)
    .pop();
  return segment ? segment.replace(/\.json$/, '') : '';
}

/**
 * A schema as a first-class value: defined once, checked for compatibility like a schema registry, converted for
 * each target (EventBridge schema registry, Pub/Sub schema and BigQuery table, Kafka Schema Registry subject).
 *
 * ```ts
 * const order = EventSchema.avro({ type: 'record', name: 'Order', namespace: 'com.example.orders', fields: [...] });
 * order.checkCompatibility([v1, v2], 'BACKWARD'); // { compatible, messages }
 * order.toBigQuerySchema();                        // google_bigquery_table schema
 * ```
 */
export class EventSchema {
  /**
   * An Apache Avro schema, parsed and checked with avsc. Throws `SCHEMA_INVALID_JSON` or `SCHEMA_AVRO_INVALID`.
   * @param definition the schema as JSON text or as an object (a bare type name such as `string` is accepted too)
   */
  static avro(definition: string | object, options: EventSchemaOptions = {}): EventSchema {
    const { json, root } = parseAvro(definition);
    const text = typeof definition === 'string' ? definition : JSON.stringify(json);
    const name = options.name ?? (isNamed(root) ? root.fullName : root.type);
    return new EventSchema('AVRO', text, name, () => ({ format: 'AVRO', root, json }));
  }

  /**
   * A JSON Schema (draft-04, -06, -07, 2019-09 or 2020-12 by `$schema`, draft-07 when absent), validated and
   * compiled with ajv. Throws `SCHEMA_INVALID_JSON`, `SCHEMA_JSON_SCHEMA_DRAFT_UNSUPPORTED` or
   * `SCHEMA_JSON_SCHEMA_INVALID`.
   */
  static jsonSchema(definition: string | object, options: JsonSchemaOptions = {}): EventSchema {
    const parse = (): Parsed => ({ format: 'JSON', schema: parseJsonSchema(definition) });
    if (options.deferParsing) {
      const json = readJson(definition, 'JSON Schema') as Record<string, unknown> | boolean;
      const text = typeof definition === 'string' ? definition : JSON.stringify(json);
      return new EventSchema('JSON', text, options.name ?? jsonName(json), parse);
    }
    const parsed = parse() as Extract<Parsed, { format: 'JSON' }>;
    const text = typeof definition === 'string' ? definition : JSON.stringify(parsed.schema.json);
    return new EventSchema('JSON', text, options.name ?? jsonName(parsed.schema.json), () => parsed);
  }

  /**
   * A Protocol Buffers schema (.proto text, proto2 or proto3), parsed and resolved with protobufjs. Throws
   * `SCHEMA_PROTOBUF_INVALID`, `SCHEMA_PROTOBUF_IMPORT_UNSUPPORTED` or `SCHEMA_PROTOBUF_NO_MESSAGE`.
   */
  static protobuf(definition: string, options: EventSchemaOptions = {}): EventSchema {
    const proto = parseProto(definition);
    return new EventSchema('PROTOBUF', definition, options.name ?? proto.firstMessage, () => ({
      format: 'PROTOBUF',
      proto,
    }));
  }

  /**
   * Returns the value itself when it is an EventSchema (its format must then be `format`), or parses definition
   * text or an object in `format`. Throws `SCHEMA_FORMAT_MISMATCH` for an EventSchema of another format.
   */
  static of(value: SchemaInput, format: SchemaFormat = 'AVRO', path = 'schema'): EventSchema {
    if (!SCHEMA_FORMATS.includes(format)) {
      schemaError(
        SchemaErrorCodes.ARGUMENT_INVALID,
        'format',
        `Unknown schema format ${JSON.stringify(format)}; choose one of ${SCHEMA_FORMATS.join(', ')}.`,
      );
    }
    if (value instanceof EventSchema) {
      if (value.format !== format) {
        schemaError(
          SchemaErrorCodes.FORMAT_MISMATCH,
          path,
          `${path} is a schema in ${value.format} but ${format} was expected; use schemas of one format only.`,
        );
      }
      return value;
    }
    if (format === 'AVRO') return EventSchema.avro(value);
    if (format === 'JSON') return EventSchema.jsonSchema(value);
    return EventSchema.protobuf(value as string);
  }

  private constructor(
    /** The schema language. */
    readonly format: SchemaFormat,
    /**
     * The definition text as a registry, Pub/Sub or EventBridge wants it: the text you passed, or the JSON of the
     * object you passed.
     */
    readonly definition: string,
    /** The Avro full name, the JSON Schema title, or the first protobuf message's full name. */
    readonly name: string,
    private readonly parse: () => Parsed,
  ) {}

  private avroType?: avsc.Type;
  private parsedValue?: Parsed;

  private get parsed(): Parsed {
    this.parsedValue ??= this.parse();
    return this.parsedValue;
  }

  /**
   * Checks this schema as the candidate for a subject whose registered versions are `previous` (oldest first),
   * with Confluent Schema Registry's semantics for `mode`. Values in `previous` that are not EventSchemas are read
   * in this schema's format.
   */
  checkCompatibility(previous: readonly SchemaInput[], mode: CompatibilityMode): CompatibilityResult {
    const versions = previous.map((p, i) => EventSchema.of(p, this.format, `previous[${i}]`));
    return evaluateMode(mode, versions, this as EventSchema, (reader, writer) =>
      reader.incompatibilitiesReading(writer),
    );
  }

  /**
   * Every reason why this schema, as the reader, cannot read data written with `writer` (same format); empty when
   * it can. BACKWARD compatibility of a new version is `newVersion.incompatibilitiesReading(oldVersion)`.
   */
  incompatibilitiesReading(writer: EventSchema): SchemaIncompatibility[] {
    const reader = this.parsed;
    const written = EventSchema.of(writer, this.format, 'writer').parsed;
    if (reader.format === 'AVRO' && written.format === 'AVRO')
      return avroReadIncompatibilities(reader.root, written.root);
    if (reader.format === 'JSON' && written.format === 'JSON') {
      return jsonSchemaReadIncompatibilities(reader.schema.json, written.schema.json);
    }
    if (reader.format === 'PROTOBUF' && written.format === 'PROTOBUF') {
      return protoReadIncompatibilities(reader.proto, written.proto);
    }
    return [];
  }

  /**
   * Checks a value against the schema; returns one line per problem, empty when the value is valid. AVRO values
   * are checked with avsc (JavaScript representation: `long` as number, `bytes` as Buffer, unions unwrapped),
   * JSON values with ajv, PROTOBUF values (plain objects in protobufjs's JSON form) against the first message.
   */
  validate(value: unknown): string[] {
    const p = this.parsed;
    if (p.format === 'JSON') {
      const validate = p.schema.validator();
      return validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    }
    if (p.format === 'PROTOBUF') {
      const type = p.proto.root.lookupType(p.proto.firstMessage);
      const problem = type.verify(value as Record<string, unknown>);
      return problem ? [problem] : [];
    }
    const problems: string[] = [];
    if (!this.avroType) {
      this.avroType = runtime
        .avsc()
        .Type.forSchema(p.json as Parameters<typeof avsc.Type.forSchema>[0], { wrapUnions: 'auto' });
    }
    this.avroType.isValid(value, {
      errorHook: (path: string[], v: unknown, type: avsc.Type) => {
        const where = path.length > 0 ? path.join('.') : '/';
        problems.push(
          v === undefined
            ? `${where}: missing (expected ${type.typeName})`
            : `${where}: ${JSON.stringify(v)} is not a valid ${type.typeName}`,
        );
      },
    });
    return problems;
  }

  /** The Avro Parsing Canonical Form (AVRO only; `SCHEMA_CONVERSION_NEEDS_AVRO` otherwise). */
  canonicalForm(): string {
    return avroCanonicalFormOf(this.avroRoot('canonicalForm'));
  }

  /**
   * The BigQuery table schema that a Pub/Sub BigQuery subscription with `useTopicSchema` writes into: for AVRO see
   * {@link avroToBigQuerySchema}; for PROTOBUF the first message, mapped as Pub/Sub documents it (oneofs and
   * recursive messages are unmappable). JSON Schema topics do not exist in Pub/Sub: `SCHEMA_CONVERSION_NEEDS_AVRO`.
   */
  toBigQuerySchema(): BigQueryField[] {
    if (this.parsed.format === 'PROTOBUF') return protoBigQueryFields(this.parsed.proto);
    return avroBigQueryFields(this.avroRoot('toBigQuerySchema'));
  }

  /** The JSON Schema draft-04 document for the JSON form of the events (AVRO only). */
  toJsonSchemaDraft4(): Record<string, unknown> {
    return avroJsonSchemaDraft4(this.avroRoot('toJsonSchemaDraft4'));
  }

  /** An OpenAPI 3 document as the EventBridge schema registry accepts for `Type: OpenApi3` (AVRO only). */
  toOpenApi3(options: OpenApi3Options = {}): Record<string, unknown> {
    return avroOpenApi3(this.avroRoot('toOpenApi3'), this.name, options);
  }

  private avroRoot(what: string): AvroNode {
    if (this.parsed.format !== 'AVRO') {
      return schemaError(
        SchemaErrorCodes.CONVERSION_NEEDS_AVRO,
        what,
        `${what}() converts Avro schemas; schema ${JSON.stringify(this.name)} is ${this.format}. Define the event ` +
          'with EventSchema.avro(...) to derive the other forms from it.',
      );
    }
    return this.parsed.root;
  }
}
