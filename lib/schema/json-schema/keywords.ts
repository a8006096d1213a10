/** A JSON Schema document or subschema. */
export type Json = Record<string, unknown>;
/** A schema: an object or a boolean. */
export type Node = Json | boolean;

const OBJECT_KEYS = [
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'dependentRequired',
];
const ARRAY_KEYS = ['items', 'prefixItems', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const STRING_KEYS = ['minLength', 'maxLength', 'pattern'];
const NUMBER_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
// An array, not a Set: Pulumi's closure serializer cannot copy a module-level Set or Map.
const ANNOTATIONS: readonly string[] = [
  '$schema',
  '$id',
  'id',
  'title',
  'description',
  'default',
  'examples',
  '$comment',
  'definitions',
  '$defs',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
];

/** How Confluent's JSON Schema diff classifies a schema (after everit's model). */
export type Kind =
  'EMPTY' | 'FALSE' | 'ENUM' | 'NOT' | 'COMBINED' | 'OBJECT' | 'ARRAY' | 'STRING' | 'NUMBER' | 'BOOLEAN' | 'NULL';

/** The class of a schema, inferred from `type` or, without it, from its keywords. */
export function kindOf(s: Node): Kind {
  if (s === true) return 'EMPTY';
  if (s === false) return 'FALSE';
  if ('enum' in s || 'const' in s) return 'ENUM';
  if (Array.isArray(s.type) && s.type.length > 1) return 'COMBINED';
  if ('anyOf' in s || 'oneOf' in s || 'allOf' in s) return 'COMBINED';
  if ('not' in s) return 'NOT';
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === 'object' || (t === undefined && OBJECT_KEYS.some((k) => k in s))) return 'OBJECT';
  if (t === 'array' || (t === undefined && ARRAY_KEYS.some((k) => k in s))) return 'ARRAY';
  if (t === 'string' || (t === undefined && STRING_KEYS.some((k) => k in s))) return 'STRING';
  if (t === 'number' || t === 'integer' || (t === undefined && NUMBER_KEYS.some((k) => k in s))) return 'NUMBER';
  if (t === 'boolean') return 'BOOLEAN';
  if (t === 'null') return 'NULL';
  return Object.keys(s).every((k) => ANNOTATIONS.includes(k)) ? 'EMPTY' : 'OBJECT';
}

/** A short description of a schema's type for messages. */
export function describe(s: Node): string {
  if (typeof s === 'boolean') return String(s);
  if (s.type !== undefined) return JSON.stringify(s.type);
  const k = kindOf(s);
  return k === 'ENUM' ? `enum ${JSON.stringify(s.enum ?? [s.const])}` : k.toLowerCase();
}

/** Which combination keyword a combined schema uses (a `type` list counts as anyOf). */
export function criterionOf(s: Json): 'anyOf' | 'oneOf' | 'allOf' {
  if ('oneOf' in s) return 'oneOf';
  if ('allOf' in s) return 'allOf';
  return 'anyOf';
}

/** The alternatives of a combined schema (a `type` list becomes one subschema per type). */
export function subschemas(s: Json): Node[] {
  if (Array.isArray(s.type) && s.type.length > 1) {
    const { type, ...rest } = s;
    return (type as string[]).map((t) => ({ ...rest, type: t }));
  }
  return (s[criterionOf(s)] as Node[] | undefined) ?? [];
}

/** Drops repeated subschemas. */
export function dedupe(list: Node[]): Node[] {
  const seen = new Set<string>();
  return list.filter((n) => {
    const k = JSON.stringify(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The schema of `additionalProperties` when it constrains them. */
export function schemaOfAdditional(s: Json): Node | undefined {
  const ap = s.additionalProperties;
  return ap !== undefined && typeof ap === 'object' && ap !== null && Object.keys(ap).length > 0
    ? (ap as Node)
    : undefined;
}

/** Open content model: any additional property allowed, no pattern properties. */
export function isOpenContentModel(s: Json): boolean {
  const patterns = s.patternProperties as Json | undefined;
  return (
    (!patterns || Object.keys(patterns).length === 0) &&
    schemaOfAdditional(s) === undefined &&
    s.additionalProperties !== false
  );
}

/** The schema a partially open model gives an undeclared property. */
export function schemaFromPartial(s: Json, key: string): Node | undefined {
  for (const [pattern, schema] of Object.entries((s.patternProperties as Json | undefined) ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return schema as Node;
  }
  return schemaOfAdditional(s);
}

/** The tuple items (`prefixItems`, or `items` as an array). */
export function tupleOf(s: Json): Node[] | undefined {
  if (Array.isArray(s.prefixItems)) return s.prefixItems as Node[];
  return Array.isArray(s.items) ? (s.items as Node[]) : undefined;
}

/** The schema of items past the tuple. */
export function restItems(s: Json): Node {
  if (Array.isArray(s.prefixItems)) return (s.items as Node | undefined) ?? true;
  return (s.additionalItems as Node | undefined) ?? true;
}

/** The value a local reference (`#`, `#/definitions/A`) points to in `root`, or undefined. */
export function resolvePointer(root: unknown, ref: string): unknown {
  let target: unknown = root;
  for (const part of ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p.length > 0)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = target !== null && typeof target === 'object' ? (target as Json)[key] : undefined;
  }
  return target;
}
