import type { SchemaIncompatibility } from '../types';
import {
  criterionOf,
  dedupe,
  describe,
  isOpenContentModel,
  kindOf,
  resolvePointer,
  restItems,
  schemaFromPartial,
  schemaOfAdditional,
  subschemas,
  tupleOf,
  type Json,
  type Node,
} from './keywords';
import { maximumMatching } from './matching';

/** A difference the way Confluent's JSON Schema diff names it; `hint` is set on the incompatible ones. */
interface Difference {
  readonly kind: string;
  readonly path: string;
  readonly detail: string;
  readonly hint?: string;
  readonly writerHint?: string;
}

/** The documents both schemas resolve their local `$ref`s in. */
class Diff {
  readonly differences: Difference[] = [];
  private readonly visiting = new Set<string>();

  constructor(
    private readonly originalRoot: Node,
    private readonly updateRoot: Node,
  ) {}

  sub(): Diff {
    return new Diff(this.originalRoot, this.updateRoot);
  }

  get compatible(): boolean {
    return this.differences.every((d) => d.hint === undefined);
  }

  ok(kind: string, path: string, detail: string): void {
    this.differences.push({ kind, path, detail });
  }

  bad(kind: string, path: string, detail: string, hint: string, writerHint?: string): void {
    this.differences.push({ kind, path, detail, hint, ...(writerHint ? { writerHint } : {}) });
  }

  private resolve(s: Node | undefined, root: Node): Node | undefined {
    let current = s;
    for (
      let hops = 0;
      hops < 32 && current && typeof current === 'object' && typeof current.$ref === 'string';
      hops++
    ) {
      const ref = current.$ref as string;
      if (!ref.startsWith('#')) return current;
      const target = resolvePointer(root, ref);
      current = target as Node | undefined;
    }
    return current;
  }

  compare(originalIn: Node | undefined, updateIn: Node | undefined, path: string): void {
    if (originalIn === undefined && updateIn === undefined) return;
    if (originalIn === undefined) return this.bad('SCHEMA_ADDED', path, 'the reader adds a schema here', 'remove it');
    if (updateIn === undefined) return this.ok('SCHEMA_REMOVED', path, 'schema removed');
    const original = this.resolve(originalIn, this.originalRoot) ?? true;
    const update = this.resolve(updateIn, this.updateRoot) ?? true;
    const key = `${path}|${JSON.stringify(originalIn)}|${JSON.stringify(updateIn)}`;
    if (this.visiting.has(key)) return;
    this.visiting.add(key);
    try {
      this.compareResolved(original, update, path);
    } finally {
      this.visiting.delete(key);
    }
  }

  private compareResolved(original: Node, update: Node, path: string): void {
    const ok = kindOf(original);
    const uk = kindOf(update);
    if (ok !== 'COMBINED' && uk === 'COMBINED') {
      const subs = subschemas(update as Json);
      const criterion = criterionOf(update as Json);
      if (subs.length === 1 || criterion !== 'allOf') {
        for (const s of subs) {
          const d = this.sub();
          d.compare(original, s, path);
          if (d.compatible) {
            this.differences.push(...d.differences);
            if (subs.length > 1) this.ok('SUM_TYPE_EXTENDED', path, 'the reader accepts more alternatives');
            return;
          }
        }
      }
    } else if (ok === 'COMBINED' && uk !== 'COMBINED') {
      const subs = subschemas(original as Json);
      if (subs.length === 1) {
        const d = this.sub();
        d.compare(subs[0], update, path);
        if (d.compatible) {
          this.differences.push(...d.differences);
          return;
        }
      }
    }
    if (ok !== uk) {
      if (ok === 'FALSE' || uk === 'EMPTY') return;
      return this.bad(
        'TYPE_CHANGED',
        path,
        `the writer's type ${describe(original)} became ${describe(update)} in the reader`,
        `keep type ${describe(original)}, or widen it (a union such as {"type": [${JSON.stringify((original as Json).type ?? 'object')}, ...]} accepts both)`,
        `keep type ${describe(update)}, which the reader expects`,
      );
    }
    const o = original as Json;
    const u = update as Json;
    switch (ok) {
      case 'STRING':
        return this.strings(o, u, path);
      case 'NUMBER':
        return this.numbers(o, u, path);
      case 'ENUM':
        return this.enums(o, u, path);
      case 'OBJECT':
        return this.objects(o, u, path);
      case 'ARRAY':
        return this.arrays(o, u, path);
      case 'COMBINED':
        return this.combined(o, u, path);
      case 'NOT': {
        const d = this.sub();
        d.compare(u.not as Node, o.not as Node, `${path}/not`);
        if (d.compatible) return this.ok('NOT_TYPE_NARROWED', path, '"not" excludes less');
        return this.bad(
          'NOT_TYPE_EXTENDED',
          `${path}/not`,
          'the reader\'s "not" excludes values the writer allowed',
          'keep "not" as it was or narrow it',
          'keep excluding what the reader\'s "not" excludes',
        );
      }
      default:
        return;
    }
  }

