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
  const change = `; to change a type, add a new field with a new number and reserve ${o.id} ("reserved ${o.id};") when you remove the old one`;
  const keep = { hint: `keep field ${o.id} as ${was}${change}`, writerHint: `keep field ${o.id} as ${now}${change}` };
  const differs = `field ${o.id} "${o.name}" is ${was} in the writer but ${now} in the reader`;
  if (ok.kind !== uk.kind) {
    ctx.issues.push({
      kind: 'FIELD_KIND_CHANGED',
      path,
      detail: differs,
      ...keep,
    });
    return;
  }
  if (ok.kind === 'SCALAR' && ok.scalar !== uk.scalar) {
    ctx.issues.push({
      kind: 'FIELD_SCALAR_KIND_CHANGED',
      path,
      detail: `${differs}, which is encoded differently`,
      ...keep,
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
        detail: `${differs}: the map keys are encoded differently`,
        ...keep,
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
      detail: `${differs}, another message type`,
      ...keep,
    });
    return;
  }
  if (ok.kind === 'MAP' && o.resolvedType === null && SCALAR_KIND[o.type] !== SCALAR_KIND[u.type]) {
    ctx.issues.push({
      kind: 'FIELD_SCALAR_KIND_CHANGED',
      path,
      detail: `${differs}: the map values are encoded differently`,
      ...keep,
    });
    return;
  }
  if (ok.kind === 'SCALAR' && ok.scalar !== 'STRING_OR_BYTES' && o.repeated !== u.repeated) {
    ctx.issues.push({
      kind: 'FIELD_NUMERIC_LABEL_CHANGED',
      path,
      detail: `numeric ${differs} (repeated numbers are packed)`,
      hint: `keep field ${o.id} ${o.repeated ? 'repeated' : 'singular'}; add a new field for the other shape`,
      writerHint: `keep field ${o.id} ${u.repeated ? 'repeated' : 'singular'}; add a new field for the other shape`,
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
        detail: `fields ${movedIn.join(', ')} are separate in the writer but members of oneof "${oneof.name}" in the reader, which keeps only one of them`,
        hint: 'keep the fields outside the oneof',
        writerHint: `keep fields ${movedIn.join(', ')} in oneof "${oneof.name}", as the reader has them`,
      });
    } else if (movedIn.length === 1 && fromOneof.length > 0) {
      ctx.issues.push({
        kind: 'FIELD_MOVED_TO_EXISTING_ONEOF',
        path: at,
        detail: `field ${movedIn[0]} is separate in the writer but joins the existing oneof "${oneof.name}" in the reader`,
        hint: `keep field ${movedIn[0]} outside the oneof`,
        writerHint: `keep field ${movedIn[0]} in oneof "${oneof.name}", as the reader has it`,
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
          detail: `field ${f.id} "${f.name}" of oneof "${oneof.name}" is in the writer but not in the reader`,
          hint: `keep field ${f.id} in the oneof (data may have set it)`,
          writerHint: `do not add field ${f.id} to oneof "${oneof.name}" while readers lack it`,
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
        detail: `required field ${tag} "${of.name}" is in the writer but not in the reader`,
        hint: `keep required field ${tag}`,
        writerHint: `do not add required field ${tag}: the reader does not know it`,
      });
    } else if (uf && !of && uf.required) {
      ctx.issues.push({
        kind: 'REQUIRED_FIELD_ADDED',
        path: at,
        detail: `the reader requires field ${tag} "${uf.name}", which the writer does not have`,
        hint: `add field ${tag} as optional instead of required`,
        writerHint: `keep writing required field ${tag}: the reader requires it`,
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
        detail: `message ${at} is in the writer but not in the reader`,
        hint: `keep message ${at} (data written with it must stay readable)`,
        writerHint: `do not add message ${at} while readers lack it`,
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
      detail: `the writer's package is "${writer.packageName}", the reader's "${reader.packageName}"`,
      hint: `keep "package ${writer.packageName};"`,
      writerHint: `keep "package ${reader.packageName};"`,
    });
  }
  compareTypes(ctx, writer.types, reader.types, '');
  return ctx.issues;
}
