import * as fc from 'fast-check';
import { checkCompatibility, COMPATIBILITY_MODES, EventSchema, type CompatibilityMode } from '../../../lib';
import { describeRules, type CompatibilityRule } from './mode-table';

const open = (properties: object, extra: object = {}) => ({ type: 'object', properties, ...extra });
const closed = (properties: object, extra: object = {}) => open(properties, { additionalProperties: false, ...extra });

function check(mode: CompatibilityMode, previous: object[], candidate: object) {
  return checkCompatibility({ format: 'JSON', mode, previous, candidate });
}

/** [rule, old, new, BACKWARD (new reads old data), FORWARD (old reads new data)], per Confluent's JSON Schema rules. */
const RULES: CompatibilityRule<object>[] = [
  [
    'add an optional property to an open model',
    open({ a: { type: 'string' } }),
    open({ a: { type: 'string' }, b: { type: 'integer' } }),
    false,
    true,
  ],
  [
    'add an optional property to a closed model',
    closed({ a: { type: 'string' } }),
    closed({ a: { type: 'string' }, b: { type: 'integer' } }),
    true,
    false,
  ],
  [
    'add a property with an empty schema to an open model',
    open({ a: { type: 'string' } }),
    open({ a: { type: 'string' }, b: {} }),
    true,
    true,
  ],
  [
    'remove a property from an open model',
    open({ a: { type: 'string' }, b: { type: 'integer' } }),
    open({ a: { type: 'string' } }),
    true,
    false,
  ],
  [
    'remove a property from a closed model',
    closed({ a: { type: 'string' }, b: { type: 'integer' } }),
    closed({ a: { type: 'string' } }),
    false,
    true,
  ],
  [
    'add a required property with a default to a closed model',
    closed({ a: { type: 'string' } }),
    closed({ a: { type: 'string' }, b: { type: 'integer', default: 0 } }, { required: ['b'] }),
    true,
    false,
  ],
  [
    'add a required property without a default to a closed model',
    closed({ a: { type: 'string' } }),
    closed({ a: { type: 'string' }, b: { type: 'integer' } }, { required: ['b'] }),
    false,
    false,
  ],
  [
    'make a property required',
    open({ a: { type: 'string' } }),
    open({ a: { type: 'string' } }, { required: ['a'] }),
    false,
    true,
  ],
  [
    'make a property required with a default',
    open({ a: { type: 'string' } }),
    open({ a: { type: 'string', default: '' } }, { required: ['a'] }),
    true,
    true,
  ],
  ['widen integer to number', open({ a: { type: 'integer' } }), open({ a: { type: 'number' } }), true, false],
  ['change string to number', open({ a: { type: 'string' } }), open({ a: { type: 'number' } }), false, false],
  [
    'make a property nullable with a type union',
    open({ a: { type: 'string' } }),
    open({ a: { type: ['string', 'null'] } }),
    true,
    false,
  ],
  ['add an enum value', open({ a: { enum: ['x', 'y'] } }), open({ a: { enum: ['x', 'y', 'z'] } }), true, false],
  [
    'decrease maxLength',
    open({ a: { type: 'string', maxLength: 10 } }),
    open({ a: { type: 'string', maxLength: 5 } }),
    false,
    true,
  ],
  ['add a minimum', open({ a: { type: 'number' } }), open({ a: { type: 'number', minimum: 0 } }), false, true],
  ['add a pattern', open({ a: { type: 'string' } }), open({ a: { type: 'string', pattern: '^x' } }), false, true],
  ['close an open model', open({ a: { type: 'string' } }), closed({ a: { type: 'string' } }), false, true],
  [
    'add an anyOf alternative',
    open({ a: { anyOf: [{ type: 'string' }] } }),
    open({ a: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }),
    true,
    false,
  ],
  [
    'widen array items',
    open({ a: { type: 'array', items: { type: 'integer' } } }),
    open({ a: { type: 'array', items: { type: 'number' } } }),
    true,
    false,
  ],
  [
    'require unique items',
    open({ a: { type: 'array' } }),
    open({ a: { type: 'array', uniqueItems: true } }),
    false,
    true,
  ],
  [
    'change a type behind a $ref',
    { ...open({ a: { $ref: '#/definitions/A' } }), definitions: { A: { type: 'string' } } },
    { ...open({ a: { $ref: '#/definitions/A' } }), definitions: { A: { type: 'boolean' } } },
    false,
    false,
  ],
  [
    'add an optional property allowed by a partially open model',
    closed({ a: { type: 'string' } }, { additionalProperties: { type: 'string' } }),
    closed({ a: { type: 'string' }, b: { type: 'string' } }, { additionalProperties: { type: 'string' } }),
    true,
    true,
  ],
];

describeRules('JSON Schema compatibility rules, per mode', 'JSON', RULES);

