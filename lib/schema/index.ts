export * from './types';
export { SchemaErrorCodes } from './errors';
export * from './event-schema';
export * from './compatibility';
export * from './conversions';
export type { BigQueryField } from './bigquery-field';
export type { OpenApi3Options } from './avro/openapi';
export type { JsonSchemaDraft } from './json-schema/model';
