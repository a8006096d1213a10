import type { SchemaIncompatibility } from '../types';
import {
  describeAvro,
  isNamed,
  type AvroEnum,
  type AvroField,
  type AvroFixed,
  type AvroNamed,
  type AvroNode,
  type AvroRecord,
} from './model';

const IN_PROGRESS = 'in-progress';
type Memo = Map<AvroNode, Map<AvroNode, SchemaIncompatibility[] | typeof IN_PROGRESS>>;

/** Which writer types each reader type may read besides its own (the Avro specification's promotions). */
const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  bytes: ['string'],
  string: ['bytes'],
};

/**
 * Every reason why `reader` cannot read data written with `writer`, following the Avro specification's schema
 * resolution exactly as Avro Java's `SchemaCompatibility` (which Confluent Schema Registry calls) decides it:
 * promotions, record fields matched by name or reader alias (added reader fields need a default), enum symbols
 * (or a reader enum default), union branches, fixed sizes, and named types matched by simple name or reader alias.
 * Logical types are not compared (Avro Java ignores them). An empty list means compatible.
 */
export function avroReadIncompatibilities(reader: AvroNode, writer: AvroNode): SchemaIncompatibility[] {
  const root = isNamed(reader) ? reader.fullName : isNamed(writer) ? writer.fullName : '(root)';
  const seen = new Set<string>();
  return check(reader, writer, root, new Map()).filter((i) => {
    const key = `${i.kind}|${i.path}|${i.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function check(reader: AvroNode, writer: AvroNode, path: string, memo: Memo): SchemaIncompatibility[] {
  let byWriter = memo.get(reader);
  if (!byWriter) {
    byWriter = new Map();
    memo.set(reader, byWriter);
  }
  const known = byWriter.get(writer);
  // A recursive pair already being checked is compatible unless proven otherwise (as in Avro Java).
  if (known === IN_PROGRESS) return [];
  if (known) return known;
  byWriter.set(writer, IN_PROGRESS);
  const result = calculate(reader, writer, path, memo);
  byWriter.set(writer, result);
  return result;
}

function calculate(reader: AvroNode, writer: AvroNode, path: string, memo: Memo): SchemaIncompatibility[] {
  if (reader.type === writer.type) {
    switch (reader.type) {
      case 'array':
        return check(reader.items, (writer as typeof reader).items, `${path}[]`, memo);
      case 'map':
        return check(reader.values, (writer as typeof reader).values, `${path}{}`, memo);
      case 'fixed':
        return [...names(reader, writer as AvroFixed, path), ...fixedSize(reader, writer as AvroFixed, path)];
      case 'enum':
        return [...names(reader, writer as AvroEnum, path), ...enumSymbols(reader, writer as AvroEnum, path)];
      case 'record':
        return [
          ...names(reader, writer as AvroRecord, path),
          ...recordFields(reader, writer as AvroRecord, path, memo),
        ];
      case 'union':
        // Each branch the writer may have used must be readable by the reader union.
        return (writer as typeof reader).types.flatMap((branch) => readerUnion(reader, branch, path, memo));
      default:
        return [];
    }
  }
  if (writer.type === 'union') {
    // A non-union reader must read every branch of the writer union.
    return writer.types.flatMap((branch) => check(reader, branch, path, memo));
  }
  if (reader.type === 'union') return readerUnion(reader, writer, path, memo);
  if (PROMOTIONS[reader.type]?.includes(writer.type)) return [];
  return [typeMismatch(reader, writer, path)];
}

function readerUnion(
  reader: Extract<AvroNode, { type: 'union' }>,
  writer: AvroNode,
  path: string,
  memo: Memo,
): SchemaIncompatibility[] {
  if (reader.types.some((branch) => check(branch, writer, path, memo).length === 0)) return [];
  // Explain through the branch meant for this data (same kind and name) when there is one.
  const sameKind = reader.types.find(
    (b) => b.type === writer.type && (!isNamed(b) || b.name === (writer as AvroNamed).name),
  );
  if (sameKind) return check(sameKind, writer, path, memo);
  return [
    {
      kind: 'MISSING_UNION_BRANCH',
      path,
      detail: `the reader's ${describeAvro(reader)} has no branch that can read the writer's ${describeAvro(writer)}`,
      hint: `add ${describeAvro(writer)} (or a type it promotes to) to the reader union`,
      writerHint: `do not write ${describeAvro(writer)} here: the reader's union has no branch for it`,
    },
  ];
}

function names(reader: AvroNamed, writer: AvroNamed, path: string): SchemaIncompatibility[] {
  if (reader.name === writer.name || reader.aliases.includes(writer.fullName)) return [];
  return [
    {
      kind: 'NAME_MISMATCH',
      path,
      detail: `reader ${describeAvro(reader)} does not match writer ${describeAvro(writer)} by name or alias`,
      hint: `keep the name ${JSON.stringify(writer.name)}, or add "aliases": [${JSON.stringify(writer.fullName)}] to ${reader.type} ${reader.fullName}`,
      writerHint: `keep the name ${JSON.stringify(reader.name)}: the reader matches types by name or by its own aliases`,
    },
  ];
}

function fixedSize(reader: AvroFixed, writer: AvroFixed, path: string): SchemaIncompatibility[] {
  if (reader.size === writer.size) return [];
  return [
    {
      kind: 'FIXED_SIZE_MISMATCH',
      path,
      detail: `reader fixed ${reader.fullName} has size ${reader.size}, writer has size ${writer.size}`,
      hint: `a fixed size cannot change: keep size ${writer.size}, or add a new field with its own fixed type and a default`,
      writerHint: `a fixed size cannot change: keep size ${reader.size}, or add a new field with its own fixed type and a default`,
    },
  ];
}