  /** A lower or upper bound: `tighter(a, b)` says whether going from a to b rejects values a accepted. */
  private bound(o: Json, u: Json, key: string, path: string, tighter: (was: number, now: number) => boolean): void {
    const was = typeof o[key] === 'number' ? (o[key] as number) : undefined;
    const now = typeof u[key] === 'number' ? (u[key] as number) : undefined;
    if (was === now) return;
    const name = key.replace(/([A-Z])/g, '_$1').toUpperCase();
    if (now === undefined) return this.ok(`${name}_REMOVED`, `${path}/${key}`, `${key} removed`);
    if (was === undefined) {
      return this.bad(
        `${name}_ADDED`,
        `${path}/${key}`,
        `the reader adds "${key}": ${now}, which rejects data the writer allowed`,
        `drop "${key}" (a constraint may only be relaxed)`,
        `keep "${key}": ${now} (the reader's) or stricter`,
      );
    }
    if (tighter(was, now)) {
      return this.bad(
        `${name}_CHANGED`,
        `${path}/${key}`,
        `the reader tightens "${key}" from ${was} to ${now}`,
        `keep "${key}": ${was} or relax it`,
        `keep "${key}": ${now} (the reader's) or stricter`,
      );
    }
    this.ok(`${name}_RELAXED`, `${path}/${key}`, `${key} relaxed`);
  }

  private strings(o: Json, u: Json, path: string): void {
    this.bound(o, u, 'maxLength', path, (was, now) => now < was);
    this.bound(o, u, 'minLength', path, (was, now) => now > was);
    if (o.pattern !== u.pattern) {
      if (u.pattern === undefined) this.ok('PATTERN_REMOVED', `${path}/pattern`, 'pattern removed');
      else
        this.bad(
          o.pattern === undefined ? 'PATTERN_ADDED' : 'PATTERN_CHANGED',
          `${path}/pattern`,
          `the reader's pattern ${JSON.stringify(u.pattern)} may reject strings the writer's ${o.pattern === undefined ? 'schema' : `pattern ${JSON.stringify(o.pattern)}`} allowed`,
          'keep the pattern as it was, or remove it',
          `keep the reader's pattern ${JSON.stringify(u.pattern)}`,
        );
    }
  }

  private numbers(o: Json, u: Json, path: string): void {
    const oInt = o.type === 'integer';
    const uInt = u.type === 'integer';
    if (oInt && !uInt) this.ok('TYPE_EXTENDED', path, 'integer widened to number');
    if (!oInt && uInt) {
      this.bad(
        'TYPE_NARROWED',
        path,
        'the writer allowed any number, the reader only integers',
        'keep "type": "number"',
        'keep "type": "integer", which the reader expects',
      );
    }
    this.bound(o, u, 'maximum', path, (was, now) => now < was);
    this.bound(o, u, 'minimum', path, (was, now) => now > was);
    this.bound(o, u, 'exclusiveMaximum', path, (was, now) => now < was);
    this.bound(o, u, 'exclusiveMinimum', path, (was, now) => now > was);
    this.bound(o, u, 'multipleOf', path, (was, now) => was % now !== 0);
  }

