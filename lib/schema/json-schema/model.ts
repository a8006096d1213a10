import type Ajv from 'ajv';
import type { AnySchema, ValidateFunction } from 'ajv';
import type Ajv2019 from 'ajv/dist/2019';
import type Ajv2020 from 'ajv/dist/2020';
import { readJson } from '../read-json';
import { resolvePointer } from './keywords';
import { runtime } from '../runtime';
import { SchemaErrorCodes, schemaError } from '../errors';

/** The JSON Schema drafts eventform validates. */
export type JsonSchemaDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

/** A parsed JSON Schema: the document, its draft, and a compiled validator. */
export interface ParsedJsonSchema {
  readonly json: Record<string, unknown> | boolean;
  readonly draft: JsonSchemaDraft;
  /** The compiled validator (compiled on first use when every `$ref` is a JSON pointer into the document). */
  validator(): ValidateFunction;
}

const DRAFTS: ReadonlyArray<[RegExp, JsonSchemaDraft]> = [
  [/json-schema\.org\/draft-04\/schema/, 'draft-04'],
  [/json-schema\.org\/draft-06\/schema/, 'draft-06'],
  [/json-schema\.org\/draft-07\/schema/, 'draft-07'],
  [/json-schema\.org\/draft\/2019-09\/schema/, '2019-09'],
  [/json-schema\.org\/draft\/2020-12\/schema/, '2020-12'],
];

type AjvLike = Ajv | Ajv2019 | Ajv2020;
// A plain object, not a Map: Pulumi's closure serializer cannot copy a module-level Set or Map.
const instances: Record<string, AjvLike | undefined> = {};

function ajvFor(draft: JsonSchemaDraft): AjvLike {
  const key = draft === '2019-09' || draft === '2020-12' ? draft : 'draft-07';
  let ajv = instances[key];
  if (!ajv) {
    const options = { strict: false, allErrors: true, validateFormats: true };
    if (key === '2019-09') ajv = new (runtime.ajv2019().default)(options);
    else if (key === '2020-12') ajv = new (runtime.ajv2020().default)(options);
    else {
      ajv = new (runtime.ajv().default)(options);
      ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    }
    runtime.ajvFormats().default(ajv as Ajv);
    instances[key] = ajv;
  }
  return ajv;
}

/**
 * Draft-04 documents are checked with the draft-07 validator after the two draft-04 spellings it would misread are
 * rewritten: `id` becomes `$id`, and boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric form.
 */
function fromDraft4(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(fromDraft4);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  const s = schema as Record<string, unknown>;
  for (const [k, v] of Object.entries(s)) {
    if (k === '$schema') continue;
    if (k === 'id' && typeof v === 'string') out.$id = v;
    else if (k === 'exclusiveMinimum' && typeof v === 'boolean') {
      if (v && typeof s.minimum === 'number') out.exclusiveMinimum = s.minimum;
    } else if (k === 'exclusiveMaximum' && typeof v === 'boolean') {
      if (v && typeof s.maximum === 'number') out.exclusiveMaximum = s.maximum;
    } else if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') out[k] = v;
    else out[k] = fromDraft4(v);
  }
  if (s.exclusiveMinimum === true) delete out.minimum;
  if (s.exclusiveMaximum === true) delete out.maximum;
  return out;
}

/**
 * Parses and validates a JSON Schema with ajv: against its draft's meta-schema (draft-04, -06, -07, 2019-09 or
 * 2020-12 from `$schema`; draft-07 when absent), then compiles it, which also resolves every `$ref`.
 * Throws `SCHEMA_INVALID_JSON`, `SCHEMA_JSON_SCHEMA_DRAFT_UNSUPPORTED` or `SCHEMA_JSON_SCHEMA_INVALID`.
 */
export function parseJsonSchema(definition: string | object): ParsedJsonSchema {
  const json = readJson(definition, 'JSON Schema');
  if (typeof json !== 'boolean' && (json === null || typeof json !== 'object' || Array.isArray(json))) {
    schemaError(
      SchemaErrorCodes.JSON_SCHEMA_INVALID,
      undefined,
      `A JSON Schema is an object or a boolean; got ${JSON.stringify(json)}. Pass a schema such as {"type": "object"}.`,
    );
  }
  const declared = typeof json === 'object' ? (json as Record<string, unknown>).$schema : undefined;
  let draft: JsonSchemaDraft = 'draft-07';
  if (declared !== undefined) {
    const known = DRAFTS.find(([re]) => typeof declared === 'string' && re.test(declared));
    if (!known) {
      schemaError(
        SchemaErrorCodes.JSON_SCHEMA_DRAFT_UNSUPPORTED,
        '$schema',
        `"$schema" ${JSON.stringify(declared)} is not a JSON Schema draft eventform knows; use ` +
          'http://json-schema.org/draft-04/schema#, draft-06, draft-07, or https://json-schema.org/draft/2019-09/schema ' +
          'or https://json-schema.org/draft/2020-12/schema.',
      );
    }
    draft = known[1];
  }
  const ajv = ajvFor(draft);
  const checked = (draft === 'draft-04' ? fromDraft4(json) : json) as AnySchema;
  if (!ajv.validateSchema(checked)) {
    schemaError(
      SchemaErrorCodes.JSON_SCHEMA_INVALID,
      undefined,
      `The JSON Schema (${draft}) does not validate against its meta-schema: ${ajv.errorsText(ajv.errors)}. ` +
        'Fix the keywords named above.',
    );
  }
  const compile = (): ValidateFunction => {
    try {
      return ajv.compile(checked);
    } catch (e) {
      return schemaError(
        SchemaErrorCodes.JSON_SCHEMA_INVALID,
        undefined,
        `The JSON Schema (${draft}) does not compile: ${(e as Error).message}. Make every "$ref" point inside the ` +
          'document (schema references to other documents are not supported).',
      );
    } finally {
      ajv.removeSchema(checked);
    }
  };
  const problem = localRefProblem(checked);
  if (problem) {
    schemaError(
      SchemaErrorCodes.JSON_SCHEMA_INVALID,
      undefined,
      `The JSON Schema (${draft}) does not compile: ${problem}.`,
    );
  }
  // Compiling costs about 2 ms; compatibility checks never need it, so it waits for the first validation unless a
  // reference needs ajv to resolve it (then compile now, so a dangling one fails here).
  let validate: ValidateFunction | undefined = problem === null ? undefined : compile();
  return {
    json: json as Record<string, unknown> | boolean,
    draft,
    validator: () => (validate ??= compile()),
  };
}

/**
 * Checks every `$ref` that is a JSON pointer into the document (`#`, `#/definitions/A`): `''` when another kind of
 * reference needs ajv, `null` when all resolve, else the first that does not.
 */
function localRefProblem(root: unknown): string | null {
  const refs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') refs.push(v);
        else if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples') walk(v);
      }
    }
  };
  walk(root);
  for (const ref of refs) {
    if (ref !== '#' && !ref.startsWith('#/')) return '';
    const target = resolvePointer(root, ref);
    if (target === undefined) return `can't resolve reference ${ref}`;
  }
  return null;
}
