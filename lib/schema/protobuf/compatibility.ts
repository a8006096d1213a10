import type * as protobuf from 'protobufjs';
import { runtime } from '../runtime';
import type { SchemaIncompatibility } from '../types';
import type { ParsedProto } from './model';

/** Scalar groups whose members share a wire encoding (Confluent's `ScalarKind`, after the protobuf guide). */
const SCALAR_KIND: Readonly<Record<string, string>> = {
  int32: 'GENERAL_NUMBER',
  int64: 'GENERAL_NUMBER',
  uint32: 'GENERAL_NUMBER',
  uint64: 'GENERAL_NUMBER',
  bool: 'GENERAL_NUMBER',
  sint32: 'SIGNED_NUMBER',
  sint64: 'SIGNED_NUMBER',
  string: 'STRING_OR_BYTES',
  bytes: 'STRING_OR_BYTES',
  fixed32: 'FIXED32',
  sfixed32: 'FIXED32',
  fixed64: 'FIXED64',
  sfixed64: 'FIXED64',
  float: 'FLOAT',
  double: 'DOUBLE',
};

type Context = {
  readonly original: ParsedProto;
  readonly update: ParsedProto;
  readonly issues: SchemaIncompatibility[];
};

function localName(fullName: string, packageName: string): string {
  const name = fullName.startsWith('.') ? fullName.slice(1) : fullName;
  return packageName && name.startsWith(`${packageName}.`) ? name.slice(packageName.length + 1) : name;
}

function typeName(field: protobuf.Field, proto: ParsedProto): string {
  return field.resolvedType ? localName(field.resolvedType.fullName, proto.packageName) : field.type;
}

function describeField(field: protobuf.Field, proto: ParsedProto): string {
  if (field instanceof runtime.protobuf().MapField) return `map<${field.keyType}, ${typeName(field, proto)}>`;
  return `${field.repeated ? 'repeated ' : ''}${typeName(field, proto)}`;
}

/** SCALAR (enums count as numbers), MESSAGE or MAP, and the scalar group. */
function kindOf(field: protobuf.Field): { kind: 'SCALAR' | 'MESSAGE' | 'MAP'; scalar?: string } {
  if (field instanceof runtime.protobuf().MapField) return { kind: 'MAP' };
  if (field.resolvedType instanceof runtime.protobuf().Enum) return { kind: 'SCALAR', scalar: 'GENERAL_NUMBER' };
  if (field.resolvedType instanceof runtime.protobuf().Type) return { kind: 'MESSAGE' };
  return { kind: 'SCALAR', scalar: SCALAR_KIND[field.type] };
}

function compareField(ctx: Context, o: protobuf.Field, u: protobuf.Field, path: string): void {
  const ok = kindOf(o);
  const uk = kindOf(u);
  const was = describeField(o, ctx.original);
  const now = describeField(u, ctx.update);
  const keepNumber = `keep field ${o.id} as ${was}; to change the type, add a new field with a new number and reserve ${o.id} ("reserved ${o.id};") when you remove the old one`;
  if (ok.kind !== uk.kind) {
    ctx.issues.push({
      kind: 'FIELD_KIND_CHANGED',
      path,
      detail: `field ${o.id} "${o.name}" changed from ${was} to ${now}`,
      hint: keepNumber,
    });
    return;
  }
  if (ok.kind === 'SCALAR' && ok.scalar !== uk.scalar) {
    ctx.issues.push({
      kind: 'FIELD_SCALAR_KIND_CHANGED',
      path,
      detail: `field ${o.id} "${o.name}" changed from ${was} to ${now}, which is encoded differently`,
      hint: keepNumber,
    });
    return;
  }
  if (ok.kind === 'MAP') {
    const om = o as unknown as protobuf.MapField;
    const um = u as unknown as protobuf.MapField;
    if (SCALAR_KIND[om.keyType] !== SCALAR_KIND[um.keyType]) {
      ctx.issues.push({
        kind: 'FIELD_SCALAR_KIND_CHANGED',
        path,
        detail: `map key of field ${o.id} "${o.name}" changed from ${om.keyType} to ${um.keyType}`,
        hint: keepNumber,
      });
    }
  }
  if (
    (ok.kind === 'MESSAGE' || ok.kind === 'MAP') &&
    o.resolvedType instanceof runtime.protobuf().Type &&
    typeName(o, ctx.original) !== typeName(u, ctx.update)
  ) {
    ctx.issues.push({
      kind: 'FIELD_NAMED_TYPE_CHANGED',
      path,
      detail: `field ${o.id} "${o.name}" changed from ${was} to ${now}`,
      hint: keepNumber,
    });
    return;
  }
  if (ok.kind === 'MAP' && o.resolvedType === null && SCALAR_KIND[o.type] !== SCALAR_KIND[u.type]) {
    ctx.issues.push({
      kind: 'FIELD_SCALAR_KIND_CHANGED',
      path,
      detail: `map value of field ${o.id} "${o.name}" changed from ${was} to ${now}`,
      hint: keepNumber,
    });
    return;
  }
  if (ok.kind === 'SCALAR' && ok.scalar !== 'STRING_OR_BYTES' && o.repeated !== u.repeated) {
    ctx.issues.push({
      kind: 'FIELD_NUMERIC_LABEL_CHANGED',
      path,
      detail: `numeric field ${o.id} "${o.name}" changed from ${was} to ${now} (repeated numbers are packed)`,
      hint: `keep field ${o.id} ${o.repeated ? 'repeated' : 'singular'}; add a new field for the other shape`,
    });
  }
}

