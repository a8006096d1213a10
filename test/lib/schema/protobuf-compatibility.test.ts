import * as fc from 'fast-check';
import { checkCompatibility, COMPATIBILITY_MODES, EventSchema, type CompatibilityMode } from '../../../lib';
import { describeRules, type CompatibilityRule } from './mode-table';

const proto = (body: string, pkg = 'com.example.orders', syntax = 'proto3') =>
  `syntax = "${syntax}";\npackage ${pkg};\n${body}`;

function check(mode: CompatibilityMode, previous: string[], candidate: string) {
  return checkCompatibility({ format: 'PROTOBUF', mode, previous, candidate });
}

/** [rule, old, new, BACKWARD, FORWARD], per Confluent's Protobuf rules. */
const RULES: CompatibilityRule<string>[] = [
  [
    'add a field',
    proto('message Order { string id = 1; }'),
    proto('message Order { string id = 1; double amount = 2; }'),
    true,
    true,
  ],
  [
    'remove a field',
    proto('message Order { string id = 1; double amount = 2; }'),
    proto('message Order { string id = 1; }'),
    true,
    true,
  ],
  [
    'rename a field, same number',
    proto('message Order { string id = 1; }'),
    proto('message Order { string order_id = 1; }'),
    true,
    true,
  ],
  [
    'int32 to int64 (same encoding group)',
    proto('message Order { int32 q = 1; }'),
    proto('message Order { int64 q = 1; }'),
    true,
    true,
  ],
  [
    'int32 to sint32 (zigzag encoding)',
    proto('message Order { int32 q = 1; }'),
    proto('message Order { sint32 q = 1; }'),
    false,
    false,
  ],
  ['string to bytes', proto('message Order { string id = 1; }'), proto('message Order { bytes id = 1; }'), true, true],
  [
    'string to int32',
    proto('message Order { string id = 1; }'),
    proto('message Order { int32 id = 1; }'),
    false,
    false,
  ],
  [
    'scalar to message',
    proto('message Order { string item = 1; } message Item { string id = 1; }'),
    proto('message Order { Item item = 1; } message Item { string id = 1; }'),
    false,
    false,
  ],
  [
    'message type changed',
    proto('message Order { Item item = 1; } message Item { string id = 1; } message Other { string id = 1; }'),
    proto('message Order { Other item = 1; } message Item { string id = 1; } message Other { string id = 1; }'),
    false,
    false,
  ],
  [
    'remove a message',
    proto('message Order { string id = 1; } message Item { string id = 1; }'),
    proto('message Order { string id = 1; }'),
    false,
    true,
  ],
  [
    'change the package',
    proto('message Order { string id = 1; }'),
    proto('message Order { string id = 1; }', 'com.example.sales'),
    false,
    false,
  ],
  [
    'singular to repeated number',
    proto('message Order { int32 q = 1; }'),
    proto('message Order { repeated int32 q = 1; }'),
    false,
    false,
  ],
  [
    'singular to repeated string',
    proto('message Order { string tag = 1; }'),
    proto('message Order { repeated string tag = 1; }'),
    true,
    true,
  ],
  [
    'add a required field (proto2)',
    proto('message Order { optional string id = 1; }', 'p', 'proto2'),
    proto('message Order { optional string id = 1; required int32 q = 2; }', 'p', 'proto2'),
    false,
    false,
  ],
  [
    'move two existing fields into a new oneof',
    proto('message Order { string a = 1; string b = 2; }'),
    proto('message Order { oneof pay { string a = 1; string b = 2; } }'),
    false,
    true,
  ],
  [
    'move one existing field into a new oneof',
    proto('message Order { string a = 1; }'),
    proto('message Order { oneof pay { string a = 1; string b = 2; } }'),
    true,
    true,
  ],
  [
    'remove a field from a oneof',
    proto('message Order { oneof pay { string a = 1; string b = 2; } }'),
    proto('message Order { oneof pay { string a = 1; } }'),
    false,
    true,
  ],
  [
    'add and remove enum values',
    proto('message Order { Status s = 1; } enum Status { UNKNOWN = 0; NEW = 1; }'),
    proto('message Order { Status s = 1; } enum Status { UNKNOWN = 0; PAID = 2; }'),
    true,
    true,
  ],
  [
    'change a map value type',
    proto('message Order { map<string, string> tags = 1; }'),
    proto('message Order { map<string, int32> tags = 1; }'),
    false,
    false,
  ],
  [
    'change a field of a nested message',
    proto('message Order { message Line { string sku = 1; } repeated Line lines = 1; }'),
    proto('message Order { message Line { double sku = 1; } repeated Line lines = 1; }'),
    false,
    false,
  ],
  [
    'swap a well-known type',
    proto('import "google/protobuf/timestamp.proto";\nmessage Order { google.protobuf.Timestamp at = 1; }'),
    proto('import "google/protobuf/duration.proto";\nmessage Order { google.protobuf.Duration at = 1; }'),
    false,
    false,
  ],
  [
    'proto3 optional keeps compatibility',
    proto('message Order { int64 x = 1; }'),
    proto('message Order { optional int64 x = 1; }'),
    true,
    true,
  ],
];

