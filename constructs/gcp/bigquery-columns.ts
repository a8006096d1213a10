/**
 * The columns of a table a BigQuery subscription writes to. Pure: no engine imports.
 * @module
 */
import type { BigQueryField, EventSchema } from '../../lib';
import type * as conversions from '../../lib/schema/conversions';

/** Columns Pub/Sub fills when `writeMetadata` is on (https://cloud.google.com/pubsub/docs/bigquery). */
export const BIGQUERY_METADATA_COLUMNS: readonly BigQueryField[] = [
  { name: 'subscription_name', type: 'STRING', mode: 'NULLABLE' },
  { name: 'message_id', type: 'STRING', mode: 'NULLABLE' },
  { name: 'publish_time', type: 'TIMESTAMP', mode: 'NULLABLE' },
  { name: 'attributes', type: 'JSON', mode: 'NULLABLE' },
];

/** The column that holds the raw message when neither the topic nor the table schema is used. */
export const BIGQUERY_DATA_COLUMN: BigQueryField = { name: 'data', type: 'BYTES', mode: 'NULLABLE' };

/**
 * The table columns for a BigQuery subscription: the topic's AVRO schema converted by the core when a schema maps
 * message fields to columns, else a `data` column; plus the metadata columns when `writeMetadata` is on.
 */
export function bigQuerySubscriptionColumns(options: {
  readonly schema?: EventSchema;
  readonly mapFields: boolean;
  readonly writeMetadata: boolean;
}): BigQueryField[] {
  const body = options.mapFields && options.schema ? avroColumns(options.schema) : [BIGQUERY_DATA_COLUMN];
  return options.writeMetadata ? [...body, ...BIGQUERY_METADATA_COLUMNS] : body;
}

/**
 * The core's Avro to BigQuery conversion, loaded on first use: it pulls in the schema toolkit (Avro, JSON Schema,
 * Protobuf; ~5 MB and ~15 ms to load), which apps without BigQuery subscriptions do not need.
 */
function avroColumns(schema: EventSchema): BigQueryField[] {
  return (require('../../lib/schema/conversions') as typeof conversions).avroToBigQuerySchema(schema);
}
