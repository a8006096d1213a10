import type { BigQueryField } from './bigquery-field';
import type { OpenApi3Options } from './avro/openapi';
import { EventSchema, type SchemaInput } from './event-schema';

/**
 * The BigQuery table schema (Terraform `google_bigquery_table.schema`, legacy type names) that a Pub/Sub BigQuery
 * subscription with `useTopicSchema` writes an Avro record into; see {@link EventSchema.toBigQuerySchema}.
 * Throws `SCHEMA_BIGQUERY_UNMAPPABLE` for Avro constructs BigQuery cannot hold.
 */
export function avroToBigQuerySchema(schema: SchemaInput): BigQueryField[] {
  return EventSchema.of(schema, 'AVRO').toBigQuerySchema();
}

/** The JSON Schema draft-04 document for the JSON form of Avro data; see {@link EventSchema.toJsonSchemaDraft4}. */
export function avroToJsonSchemaDraft4(schema: SchemaInput): Record<string, unknown> {
  return EventSchema.of(schema, 'AVRO').toJsonSchemaDraft4();
}

/**
 * The OpenAPI 3 document the EventBridge schema registry accepts for `Type: OpenApi3`, derived from an Avro schema;
 * see {@link EventSchema.toOpenApi3}.
 */
export function avroToOpenApi3(schema: SchemaInput, options: OpenApi3Options = {}): Record<string, unknown> {
  return EventSchema.of(schema, 'AVRO').toOpenApi3(options);
}

/** The Avro Parsing Canonical Form of a schema (the input of Avro fingerprints). */
export function avroCanonicalForm(schema: SchemaInput): string {
  return EventSchema.of(schema, 'AVRO').canonicalForm();
}