describe('JSON Schema transitive modes', () => {
  it('BACKWARD_TRANSITIVE fails when only the oldest version breaks', () => {
    const v1 = open({ a: { enum: ['x', 'y'] } });
    const v2 = open({ a: { enum: ['x'] } });
    const candidate = open({ a: { enum: ['x'] } });
    expect(check('BACKWARD', [v1, v2], candidate).compatible).toBe(true);
    expect(check('BACKWARD_TRANSITIVE', [v1, v2], candidate).messages).toEqual([
      expect.stringMatching(
        /^BACKWARD_TRANSITIVE: the new schema cannot read data written with version 1: \[ENUM_ARRAY_NARROWED\] at #\/properties\/a\/enum: the reader no longer accepts \["y"\]/,
      ),
    ]);
  });
});

describe('JSON Schema messages', () => {
  const msg = (oldSchema: object, newSchema: object) => check('BACKWARD', [oldSchema], newSchema).messages.join('\n');

  it('explains the open content model trap and the fix', () => {
    expect(msg(open({}), open({ b: { type: 'integer' } }))).toMatch(
      /\[PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\] at #\/properties\/b: .*open content model.*Fix: close the content model with "additionalProperties": false/,
    );
  });

  it('names the property, the old and new types', () => {
    expect(msg(open({ a: { type: 'string' } }), open({ a: { type: 'number' } }))).toMatch(
      /\[TYPE_CHANGED\] at #\/properties\/a: the writer's type "string" became "number" in the reader/,
    );
    expect(msg(open({ a: { type: 'string' } }), open({ a: { type: 'string' } }, { required: ['a'] }))).toMatch(
      /\[REQUIRED_ATTRIBUTE_ADDED\] at #\/required\/a: .*Fix: keep "a" optional, or give it a "default"/,
    );
    expect(msg(closed({ a: {}, b: {} }), closed({ a: {} }))).toMatch(
      /\[PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL\] at #\/properties\/b/,
    );
  });

  it('in FORWARD checks, tells how to change the new schema (the writer)', () => {
    const forward = (oldSchema: object, newSchema: object) =>
      check('FORWARD', [oldSchema], newSchema).messages.join('\n');
    expect(forward(open({ a: { type: 'integer' } }), open({ a: { type: 'number' } }))).toMatch(
      /^FORWARD: version 1 \(latest\) cannot read data written with the new schema: \[TYPE_NARROWED\] at #\/properties\/a: .*Fix: keep "type": "integer", which the reader expects/,
    );
    expect(forward(closed({ a: {} }), closed({ a: {}, b: {} }))).toMatch(
      /Fix: do not add property "b": the reader's closed content model rejects it/,
    );
    expect(forward(open({ a: { enum: ['x'] } }), open({ a: { enum: ['x', 'y'] } }))).toMatch(
      /Fix: do not write \["y"\]: the reader does not accept them/,
    );
  });

  it('accepts EventSchema values and definition text', () => {
    const v1 = EventSchema.jsonSchema(JSON.stringify(closed({ a: { type: 'string' } })));
    expect(
      EventSchema.jsonSchema(closed({ a: { type: 'string' }, b: { type: 'string' } })).checkCompatibility(
        [v1],
        'BACKWARD',
      ),
    ).toEqual({
      compatible: true,
      messages: [],
    });
    expect(checkCompatibility({ mode: 'FULL', previous: [v1], candidate: v1 }).compatible).toBe(true);
  });

  it('rejects schemas that ajv rejects', () => {
    expect(() => check('BACKWARD', [{ type: 'strin' }], open({}))).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_JSON_SCHEMA_INVALID',
        message: expect.stringMatching(/does not validate against its meta-schema/),
      }),
    );
  });
});

describe('JSON Schema compatibility invariants (property tests)', () => {
  const leaf = fc.oneof(
    fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'null') }),
    fc.record({ enum: fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('string'), maxLength: fc.nat(20) }),
  );
  const objectSchema = fc
    .record({
      properties: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), leaf, { maxKeys: 5 }),
      closed: fc.boolean(),
    })
    .map(({ properties, closed: isClosed }) => (isClosed ? closed(properties) : open(properties)));

  it('every schema is compatible with itself in every mode', () => {
    fc.assert(
      fc.property(
        objectSchema,
        fc.constantFrom(...COMPATIBILITY_MODES),
        (schema, mode) => check(mode, [schema], schema).compatible,
      ),
      { numRuns: 60 },
    );
  });

  it('adding an optional property to a closed model is BACKWARD compatible', () => {
    fc.assert(
      fc.property(objectSchema, leaf, (schema, added) => {
        const closedSchema = closed((schema as { properties: object }).properties);
        const grown = closed({ ...(schema as { properties: object }).properties, zz_added: added });
        return check('BACKWARD', [closedSchema], grown).compatible;
      }),
      { numRuns: 60 },
    );
  });
});
