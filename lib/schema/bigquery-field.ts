/**
 * One column of a BigQuery table schema, in the JSON shape that Terraform's `google_bigquery_table.schema` and the
 * BigQuery API take (legacy type names: STRING, INTEGER, FLOAT, BOOLEAN, BYTES, RECORD, TIMESTAMP, DATE, TIME,
 * NUMERIC, BIGNUMERIC, INTERVAL).
 */
export interface BigQueryField {
  /** Column name (the Avro or protobuf field name). */
  readonly name: string;
  /** BigQuery type name. */
  readonly type: string;
  /** REQUIRED, NULLABLE (Avro `["null", T]`, protobuf singular fields) or REPEATED (arrays, maps, repeated fields). */
  readonly mode: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  /** The columns of a RECORD. */
  readonly fields?: BigQueryField[];
  /** The Avro field's `doc` (protobuf comments are not carried over). */
  readonly description?: string;
}

/** BigQuery allows at most 15 levels of nested RECORDs. */
export const BIGQUERY_MAX_DEPTH = 15;