  private enums(o: Json, u: Json, path: string): void {
    const was = (o.enum as unknown[] | undefined) ?? [o.const];
    const now = (u.enum as unknown[] | undefined) ?? [u.const];
    const has = (list: unknown[], v: unknown) => list.some((x) => JSON.stringify(x) === JSON.stringify(v));
    const removed = was.filter((v) => !has(now, v));
    if (removed.length === 0) {
      if (now.length > was.length) this.ok('ENUM_ARRAY_EXTENDED', `${path}/enum`, 'values added');
      return;
    }
    this.bad(
      now.every((v) => has(was, v)) ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED',
      `${path}/enum`,
      `the reader no longer accepts ${JSON.stringify(removed)}`,
      `keep the values ${JSON.stringify(removed)} (values may only be added)`,
      `do not write ${JSON.stringify(removed)}: the reader does not accept them`,
    );
  }

  private objects(o: Json, u: Json, path: string): void {
    const oProps = (o.properties as Record<string, Node> | undefined) ?? {};
    const uProps = (u.properties as Record<string, Node> | undefined) ?? {};
    const oReq = new Set((o.required as string[] | undefined) ?? []);
    const uReq = new Set((u.required as string[] | undefined) ?? []);
    const hasDefault = (s: Node | undefined) => typeof s === 'object' && s !== null && 'default' in s;
    for (const key of Object.keys(oProps)) {
      if (!(key in uProps)) continue;
      if (oReq.has(key) && !uReq.has(key))
        this.ok('REQUIRED_ATTRIBUTE_REMOVED', `${path}/required/${key}`, 'no longer required');
      if (!oReq.has(key) && uReq.has(key)) {
        if (hasDefault(uProps[key]))
          this.ok('REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', `${path}/required/${key}`, 'required with default');
        else
          this.bad(
            'REQUIRED_ATTRIBUTE_ADDED',
            `${path}/required/${key}`,
            `the reader requires property "${key}", which writer data may lack`,
            `keep "${key}" optional, or give it a "default"`,
            `keep "${key}" required: the reader requires it`,
          );
      }
    }
    for (const key of new Set([...Object.keys(oProps), ...Object.keys(uProps)])) {
      const at = `${path}/properties/${key}`;
      if (key in oProps && key in uProps) {
        this.compare(oProps[key], uProps[key], at);
      } else if (key in oProps) {
        this.propertyRemoved(key, oProps[key], u, at);
      } else {
        this.propertyAdded(key, uProps[key], o, u, at);
      }
    }
    const oOpen = o.additionalProperties !== false;
    const uOpen = u.additionalProperties !== false;
    const oSchema = schemaOfAdditional(o);
    const uSchema = schemaOfAdditional(u);
    const ap = `${path}/additionalProperties`;
    if (oOpen !== uOpen) {
      if (uOpen) this.ok('ADDITIONAL_PROPERTIES_ADDED', ap, 'additional properties allowed');
      else
        this.bad(
          'ADDITIONAL_PROPERTIES_REMOVED',
          ap,
          'the reader forbids additional properties that writer data may hold',
          'keep additional properties allowed (a model cannot be closed later)',
          'keep the content model closed ("additionalProperties": false): the reader rejects unknown properties',
        );
    } else if (oSchema === undefined && uSchema !== undefined && oOpen) {
      this.bad(
        'ADDITIONAL_PROPERTIES_NARROWED',
        ap,
        'the reader constrains additional properties the writer left free',
        'keep "additionalProperties" unconstrained',
        'keep "additionalProperties" as constrained as the reader\'s',
      );
    } else if (oSchema !== undefined && uSchema === undefined) {
      this.ok('ADDITIONAL_PROPERTIES_EXTENDED', ap, 'additional properties freed');
    } else if (oSchema !== undefined && uSchema !== undefined) {
      this.compare(oSchema, uSchema, ap);
    }
    this.bound(o, u, 'maxProperties', path, (was, now) => now < was);
    this.bound(o, u, 'minProperties', path, (was, now) => now > was);
  }