function enumSymbols(reader: AvroEnum, writer: AvroEnum, path: string): SchemaIncompatibility[] {
  const missing = writer.symbols.filter((s) => !reader.symbols.includes(s)).sort();
  if (missing.length === 0) return [];
  if (reader.default !== undefined && reader.symbols.includes(reader.default)) return [];
  return [
    {
      kind: 'MISSING_ENUM_SYMBOLS',
      path,
      detail: `reader enum ${reader.fullName} lacks the writer's symbols [${missing.join(', ')}]`,
      hint: `keep the symbols [${missing.join(', ')}], or give enum ${reader.fullName} a "default" symbol that unknown symbols are read as`,
      writerHint: `do not add the symbols [${missing.join(', ')}] until every reader's enum ${reader.fullName} has a "default" symbol`,
    },
  ];
}

function writerFieldsFor(readerField: AvroField, writer: AvroRecord): AvroField[] {
  const found: AvroField[] = [];
  const direct = writer.fields.find((f) => f.name === readerField.name);
  if (direct) found.push(direct);
  for (const alias of readerField.aliases) {
    const byAlias = writer.fields.find((f) => f.name === alias);
    if (byAlias) found.push(byAlias);
  }
  return found;
}

function recordFields(reader: AvroRecord, writer: AvroRecord, path: string, memo: Memo): SchemaIncompatibility[] {
  const issues: SchemaIncompatibility[] = [];
  const matched = new Set<AvroField>();
  const unmatchedReaderFields: AvroField[] = [];
  for (const rf of reader.fields) {
    const found = writerFieldsFor(rf, writer);
    found.forEach((f) => matched.add(f));
    const fieldPath = `${path}.${rf.name}`;
    if (found.length > 1) {
      issues.push({
        kind: 'AMBIGUOUS_FIELD_MATCH',
        path: fieldPath,
        detail: `reader field "${rf.name}" matches several writer fields (${found.map((f) => f.name).join(', ')}) by name and aliases`,
        hint: `remove the aliases of "${rf.name}" that name other writer fields, so that each reader field matches one writer field`,
        writerHint: `keep one of the fields ${found.map((f) => `"${f.name}"`).join(', ')} only: the reader's field "${rf.name}" matches all of them`,
      });
    } else if (found.length === 1) {
      issues.push(...check(rf.type, found[0].type, fieldPath, memo));
    } else if (!rf.hasDefault) {
      unmatchedReaderFields.push(rf);
    }
  }
  for (const rf of unmatchedReaderFields) {
    // A writer field that no reader field claims and whose data this field could read may be its old name.
    const renamed = writer.fields.find(
      (wf) => !matched.has(wf) && avroReadIncompatibilities(rf.type, wf.type).length === 0,
    );
    const alias = renamed
      ? `, or, if it renames writer field "${renamed.name}", add "aliases": ["${renamed.name}"]`
      : '';
    issues.push({
      kind: 'READER_FIELD_MISSING_DEFAULT_VALUE',
      path: `${path}.${rf.name}`,
      detail: `reader field "${rf.name}" (${describeAvro(rf.type)}) is not in the writer's record ${writer.fullName} and has no default`,
      hint: `add a default to "${rf.name}" (for example ${exampleDefault(rf.type)})${alias}`,
      writerHint: `keep field "${rf.name}" (${describeAvro(rf.type)}): the reader has no default for it (remove a field only after every reader has a default for it)`,
    });
  }
  return issues;
}

function typeMismatch(reader: AvroNode, writer: AvroNode, path: string): SchemaIncompatibility {
  const detail = `reader type ${describeAvro(reader)} cannot read writer type ${describeAvro(writer)}`;
  if (writer.type === 'null') {
    return {
      kind: 'TYPE_MISMATCH',
      path,
      detail,
      hint: `the writer allows null here: make the reader type a union with "null", e.g. ["null", ${JSON.stringify(describeAvro(reader))}]`,
      writerHint: `keep ${describeAvro(reader)} without null: the reader cannot read null here`,
    };
  }
  const widerTypes = Object.keys(PROMOTIONS).filter((t) => PROMOTIONS[t].includes(writer.type));
  const promote = widerTypes.length > 0 ? ` or a type it promotes to (${widerTypes.join(', ')})` : '';
  return {
    kind: 'TYPE_MISMATCH',
    path,
    detail,
    hint: `keep ${describeAvro(writer)}${promote}; to change a type, add a new field with a default and stop writing the old one`,
    writerHint: `keep ${describeAvro(reader)}${narrower(reader)}; to change a type, add a new field with a default and stop writing the old one`,
  };
}

/** The types a reader of `reader`'s type can read besides its own, for the writer-side hint. */
function narrower(reader: AvroNode): string {
  const readable = PROMOTIONS[reader.type] ?? [];
  return readable.length > 0 ? ` or a type it reads (${readable.join(', ')})` : '';
}

function exampleDefault(node: AvroNode): string {
  switch (node.type) {
    case 'union':
      return node.types[0]?.type === 'null'
        ? '"default": null'
        : `"default": ${exampleDefault(node.types[0] ?? node).replace('"default": ', '')}`;
    case 'null':
      return '"default": null';
    case 'boolean':
      return '"default": false';
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return '"default": 0';
    case 'string':
    case 'bytes':
      return '"default": ""';
    case 'enum':
      return `"default": ${JSON.stringify(node.symbols[0])}`;
    case 'array':
      return '"default": []';
    case 'map':
    case 'record':
      return '"default": {}';
    case 'fixed':
      return `"default": ${JSON.stringify('\u0000'.repeat(node.size))}`;
  }
}
