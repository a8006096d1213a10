import type * as protobuf from 'protobufjs';
import { BIGQUERY_MAX_DEPTH, type BigQueryField } from '../bigquery-field';
import { SchemaErrorCodes, schemaError } from '../errors';
import { runtime } from '../runtime';
import type { ParsedProto } from './model';

/** BigQuery types of protobuf scalars, per the Pub/Sub BigQuery subscription mapping. */
const SCALARS: Readonly<Record<string, string>> = {
  double: 'FLOAT',
  float: 'FLOAT',
  int32: 'INTEGER',
  int64: 'INTEGER',
  uint32: 'INTEGER',
  sint32: 'INTEGER',
  sint64: 'INTEGER',
  fixed32: 'INTEGER',
  sfixed32: 'INTEGER',
  sfixed64: 'INTEGER',
  uint64: 'NUMERIC',
  fixed64: 'NUMERIC',
  bool: 'BOOLEAN',
  string: 'STRING',
  bytes: 'BYTES',
};

function unmappable(path: string, why: string, fix: string): never {
  return schemaError(SchemaErrorCodes.BIGQUERY_UNMAPPABLE, path, `${why}; Pub/Sub cannot write it to BigQuery. ${fix}`);
}

class ProtoBigQueryMapper {
  private readonly open: protobuf.Type[] = [];

  fields(type: protobuf.Type, path: string): BigQueryField[] {
    if (this.open.includes(type)) {
      unmappable(path, `message ${type.name} is recursive`, 'BigQuery has no recursive columns: break the cycle.');
    }
    if (this.open.length >= BIGQUERY_MAX_DEPTH) {
      unmappable(path, `messages nest deeper than ${BIGQUERY_MAX_DEPTH} levels`, 'Flatten the schema.');
    }
    this.open.push(type);
    const out = type.fieldsArray.map((f) => this.column(f, `${path}.${f.name}`));
    this.open.pop();
    return out;
  }

  private column(field: protobuf.Field, path: string): BigQueryField {
    const pb = runtime.protobuf();
    const oneof = field.partOf;
    if (oneof && !(oneof.fieldsArray.length === 1 && field.options?.proto3_optional)) {
      unmappable(
        path,
        `field "${field.name}" is part of oneof "${oneof.name}"`,
        'Make its members plain optional fields.',
      );
    }
    if (field instanceof pb.MapField) {
      const key: BigQueryField = { name: 'key', type: SCALARS[field.keyType], mode: 'NULLABLE' };
      const value = { name: 'value', ...this.typed(field, `${path}{}`), mode: 'NULLABLE' as const };
      return { name: field.name, type: 'RECORD', mode: 'REPEATED', fields: [key, value] };
    }
    const mode = field.repeated ? 'REPEATED' : field.required ? 'REQUIRED' : 'NULLABLE';
    return { name: field.name, ...this.typed(field, path), mode };
  }

  private typed(field: protobuf.Field, path: string): { type: string; fields?: BigQueryField[] } {
    const pb = runtime.protobuf();
    if (field.resolvedType instanceof pb.Enum) return { type: 'INTEGER' };
    if (field.resolvedType instanceof pb.Type) return { type: 'RECORD', fields: this.fields(field.resolvedType, path) };
    return { type: SCALARS[field.type] };
  }
}

/**
 * The BigQuery table schema a Pub/Sub BigQuery subscription with `useTopicSchema` writes the first message of a
 * .proto schema into (https://cloud.google.com/pubsub/docs/bigquery#protocol-buffer-types): double and float FLOAT;
 * int32, int64, uint32, sint32, sint64, fixed32, sfixed32, sfixed64 INTEGER; uint64 and fixed64 NUMERIC; bool
 * BOOLEAN; string STRING; bytes BYTES; enum INTEGER; message RECORD; `map<K, V>` REPEATED RECORD of `key` and
 * `value`; repeated fields REPEATED; proto2 `required` fields REQUIRED, other singular fields NULLABLE. Throws
 * `SCHEMA_BIGQUERY_UNMAPPABLE` for oneofs (Pub/Sub cannot map them) and recursive messages.
 */
export function protoBigQueryFields(proto: ParsedProto): BigQueryField[] {
  const first = proto.root.lookupType(proto.firstMessage);
  return new ProtoBigQueryMapper().fields(first, proto.firstMessage);
}
