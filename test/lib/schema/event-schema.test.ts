import { EventSchema, SchemaErrorCodes } from '../../../lib';

const ORDER_PROTO = `syntax = "proto3";
package com.example.orders;

message Order {
  string order_id = 1;
  double amount = 3;
  repeated OrderItem items = 5;
}

message OrderItem {
  string product_id = 1;
  int32 quantity = 2;
}
`;

describe('EventSchema.avro', () => {
  it('keeps the text it was given, and names the schema by its full name', () => {
    const text = '{"type":"record","name":"Order","namespace":"com.example","fields":[{"name":"id","type":"string"}]}';
    const s = EventSchema.avro(text);
    expect(s.format).toBe('AVRO');
    expect(s.definition).toBe(text);
    expect(s.name).toBe('com.example.Order');
  });

  it('serializes an object definition, and takes a name override', () => {
    const s = EventSchema.avro({ type: 'record', name: 'Order', fields: [] }, { name: 'order-schema' });
    expect(JSON.parse(s.definition)).toEqual({ type: 'record', name: 'Order', fields: [] });
    expect(s.name).toBe('order-schema');
    expect(EventSchema.avro('long').name).toBe('long');
  });

  it('validates values with avsc', () => {
    const s = EventSchema.avro({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'int' },
        { name: 'b', type: ['null', 'string'] },
      ],
    });
    expect(s.validate({ a: 1, b: null })).toEqual([]);
    expect(s.validate({ a: 'one', b: null })).toEqual(['a: "one" is not a valid int']);
    expect(s.validate({ b: 'x' })).toEqual(['a: missing (expected int)']);
  });

  it.each([
    ['text that is not JSON', '{"type": "record",', SchemaErrorCodes.INVALID_JSON, /The Avro schema is not JSON/],
    [
      'a record without fields',
      { type: 'record', name: 'R' },
      SchemaErrorCodes.AVRO_INVALID,
      /does not parse: .*fields/,
    ],
    [
      'an unknown type',
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'Missing' }] },
      SchemaErrorCodes.AVRO_INVALID,
      /Missing/,
    ],
    [
      'a default of the wrong type',
      { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', default: 'x' }] },
      SchemaErrorCodes.AVRO_INVALID,
      /default/,
    ],
    ['an invalid name', { type: 'enum', name: '1E', symbols: ['A'] }, SchemaErrorCodes.AVRO_INVALID, /1E/],
  ])('rejects %s', (_what, definition, code, pattern) => {
    expect(() => EventSchema.avro(definition)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(pattern) }),
    );
  });

  it('accepts an empty union, as Avro Java does', () => {
    expect(EventSchema.avro({ type: 'record', name: 'R', fields: [{ name: 'never', type: [] }] }).canonicalForm()).toBe(
      '{"name":"R","type":"record","fields":[{"name":"never","type":[]}]}',
    );
  });
});

describe('EventSchema.jsonSchema', () => {
  it('names the schema by title, else by the $id file name', () => {
    expect(EventSchema.jsonSchema({ title: 'OrderPlaced', type: 'object' }).name).toBe('OrderPlaced');
    expect(EventSchema.jsonSchema({ $id: 'https://example.com/schemas/order-placed.json', type: 'object' }).name).toBe(
      'order-placed',
    );
    expect(EventSchema.jsonSchema({ type: 'object' }).name).toBe('');
    expect(EventSchema.jsonSchema({ type: 'object' }, { name: 'Order' }).name).toBe('Order');
  });

  it.each([
    [
      'draft-04',
      { $schema: 'http://json-schema.org/draft-04/schema#', type: 'integer', minimum: 0, exclusiveMinimum: true },
      0,
      ['/ must be > 0'],
    ],
    [
      'draft-06',
      { $schema: 'http://json-schema.org/draft-06/schema#', type: 'integer', exclusiveMinimum: 0 },
      0,
      ['/ must be > 0'],
    ],
    [
      'draft-07',
      { $schema: 'http://json-schema.org/draft-07/schema#', if: { type: 'integer' }, then: { minimum: 1 } },
      0,
      ['/ must be >= 1', '/ must match "then" schema'],
    ],
    [
      '2019-09',
      {
        $schema: 'https://json-schema.org/draft/2019-09/schema',
        type: 'array',
        maxContains: 1,
        contains: { const: 1 },
      },
      [1, 1],
      ['/ must contain at least 1 and no more than 1 valid item(s)'],
    ],
    [
      '2020-12',
      { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'string' }] },
      [1],
      ['/0 must be string'],
    ],
  ])('validates values under %s', (_draft, schema, bad, problems) => {
    expect(EventSchema.jsonSchema(schema).validate(bad)).toEqual(problems);
  });

  it.each([
    ['text that is not JSON', '{', SchemaErrorCodes.INVALID_JSON, /JSON Schema is not JSON/],
    ['an array', [], SchemaErrorCodes.JSON_SCHEMA_INVALID, /A JSON Schema is an object or a boolean/],
    [
      'an unknown draft',
      { $schema: 'http://example.com/my-draft' },
      SchemaErrorCodes.JSON_SCHEMA_DRAFT_UNSUPPORTED,
      /"\$schema" "http:\/\/example.com\/my-draft" is not a JSON Schema draft eventform knows/,
    ],
    [
      'an invalid keyword value',
      { type: 'object', required: 'id' },
      SchemaErrorCodes.JSON_SCHEMA_INVALID,
      /meta-schema: data\/required must be array/,
    ],
    [
      'a dangling $ref',
      { $ref: '#/definitions/Nope' },
      SchemaErrorCodes.JSON_SCHEMA_INVALID,
      /does not compile: can't resolve reference #\/definitions\/Nope/,
    ],
  ])('rejects %s', (_what, definition, code, pattern) => {
    expect(() => EventSchema.jsonSchema(definition as object)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(pattern) }),
    );
  });

  it('can defer parsing to first use', () => {
    const broken = EventSchema.jsonSchema({ title: 'Later', type: 'nope' }, { deferParsing: true });
    expect(broken.name).toBe('Later');
    expect(() => broken.validate({})).toThrow(expect.objectContaining({ code: SchemaErrorCodes.JSON_SCHEMA_INVALID }));
  });
});

