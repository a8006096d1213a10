/**
 * The columns of a table a BigQuery subscription writes to. Pure: no engine imports.
 * @module
 */
import { avroToBigQuerySchema, type BigQueryField, type EventSchema } from '../../lib';

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
  const body = options.mapFields && options.schema ? avroToBigQuerySchema(options.schema) : [BIGQUERY_DATA_COLUMN];
  return options.writeMetadata ? [...body, ...BIGQUERY_METADATA_COLUMNS] : body;
}
