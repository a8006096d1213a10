import { BIGQUERY_MAX_DEPTH, type BigQueryField } from '../bigquery-field';
import { SchemaErrorCodes, schemaError } from '../errors';
import { describeAvro, type AvroNode, type AvroRecord } from './model';

function unmappable(path: string, why: string, fix: string): never {
  return schemaError(SchemaErrorCodes.BIGQUERY_UNMAPPABLE, path, `${why}; Pub/Sub cannot write it to BigQuery. ${fix}`);
}

function decimalType(node: AvroNode, path: string): string {
  const precision = Number(node.props.precision);
  const scale = node.props.scale === undefined ? 0 : Number(node.props.scale);
  if (scale <= 9 && precision - scale <= 29) return 'NUMERIC';
  if (scale <= 38 && precision - scale <= 38) return 'BIGNUMERIC';
  return unmappable(
    path,
    `decimal(${precision}, ${scale}) exceeds BIGNUMERIC (at most 38 digits before and 38 after the point)`,
    'Lower the precision or scale.',
  );
}

/** The BigQuery type of a non-union, non-array Avro type, following the Pub/Sub BigQuery subscription mapping. */
function scalarType(node: AvroNode, path: string): string {
  const logical = node.logicalType;
  switch (node.type) {
    case 'boolean':
      return 'BOOLEAN';
    case 'int':
      return logical === 'date' ? 'DATE' : logical === 'time-millis' ? 'TIME' : 'INTEGER';
    case 'long':
      if (logical === 'timestamp-millis' || logical === 'timestamp-micros') return 'TIMESTAMP';
      return logical === 'time-micros' ? 'TIME' : 'INTEGER';
    case 'float':
    case 'double':
      return 'FLOAT';
    case 'bytes':
      return logical === 'decimal' ? decimalType(node, path) : 'BYTES';
    case 'fixed':
      if (logical === 'decimal') return decimalType(node, path);
      return logical === 'duration' && node.size === 12 ? 'INTERVAL' : 'BYTES';
    case 'string':
      return 'STRING';
    case 'enum':
      return 'INTEGER';
    default:
      return unmappable(
        path,
        `Avro type ${describeAvro(node)} has no BigQuery column type`,
        'Give the field a concrete type.',
      );
  }
}

class BigQueryMapper {
  private readonly open: AvroRecord[] = [];

  fields(record: AvroRecord, path: string): BigQueryField[] {
    if (this.open.includes(record)) {
      unmappable(path, `record ${record.fullName} is recursive`, 'BigQuery has no recursive columns: break the cycle.');
    }
    if (this.open.length >= BIGQUERY_MAX_DEPTH) {
      unmappable(path, `records nest deeper than ${BIGQUERY_MAX_DEPTH} levels`, 'Flatten the schema.');
    }
    this.open.push(record);
    const out = record.fields.map((f) => this.column(f.name, f.type, `${path}.${f.name}`, f.doc));
    this.open.pop();
    return out;
  }

  private column(name: string, node: AvroNode, path: string, doc: string | undefined): BigQueryField {
    let mode: BigQueryField['mode'] = 'REQUIRED';
    let type = node;
    if (type.type === 'union') {
      const others = type.types.filter((t) => t.type !== 'null');
      if (type.types.length !== 2 || others.length !== 1) {
        unmappable(
          path,
          `${describeAvro(type)} is not a union of "null" and one type`,
          'Use ["null", T] for an optional field, or split the alternatives into separate optional fields.',
        );
      }
      mode = 'NULLABLE';
      type = others[0];
    }
    if (type.type === 'array' || type.type === 'map') {
      const element = type.type === 'array' ? type.items : type.values;
      const describedElement = type.type === 'array' ? `${path}[]` : `${path}{}`;
      if (type.type === 'array' && (element.type === 'array' || element.type === 'map' || element.type === 'union')) {
        unmappable(
          describedElement,
          `an array of ${describeAvro(element)} would be an array of arrays or of nullable values`,
          'Wrap the inner value in a record.',
        );
      }
      const base =
        type.type === 'map'
          ? {
              type: 'RECORD',
              fields: [
                { name: 'key', type: 'STRING', mode: 'REQUIRED' as const },
                this.column('value', element, `${describedElement}.value`, undefined),
              ],
            }
          : this.typed(element, describedElement);
      return withDescription({ name, ...base, mode: 'REPEATED' }, doc);
    }
    return withDescription({ name, ...this.typed(type, path), mode }, doc);
  }

  private typed(node: AvroNode, path: string): { type: string; fields?: BigQueryField[] } {
    return node.type === 'record'
      ? { type: 'RECORD', fields: this.fields(node, path) }
      : { type: scalarType(node, path) };
  }
}

function withDescription(field: BigQueryField, doc: string | undefined): BigQueryField {
  return doc === undefined ? field : { ...field, description: doc };
}

/**
 * The BigQuery table schema for an Avro record, as a Pub/Sub BigQuery subscription with `useTopicSchema` needs it
 * (https://cloud.google.com/pubsub/docs/bigquery#avro-types): boolean BOOLEAN; int and long INTEGER; float and
 * double FLOAT; bytes and fixed BYTES; string STRING; enum INTEGER; record RECORD; array REPEATED; map REPEATED
 * RECORD of `key` STRING and `value`; `["null", T]` NULLABLE; logical types timestamp-millis and timestamp-micros
 * TIMESTAMP, date DATE, time-millis and time-micros TIME, decimal NUMERIC (BIGNUMERIC beyond NUMERIC's range),
 * duration INTERVAL; other logical types as their underlying type. Throws `SCHEMA_BIGQUERY_UNMAPPABLE` for what
 * BigQuery cannot hold (other unions, arrays of arrays or of nullable values, recursion, a non-record root).
 */
export function avroBigQueryFields(root: AvroNode): BigQueryField[] {
  if (root.type !== 'record') {
    return unmappable(
      '(root)',
      `the schema is ${describeAvro(root)}, not a record`,
      'A BigQuery table needs a record at the top: wrap the value in a record.',
    );
  }
  return new BigQueryMapper().fields(root, root.fullName);
}