describe('EventSchema.protobuf', () => {
  it('names the schema by the first message, keeps the text', () => {
    const s = EventSchema.protobuf(ORDER_PROTO);
    expect(s.format).toBe('PROTOBUF');
    expect(s.name).toBe('com.example.orders.Order');
    expect(s.definition).toBe(ORDER_PROTO);
  });

  it('validates values against the first message', () => {
    const s = EventSchema.protobuf(ORDER_PROTO);
    expect(s.validate({ order_id: 'o1', amount: 3, items: [{ product_id: 'p', quantity: 1 }] })).toEqual([]);
    expect(s.validate({ order_id: 7 })).toEqual(['order_id: string expected']);
  });

  it('resolves Google well-known types', () => {
    const s = EventSchema.protobuf(
      'syntax = "proto3"; import "google/protobuf/timestamp.proto"; message E { google.protobuf.Timestamp at = 1; }',
    );
    expect(s.name).toBe('E');
  });

  it.each([
    ['a syntax error', 'syntax = "proto3"; message {', SchemaErrorCodes.PROTOBUF_INVALID, /does not parse: .*line 1/],
    [
      'an undefined type',
      'syntax = "proto3"; message A { Missing m = 1; }',
      SchemaErrorCodes.PROTOBUF_INVALID,
      /does not resolve: .*Missing/,
    ],
    [
      'an import of another file',
      'syntax = "proto3"; import "other.proto"; message A { string s = 1; }',
      SchemaErrorCodes.PROTOBUF_IMPORT_UNSUPPORTED,
      /imports "other.proto"; only Google's well-known types/,
    ],
    ['no message', 'syntax = "proto3"; enum E { A = 0; }', SchemaErrorCodes.PROTOBUF_NO_MESSAGE, /declares no message/],
    [
      'an object instead of text',
      { syntax: 'proto3' },
      SchemaErrorCodes.ARGUMENT_INVALID,
      /is .proto text; got object/,
    ],
  ])('rejects %s', (_what, definition, code, pattern) => {
    expect(() => EventSchema.protobuf(definition as string)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(pattern) }),
    );
  });
});

describe('EventSchema.of', () => {
  it('passes EventSchema values through and parses the rest in the given format', () => {
    const avro = EventSchema.avro('int');
    expect(EventSchema.of(avro)).toBe(avro);
    expect(EventSchema.of({ type: 'string' }, 'JSON').format).toBe('JSON');
    expect(EventSchema.of(ORDER_PROTO, 'PROTOBUF').name).toBe('com.example.orders.Order');
    expect(() => EventSchema.of(avro, 'PROTOBUF', 'schema')).toThrow(
      expect.objectContaining({
        code: SchemaErrorCodes.FORMAT_MISMATCH,
        path: 'schema',
        message: expect.stringMatching(/is a schema in AVRO but PROTOBUF was expected/),
      }),
    );
  });
});
