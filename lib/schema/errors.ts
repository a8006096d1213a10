import { EventformError } from '../errors';

/** Error codes thrown by the schema module (all start with `SCHEMA_`). */
export const SchemaErrorCodes = {
  /** The definition text is not JSON (AVRO, JSON Schema). */
  INVALID_JSON: 'SCHEMA_INVALID_JSON',
  /** The Avro schema does not parse (avsc's reason is in the message). */
  AVRO_INVALID: 'SCHEMA_AVRO_INVALID',
  /** The JSON Schema does not validate against its meta-schema or does not compile (ajv's reason is in the message). */
  JSON_SCHEMA_INVALID: 'SCHEMA_JSON_SCHEMA_INVALID',
  /** The `$schema` names a draft eventform does not know. */
  JSON_SCHEMA_DRAFT_UNSUPPORTED: 'SCHEMA_JSON_SCHEMA_DRAFT_UNSUPPORTED',
  /** The .proto text does not parse or a type does not resolve (protobufjs's reason is in the message). */
  PROTOBUF_INVALID: 'SCHEMA_PROTOBUF_INVALID',
  /** The .proto file imports a file other than Google's well-known types. */
  PROTOBUF_IMPORT_UNSUPPORTED: 'SCHEMA_PROTOBUF_IMPORT_UNSUPPORTED',
  /** The .proto file declares no message. */
  PROTOBUF_NO_MESSAGE: 'SCHEMA_PROTOBUF_NO_MESSAGE',
  /** `format`, `mode` or a schema value given to a function is not one it accepts. */
  ARGUMENT_INVALID: 'SCHEMA_ARGUMENT_INVALID',
  /** A previous schema and the candidate are in different formats. */
  FORMAT_MISMATCH: 'SCHEMA_FORMAT_MISMATCH',
  /** The conversion needs an Avro schema but received another format. */
  CONVERSION_NEEDS_AVRO: 'SCHEMA_CONVERSION_NEEDS_AVRO',
  /** An Avro construct has no BigQuery equivalent (unions other than [null, T], nested arrays, recursion...). */
  BIGQUERY_UNMAPPABLE: 'SCHEMA_BIGQUERY_UNMAPPABLE',
} as const;

/** Throws one schema error. */
export function schemaError(code: string, path: string | undefined, message: string): never {
  throw new EventformError(path === undefined ? { code, message } : { code, path, message });
}
