import * as avsc from 'avsc';
import * as fc from 'fast-check';
import { checkCompatibility, COMPATIBILITY_MODES, EventSchema, type CompatibilityMode } from '../../../lib';
import { describeRules, type CompatibilityRule } from './mode-table';

const rec = (fields: object[], extra: object = {}) => ({
  type: 'record',
  name: 'R',
  namespace: 'ns',
  ...extra,
  fields,
});
const f = (name: string, type: unknown, extra: object = {}) => ({ name, type, ...extra });

function check(mode: CompatibilityMode, previous: unknown[], candidate: unknown) {
  return checkCompatibility({ mode, previous: previous as object[], candidate: candidate as object });
}

/**
 * [rule, old, new, BACKWARD compatible (new reads old), FORWARD compatible (old reads new)].
 * FULL must be both; NONE always compatible; with one previous version transitive modes equal the plain ones.
 */
const RULES: CompatibilityRule<object>[] = [
  [
    'add a field with a default',
    rec([f('a', 'int')]),
    rec([f('a', 'int'), f('b', 'string', { default: '' })]),
    true,
    true,
  ],
  ['add a field without a default', rec([f('a', 'int')]), rec([f('a', 'int'), f('b', 'string')]), false, true],
  ['remove a field without a default', rec([f('a', 'int'), f('b', 'string')]), rec([f('a', 'int')]), true, false],
  [
    'remove a field with a default',
    rec([f('a', 'int'), f('b', 'string', { default: 'x' })]),
    rec([f('a', 'int')]),
    true,
    true,
  ],
  ['promote int to long', rec([f('a', 'int')]), rec([f('a', 'long')]), true, false],
  ['promote int to float', rec([f('a', 'int')]), rec([f('a', 'float')]), true, false],
  ['promote long to double', rec([f('a', 'long')]), rec([f('a', 'double')]), true, false],
  ['promote float to double', rec([f('a', 'float')]), rec([f('a', 'double')]), true, false],
  ['narrow long to int', rec([f('a', 'long')]), rec([f('a', 'int')]), false, true],
  ['string to bytes', rec([f('a', 'string')]), rec([f('a', 'bytes')]), true, true],
  ['int to string', rec([f('a', 'int')]), rec([f('a', 'string')]), false, false],
  [
    'rename a field with an alias',
    rec([f('name', 'string')]),
    rec([f('fullName', 'string', { aliases: ['name'] })]),
    true,
    false,
  ],
  ['rename a field without an alias', rec([f('name', 'string')]), rec([f('fullName', 'string')]), false, false],
  [
    'rename the record with a type alias',
    rec([f('a', 'int')]),
    rec([f('a', 'int')], { name: 'R2', aliases: ['R'] }),
    true,
    false,
  ],
  ['rename the record without an alias', rec([f('a', 'int')]), rec([f('a', 'int')], { name: 'R2' }), false, false],
  ['change only the namespace', rec([f('a', 'int')]), rec([f('a', 'int')], { namespace: 'other' }), true, true],
  [
    'add an enum symbol',
    rec([f('e', { type: 'enum', name: 'E', symbols: ['A', 'B'] })]),
    rec([f('e', { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] })]),
    true,
    false,
  ],
  [
    'add an enum symbol when the old enum has a default',
    rec([f('e', { type: 'enum', name: 'E', symbols: ['A', 'B'], default: 'A' })]),
    rec([f('e', { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'], default: 'A' })]),
    true,
    true,
  ],
  [
    'remove an enum symbol',
    rec([f('e', { type: 'enum', name: 'E', symbols: ['A', 'B', 'C'] })]),
    rec([f('e', { type: 'enum', name: 'E', symbols: ['A', 'B'] })]),
    false,
    true,
  ],
  ['add a union branch', rec([f('u', ['null', 'string'])]), rec([f('u', ['null', 'string', 'int'])]), true, false],
  ['make a field nullable', rec([f('u', 'string')]), rec([f('u', ['null', 'string'])]), true, false],
  [
    'change a fixed size',
    rec([f('x', { type: 'fixed', name: 'F', size: 4 })]),
    rec([f('x', { type: 'fixed', name: 'F', size: 8 })]),
    false,
    false,
  ],
  [
    'add a field without default in a nested record',
    rec([f('inner', rec([f('x', 'int')], { name: 'Inner' }))]),
    rec([f('inner', rec([f('x', 'int'), f('y', 'int')], { name: 'Inner' }))]),
    false,
    true,
  ],
  [
    'promote map values',
    rec([f('m', { type: 'map', values: 'int' })]),
    rec([f('m', { type: 'map', values: 'long' })]),
    true,
    false,
  ],
  [
    'change array items',
    rec([f('l', { type: 'array', items: 'int' })]),
    rec([f('l', { type: 'array', items: 'string' })]),
    false,
    false,
  ],
  [
    'promote a field of a recursive record',
    { type: 'record', name: 'List', fields: [f('head', 'int'), f('tail', ['null', 'List'])] },
    { type: 'record', name: 'List', fields: [f('head', 'long'), f('tail', ['null', 'List'])] },
    true,
    false,
  ],
  [
    'change a logical type only (Avro resolves the underlying types)',
    rec([f('t', { type: 'long', logicalType: 'timestamp-millis' })]),
    rec([f('t', { type: 'long', logicalType: 'timestamp-micros' })]),
    true,
    true,
  ],
];

describeRules('AVRO compatibility rules, per mode', 'AVRO', RULES);

describe('AVRO transitive modes check every version, plain modes only the latest', () => {
  const v1 = rec([f('f1', 'string')]);
  const v2 = rec([f('f1', 'string'), f('f2', 'string', { default: 'foo' })]);
  const v3 = rec([f('f1', 'string'), f('f2', 'string')]);

  it('BACKWARD passes against the latest, BACKWARD_TRANSITIVE fails because version 1 lacks f2', () => {
    expect(check('BACKWARD', [v1, v2], v3).compatible).toBe(true);
    const t = check('BACKWARD_TRANSITIVE', [v1, v2], v3);
    expect(t.compatible).toBe(false);
    expect(t.messages).toEqual([
      expect.stringMatching(
        /^BACKWARD_TRANSITIVE: the new schema cannot read data written with version 1: \[READER_FIELD_MISSING_DEFAULT_VALUE\] at ns\.R\.f2/,
      ),
    ]);
  });

  it('FORWARD passes against the latest, FORWARD_TRANSITIVE fails because version 1 needs f2', () => {
    expect(check('FORWARD', [v3, v2], v1).compatible).toBe(true);
    const t = check('FORWARD_TRANSITIVE', [v3, v2], v1);
    expect(t.compatible).toBe(false);
    expect(t.messages).toEqual([
      expect.stringMatching(
        /^FORWARD_TRANSITIVE: version 1 cannot read data written with the new schema: \[READER_FIELD_MISSING_DEFAULT_VALUE\] at ns\.R\.f2/,
      ),
    ]);
  });

  it('FULL passes against the latest, FULL_TRANSITIVE fails on the oldest version only', () => {
    expect(check('FULL', [v1, v2], v3).compatible).toBe(true);
    const t = check('FULL_TRANSITIVE', [v1, v2], v3);
    expect(t.compatible).toBe(false);
    expect(t.messages.every((m) => m.includes('version 1'))).toBe(true);
  });

  it('is compatible with no previous version, in every mode', () => {
    for (const mode of COMPATIBILITY_MODES) expect(check(mode, [], v3)).toEqual({ compatible: true, messages: [] });
  });
});

describe('AVRO messages explain the incompatibility and how to fix it', () => {
  const msg = (previous: object, candidate: object, mode: CompatibilityMode = 'BACKWARD') =>
    check(mode, [previous], candidate).messages.join('\n');

  it('added field: path, type, and a default to add', () => {
    expect(msg(rec([f('a', 'int')]), rec([f('a', 'int'), f('b', ['null', 'string'])]))).toMatch(
      /\[READER_FIELD_MISSING_DEFAULT_VALUE\] at ns\.R\.b: reader field "b" \(union \[null, string\]\) is not in the writer's record ns\.R and has no default\. Fix: add a default to "b" \(for example "default": null\)/,
    );
  });

  it('renamed field: suggests the alias', () => {
    expect(msg(rec([f('name', 'string')]), rec([f('fullName', 'string')]))).toMatch(
      /if it renames writer field "name", add "aliases": \["name"\]/,
    );
  });

  it('type change: old and new type, and the promotions that would work', () => {
    expect(msg(rec([f('a', 'long')]), rec([f('a', 'int')]))).toMatch(
      /\[TYPE_MISMATCH\] at ns\.R\.a: reader type int cannot read writer type long\. Fix: keep long or a type it promotes to \(float, double\)/,
    );
  });

  it('a field that became non-nullable: suggests a union with null', () => {
    expect(msg(rec([f('a', ['null', 'string'])]), rec([f('a', 'string')]))).toMatch(
      /reader type string cannot read writer type null\. Fix: the writer allows null here: make the reader type a union with "null"/,
    );
  });

  it('enum symbols: lists the missing symbols and suggests an enum default', () => {
    const e = (symbols: string[]) => rec([f('e', { type: 'enum', name: 'E', symbols })]);
    expect(msg(e(['A', 'B', 'C']), e(['A']))).toMatch(
      /\[MISSING_ENUM_SYMBOLS\] at ns\.R\.e: reader enum ns\.E lacks the writer's symbols \[B, C\]\. Fix: .*"default" symbol/,
    );
  });

  it('renamed type: suggests a type alias', () => {
    expect(msg(rec([f('a', 'int')]), rec([f('a', 'int')], { name: 'R2' }))).toMatch(
      /\[NAME_MISMATCH\] at ns\.R2: reader record ns\.R2 does not match writer record ns\.R by name or alias\. Fix: keep the name "R", or add "aliases": \["ns\.R"\]/,
    );
  });

  it('fixed size and union branches', () => {
    const fx = (size: number) => rec([f('x', { type: 'fixed', name: 'F', size })]);
    expect(msg(fx(4), fx(8))).toMatch(
      /\[FIXED_SIZE_MISMATCH\] at ns\.R\.x: .*size 8, writer has size 4\. Fix: a fixed size cannot change/,
    );
    expect(msg(rec([f('u', ['int', 'string'])]), rec([f('u', ['int'])]))).toMatch(
      /\[MISSING_UNION_BRANCH\] at ns\.R\.u: the reader's union \[int\] has no branch that can read the writer's string/,
    );
  });

  it('in FORWARD checks, tells how to change the new schema (the writer), not the registered reader', () => {
    const forward = (previous: object, candidate: object) =>
      check('FORWARD', [previous], candidate).messages.join('\n');
    expect(forward(rec([f('a', 'int'), f('b', 'string')]), rec([f('a', 'int')]))).toMatch(
      /^FORWARD: version 1 \(latest\) cannot read data written with the new schema: \[READER_FIELD_MISSING_DEFAULT_VALUE\] at ns\.R\.b: .*Fix: keep field "b" \(string\): the reader has no default for it/,
    );
    expect(forward(rec([f('a', 'int')]), rec([f('a', 'long')]))).toMatch(
      /reader type int cannot read writer type long\. Fix: keep int;/,
    );
    expect(forward(rec([f('a', 'float')]), rec([f('a', 'double')]))).toMatch(
      /Fix: keep float or a type it reads \(int, long\);/,
    );
    const e = (symbols: string[]) => rec([f('e', { type: 'enum', name: 'E', symbols })]);
    expect(forward(e(['A']), e(['A', 'B']))).toMatch(
      /Fix: do not add the symbols \[B\] until every reader's enum ns\.E has a "default" symbol/,
    );
  });

  it('an alias that matches two writer fields is reported, not silently resolved', () => {
    const writer = rec([f('a', 'int'), f('b', 'int')]);
    const reader = rec([f('a', 'int', { aliases: ['b'] })]);
    expect(msg(writer, reader)).toMatch(
      /\[AMBIGUOUS_FIELD_MATCH\] at ns\.R\.a: reader field "a" matches several writer fields \(a, b\)/,
    );
  });

  it('nested paths go through arrays and maps', () => {
    const item = (fields: object[]) => ({ type: 'array', items: rec(fields, { name: 'Item' }) });
    expect(
      msg(rec([f('items', item([f('q', 'int')]))]), rec([f('items', item([f('q', 'int'), f('p', 'double')]))])),
    ).toMatch(/at ns\.R\.items\[\]\.p:/);
    expect(msg(rec([f('m', { type: 'map', values: 'long' })]), rec([f('m', { type: 'map', values: 'int' })]))).toMatch(
      /at ns\.R\.m\{\}:/,
    );
  });
});

describe('AVRO compatibility accepts every input form', () => {
  const v1 = rec([f('a', 'int')]);
  const v2 = rec([f('a', 'long')]);

  it('objects, definition text and EventSchema values give the same answer', () => {
    const expected = check('BACKWARD', [v1], v2);
    expect(
      checkCompatibility({ mode: 'BACKWARD', previous: [JSON.stringify(v1)], candidate: JSON.stringify(v2) }),
    ).toEqual(expected);
    expect(
      checkCompatibility({ mode: 'BACKWARD', previous: [EventSchema.avro(v1)], candidate: EventSchema.avro(v2) }),
    ).toEqual(expected);
    expect(EventSchema.avro(v2).checkCompatibility([v1], 'BACKWARD')).toEqual(expected);
  });

  it('bare primitive names are schemas', () => {
    expect(checkCompatibility({ mode: 'BACKWARD', previous: ['int'], candidate: 'long' }).compatible).toBe(true);
    expect(checkCompatibility({ mode: 'BACKWARD', previous: ['null'], candidate: 'int' }).compatible).toBe(false);
  });
});

describe('AVRO compatibility invariants (property tests)', () => {
  const primitive = fc.constantFrom('boolean', 'int', 'long', 'float', 'double', 'bytes', 'string');
  const fieldType = fc.oneof(
    primitive,
    primitive.map((p) => ['null', p]),
  );
  const record = fc
    .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fieldType), {
      selector: ([n]) => n,
      maxLength: 6,
    })
    .map((fields) => rec(fields.map(([name, type]) => f(name, type))));

  it('every schema is compatible with itself in every mode', () => {
    fc.assert(
      fc.property(
        record,
        fc.constantFrom(...COMPATIBILITY_MODES),
        (schema, mode) => check(mode, [schema], schema).compatible,
      ),
      { numRuns: 60 },
    );
  });

  it('adding a field with a default is FULL_TRANSITIVE compatible', () => {
    fc.assert(
      fc.property(record, (schema) => {
        const added = {
          ...schema,
          fields: [...schema.fields, f('added_field', ['null', 'string'], { default: null })],
        };
        return check('FULL_TRANSITIVE', [schema], added).compatible;
      }),
      { numRuns: 60 },
    );
  });
});

describe('AVRO compatibility agrees with avsc schema resolution (second oracle)', () => {
  const primitive = fc.constantFrom('int', 'long', 'float', 'double', 'string', 'bytes', 'boolean');
  const fieldType = fc.oneof(
    primitive,
    primitive.map((p) => ['null', p]),
    primitive.map((items) => ({ type: 'array', items })),
    primitive.map((values) => ({ type: 'map', values })),
  );
  const defaultFor = (type: unknown): unknown => {
    if (Array.isArray(type)) return null;
    if (typeof type === 'object') return (type as { type: string }).type === 'array' ? [] : {};
    return type === 'string' || type === 'bytes' ? '' : type === 'boolean' ? false : 0;
  };
  const record = fc
    .uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd'), type: fieldType, withDefault: fc.boolean() }), {
      selector: (x) => x.name,
      maxLength: 4,
    })
    .map((fields) => rec(fields.map((x) => f(x.name, x.type, x.withDefault ? { default: defaultFor(x.type) } : {}))));

  it('BACKWARD is compatible exactly when avsc can build a resolver (records of primitives, unions, arrays, maps)', () => {
    fc.assert(
      fc.property(record, record, (reader, writer) => {
        let resolvable = true;
        try {
          avsc.Type.forSchema(reader as avsc.Schema).createResolver(avsc.Type.forSchema(writer as avsc.Schema));
        } catch {
          resolvable = false;
        }
        expect(check('BACKWARD', [writer], reader).compatible).toBe(resolvable);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkCompatibility rejects bad arguments with coded errors', () => {
  it.each([
    [
      { mode: 'SIDEWAYS', previous: [], candidate: 'int' },
      'SCHEMA_ARGUMENT_INVALID',
      /Unknown compatibility mode "SIDEWAYS"; choose one of NONE, BACKWARD/,
    ],
    [{ mode: 'BACKWARD', previous: 'int', candidate: 'int' }, 'SCHEMA_ARGUMENT_INVALID', /"previous" must be an array/],
    [
      { format: 'XML', mode: 'BACKWARD', previous: [], candidate: 'int' },
      'SCHEMA_ARGUMENT_INVALID',
      /Unknown schema format "XML"/,
    ],
    [
      { mode: 'BACKWARD', previous: ['{"type":"record"'], candidate: 'int' },
      'SCHEMA_INVALID_JSON',
      /The Avro schema is not JSON/,
    ],
    [
      { mode: 'BACKWARD', previous: [{ type: 'record', name: 'R' }], candidate: 'int' },
      'SCHEMA_AVRO_INVALID',
      /The Avro schema does not parse/,
    ],
    [
      { mode: 'BACKWARD', previous: [EventSchema.jsonSchema({ type: 'string' })], candidate: 'int', format: 'AVRO' },
      'SCHEMA_FORMAT_MISMATCH',
      /previous\[0\] is a schema in JSON but AVRO was expected/,
    ],
  ])('%j', (input, code, pattern) => {
    expect(() => checkCompatibility(input as never)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(pattern) }),
    );
  });
});