/** Oneofs written in the .proto (proto3 `optional` creates synthetic ones, which are not real oneofs). */
function realOneofs(type: protobuf.Type): protobuf.OneOf[] {
  return type.oneofsArray.filter(
    (one) => !(one.fieldsArray.length === 1 && one.fieldsArray[0].options?.proto3_optional),
  );
}

function compareMessage(ctx: Context, o: protobuf.Type, u: protobuf.Type, path: string): void {
  const oneofOf = (f: protobuf.Field) =>
    f.partOf && realOneofs(f.parent as protobuf.Type).includes(f.partOf) ? f.partOf.name : undefined;
  const oByTag = new Map(o.fieldsArray.map((f) => [f.id, f]));
  const uByTag = new Map(u.fieldsArray.map((f) => [f.id, f]));
  for (const oneof of realOneofs(u)) {
    const tags = oneof.fieldsArray.map((f) => f.id);
    const movedIn = tags.filter((t) => oByTag.has(t) && oneofOf(oByTag.get(t) as protobuf.Field) === undefined);
    const fromOneof = tags.filter((t) => oByTag.has(t) && oneofOf(oByTag.get(t) as protobuf.Field) !== undefined);
    const at = `${path}.${oneof.name}`;
    if (movedIn.length > 1) {
      ctx.issues.push({
        kind: 'MULTIPLE_FIELDS_MOVED_TO_ONEOF',
        path: at,
        detail: `fields ${movedIn.join(', ')} moved into oneof "${oneof.name}", so old data that sets several of them loses all but one`,
        hint: 'keep the fields outside the oneof',
      });
    } else if (movedIn.length === 1 && fromOneof.length > 0) {
      ctx.issues.push({
        kind: 'FIELD_MOVED_TO_EXISTING_ONEOF',
        path: at,
        detail: `field ${movedIn[0]} moved into oneof "${oneof.name}", which already had fields`,
        hint: `keep field ${movedIn[0]} outside the oneof`,
      });
    }
  }
  const updateOneofs = new Set(realOneofs(u).map((one) => one.name));
  for (const oneof of realOneofs(o).filter((one) => updateOneofs.has(one.name))) {
    for (const f of oneof.fieldsArray) {
      if (!uByTag.has(f.id)) {
        ctx.issues.push({
          kind: 'ONEOF_FIELD_REMOVED',
          path: `${path}.${oneof.name}.${f.id}`,
          detail: `field ${f.id} "${f.name}" removed from oneof "${oneof.name}"`,
          hint: `keep field ${f.id} in the oneof (old data may have set it)`,
        });
      }
    }
  }
  for (const tag of [...new Set([...oByTag.keys(), ...uByTag.keys()])].sort((a, b) => a - b)) {
    const of = oByTag.get(tag);
    const uf = uByTag.get(tag);
    const at = `${path}.${uf?.name ?? of?.name}(${tag})`;
    if (of && uf) compareField(ctx, of, uf, at);
    else if (of && !uf && of.required) {
      ctx.issues.push({
        kind: 'REQUIRED_FIELD_REMOVED',
        path: at,
        detail: `required field ${tag} "${of.name}" was removed`,
        hint: `keep required field ${tag}`,
      });
    } else if (uf && !of && uf.required) {
      ctx.issues.push({
        kind: 'REQUIRED_FIELD_ADDED',
        path: at,
        detail: `required field ${tag} "${uf.name}" was added, which old data lacks`,
        hint: `add field ${tag} as optional instead of required`,
      });
    }
  }
  compareTypes(ctx, o.nestedArray, u.nestedArray, path);
}

function compareTypes(
  ctx: Context,
  original: readonly protobuf.ReflectionObject[],
  update: readonly protobuf.ReflectionObject[],
  scope: string,
): void {
  const messages = (list: readonly protobuf.ReflectionObject[]) =>
    new Map(
      list
        .filter((t): t is protobuf.Type => t instanceof runtime.protobuf().Type && !isMapEntry(t))
        .map((t) => [t.name, t]),
    );
  const om = messages(original);
  const um = messages(update);
  for (const [name, o] of om) {
    const at = scope ? `${scope}.${name}` : name;
    const u = um.get(name);
    if (!u) {
      ctx.issues.push({
        kind: 'MESSAGE_REMOVED',
        path: at,
        detail: `message ${at} was removed`,
        hint: `keep message ${at} (data written with it must still be readable)`,
      });
    } else {
      compareMessage(ctx, o, u, at);
    }
  }
}

function isMapEntry(t: protobuf.Type): boolean {
  return Boolean(t.options?.map_entry);
}

/**
 * Every reason why `reader` cannot read data written with `writer`, with Confluent Schema Registry's Protobuf rules
 * (its diff of the writer as original and the reader as update): the package and every message must stay; fields
 * are matched by number, and a field may be renamed, added or removed (but not a `required` one), yet not change
 * kind (scalar, message, map), scalar encoding group (int32/int64/uint32/uint64/bool, sint32/sint64,
 * string/bytes, fixed32/sfixed32, fixed64/sfixed64, float, double; enums count as int32) or message type; numeric
 * fields may not switch between singular and repeated; several existing fields may not move into one oneof, and a
 * oneof that keeps its name may not lose a field. Enum changes are compatible.
 */
export function protoReadIncompatibilities(reader: ParsedProto, writer: ParsedProto): SchemaIncompatibility[] {
  const ctx: Context = { original: writer, update: reader, issues: [] };
  if (writer.packageName !== reader.packageName) {
    ctx.issues.push({
      kind: 'PACKAGE_CHANGED',
      path: '(package)',
      detail: `the package changed from "${writer.packageName}" to "${reader.packageName}"`,
      hint: `keep "package ${writer.packageName};"`,
    });
  }
  compareTypes(ctx, writer.types, reader.types, '');
  return ctx.issues;
}