describeRules('PROTOBUF compatibility rules, per mode', 'PROTOBUF', RULES);

describe('PROTOBUF transitive modes and messages', () => {
  const v1 = proto('message Order { int32 q = 1; }');
  const v2 = proto('message Order { reserved 1; }');
  const v3 = proto('message Order { string q = 1; }');

  it('BACKWARD_TRANSITIVE catches a field number reused with another type two versions later', () => {
    expect(check('BACKWARD', [v1, v2], v3).compatible).toBe(true);
    expect(check('BACKWARD_TRANSITIVE', [v1, v2], v3).messages).toEqual([
      expect.stringMatching(
        /^BACKWARD_TRANSITIVE: the new schema cannot read data written with version 1: \[FIELD_SCALAR_KIND_CHANGED\] at Order\.q\(1\): field 1 "q" is int32 in the writer but string in the reader, which is encoded differently\. Fix: keep field 1 as int32; to change a type, add a new field with a new number and reserve 1/,
      ),
    ]);
  });

  it('names the nested path, the removed message and the package', () => {
    const [nested] = check('BACKWARD', [RULES[19][1]], RULES[19][2]).messages;
    expect(nested).toMatch(/at Order\.Line\.sku\(1\): field 1 "sku" is string in the writer but double in the reader/);
    expect(check('BACKWARD', [RULES[9][1]], RULES[9][2]).messages.join()).toMatch(
      /\[MESSAGE_REMOVED\] at Item: message Item is in the writer but not in the reader/,
    );
    expect(check('BACKWARD', [RULES[10][1]], RULES[10][2]).messages.join()).toMatch(
      /\[PACKAGE_CHANGED\] at \(package\): the writer's package is "com\.example\.orders", the reader's "com\.example\.sales"\. Fix: keep "package com\.example\.orders;"/,
    );
  });

  it('in FORWARD checks, tells how to change the new schema (the writer), not the registered reader', () => {
    expect(check('FORWARD', [v1], v3).messages).toEqual([
      expect.stringMatching(
        /^FORWARD: version 1 \(latest\) cannot read data written with the new schema: .*field 1 "q" is string in the writer but int32 in the reader.*Fix: keep field 1 as int32;/,
      ),
    ]);
    expect(check('FORWARD', [RULES[10][1]], RULES[10][2]).messages.join()).toMatch(
      /Fix: keep "package com\.example\.orders;"/,
    );
  });

  it('accepts EventSchema values', () => {
    const a = EventSchema.protobuf(v1);
    expect(EventSchema.protobuf(v3).checkCompatibility([a], 'FULL').compatible).toBe(false);
    expect(checkCompatibility({ mode: 'FULL', previous: [a], candidate: a }).compatible).toBe(true);
  });
});

describe('PROTOBUF compatibility invariants (property tests)', () => {
  const scalar = fc.constantFrom(
    'double',
    'float',
    'int32',
    'int64',
    'uint64',
    'sint32',
    'fixed32',
    'bool',
    'string',
    'bytes',
  );
  const message = fc
    .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), scalar, fc.boolean()), {
      selector: ([n]) => n,
      maxLength: 6,
    })
    .map((fields) =>
      proto(
        `message Order { ${fields.map(([n, t, r], i) => `${r ? 'repeated ' : ''}${t} ${n} = ${i + 1};`).join(' ')} }`,
      ),
    );

  it('every schema is compatible with itself in every mode', () => {
    fc.assert(
      fc.property(
        message,
        fc.constantFrom(...COMPATIBILITY_MODES),
        (schema, mode) => check(mode, [schema], schema).compatible,
      ),
      { numRuns: 60 },
    );
  });

  it('adding a field with a new number is FULL_TRANSITIVE compatible', () => {
    fc.assert(
      fc.property(message, scalar, (schema, type) => {
        const grown = schema.replace(/ }$/, ` ${type} zz_added = 99; }`);
        return check('FULL_TRANSITIVE', [schema], grown).compatible;
      }),
      { numRuns: 60 },
    );
  });
});