  private propertyRemoved(key: string, was: Node, u: Json, at: string): void {
    if (isOpenContentModel(u))
      return this.ok('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', at, 'removed from an open model');
    const partial = schemaFromPartial(u, key);
    if (partial !== undefined) {
      const d = this.sub();
      d.compare(was, partial, at);
      this.differences.push(...d.differences);
      if (d.compatible) return this.ok('PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, 'covered');
      return this.bad(
        'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
        at,
        `the reader removes property "${key}" and its additional/pattern properties do not accept the writer's values`,
        `keep "${key}"`,
        `do not write "${key}" with values the reader's additional/pattern properties reject`,
      );
    }
    if (was === false)
      return this.ok('PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL', at, 'false property removed');
    this.bad(
      'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
      at,
      `the reader's closed content model removes property "${key}", which writer data may hold`,
      `keep "${key}" in "properties" (mark it deprecated), or allow additional properties`,
      `do not add property "${key}": the reader's closed content model rejects it`,
    );
  }

  private propertyAdded(key: string, now: Node, o: Json, u: Json, at: string): void {
    if (isOpenContentModel(o)) {
      if (kindOf(now) === 'EMPTY')
        return this.ok('PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', at, 'empty schema added');
      return this.bad(
        'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
        at,
        `the reader adds property "${key}" (${describe(now)}) to an open content model, where writer data may already hold "${key}" with any value`,
        'close the content model with "additionalProperties": false in a version first (closed models may gain optional properties), or declare the property with an empty schema {}',
        `keep property "${key}" declared as the reader declares it (${describe(now)})`,
      );
    }
    const partial = schemaFromPartial(o, key);
    if (partial !== undefined) {
      const d = this.sub();
      d.compare(partial, now, at);
      this.differences.push(...d.differences);
      if (d.compatible) this.ok('PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', at, 'covered');
      else
        this.bad(
          'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          at,
          `the reader adds property "${key}" whose schema does not accept the values the writer's additional/pattern properties allowed`,
          `make "${key}" accept what the writer allowed there`,
          `keep property "${key}" within what the reader declares for it`,
        );
    }
    const required = ((u.required as string[] | undefined) ?? []).includes(key);
    if (!required) return this.ok('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', at, 'optional property added');
    if (typeof now === 'object' && 'default' in now)
      return this.ok('REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL', at, 'required with default');
    this.bad(
      'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
      at,
      `the reader adds required property "${key}", which writer data lacks`,
      `add "${key}" as optional, or give it a "default"`,
      `keep writing required property "${key}": the reader requires it`,
    );
  }

  private arrays(o: Json, u: Json, path: string): void {
    const oTuple = tupleOf(o);
    const uTuple = tupleOf(u);
    if (!oTuple && !uTuple) {
      this.compare((o.items as Node | undefined) ?? true, (u.items as Node | undefined) ?? true, `${path}/items`);
    } else {
      const was = oTuple ?? [];
      const now = uTuple ?? [];
      const oRest = restItems(o);
      const uRest = restItems(u);
      for (let i = 0; i < Math.max(was.length, now.length); i++) {
        const at = `${path}/items/${i}`;
        if (i < was.length && i < now.length) this.compare(was[i], now[i], at);
        else if (i < was.length) {
          const d = this.sub();
          d.compare(was[i], uRest, at);
          this.differences.push(...d.differences);
          if (!d.compatible)
            this.bad(
              'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
              at,
              `the reader drops tuple item ${i} and its additional items do not accept the writer's values`,
              `keep item ${i}`,
              `do not write item ${i} with values the reader rejects`,
            );
        } else {
          const d = this.sub();
          d.compare(oRest, now[i], at);
          this.differences.push(...d.differences);
          if (!d.compatible)
            this.bad(
              'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
              at,
              `the reader adds tuple item ${i} whose schema does not accept what the writer allowed there`,
              `make item ${i} accept what the writer allowed`,
              `keep item ${i} as the reader declares it`,
            );
        }
      }
    }
    this.bound(o, u, 'maxItems', path, (was, now) => now < was);
    this.bound(o, u, 'minItems', path, (was, now) => now > was);
    if (o.uniqueItems !== true && u.uniqueItems === true) {
      this.bad(
        'UNIQUE_ITEMS_ADDED',
        `${path}/uniqueItems`,
        'the reader requires unique items, writer data may repeat them',
        'drop "uniqueItems"',
        'keep "uniqueItems": true, which the reader requires',
      );
    }
  }

  private combined(o: Json, u: Json, path: string): void {
    const oc = criterionOf(o);
    const uc = criterionOf(u);
    const was = dedupe(subschemas(o));
    const now = dedupe(subschemas(u));
    if (oc !== uc) {
      const extended =
        uc === 'anyOf' ||
        (uc === 'oneOf' && was.length === 1) ||
        (uc === 'allOf' && was.length === 1 && now.length === 1);
      if (!extended) {
        return this.bad(
          'COMBINED_TYPE_CHANGED',
          path,
          `the writer's "${oc}" became "${uc}" in the reader`,
          `keep "${oc}" (or change it to "anyOf")`,
          `keep "${uc}", which the reader uses`,
        );
      }
    }
    if (was.length < now.length && uc === 'allOf') {
      this.bad(
        'PRODUCT_TYPE_EXTENDED',
        path,
        'the reader adds "allOf" conditions',
        'keep the "allOf" list as it was',
        'keep every "allOf" condition the reader has',
      );
    } else if (was.length > now.length && uc !== 'allOf') {
      this.bad(
        'SUM_TYPE_NARROWED',
        path,
        `the reader's "${uc}" has fewer alternatives than the writer's`,
        'keep every alternative (alternatives may only be added)',
        'do not add alternatives the reader does not accept',
      );
    }
    const edges = was.map((w) =>
      now.map((n) => {
        const d = this.sub();
        d.compare(w, n, `${path}/${oc}`);
        return d.compatible ? d : undefined;
      }),
    );
    const matched = maximumMatching(edges);
    if (matched.size < Math.min(was.length, now.length)) {
      this.bad(
        'COMBINED_TYPE_SUBSCHEMAS_CHANGED',
        path,
        `the reader's "${uc}" alternatives do not each accept one of the writer's`,
        'keep the previous alternatives and only add new ones',
        'keep to the alternatives the reader accepts',
      );
    }
    for (const [i, j] of matched) this.differences.push(...(edges[i][j] as Diff).differences);
  }
}

/**
 * Every reason why `reader` cannot read data valid under `writer`, with Confluent Schema Registry's JSON Schema
 * rules (its diff of the writer as original and the reader as update): open content models (no
 * `additionalProperties: false`, no `patternProperties`) may lose properties but not gain them (a property added
 * to an open model may already exist in old data with another type); closed models may gain optional properties
 * but not lose them; required properties may only be added with a default; types may widen (integer to number, a
 * type to a union containing it) but not narrow or change; enums may gain values; string, number, array and object
 * constraints may only relax; `anyOf`/`oneOf` may gain alternatives, `allOf` may lose conditions. Local `$ref`s are
 * followed.
 */
export function jsonSchemaReadIncompatibilities(reader: Node, writer: Node): SchemaIncompatibility[] {
  const diff = new Diff(writer, reader);
  diff.compare(writer, reader, '#');
  return diff.differences
    .filter((d) => d.hint !== undefined)
    .map((d) => ({ kind: d.kind, path: d.path, detail: d.detail, hint: d.hint, writerHint: d.writerHint }));
}
