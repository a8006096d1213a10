import * as avsc from 'avsc';
import * as fc from 'fast-check';
import {
  avroCanonicalForm,
  avroToBigQuerySchema,
  avroToJsonSchemaDraft4,
  avroToOpenApi3,
  EventSchema,
} from '../../../lib';

/** The seed's Order schema (logical type inside the type, as Avro requires). */
const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'orderTime', type: { type: 'long', logicalType: 'timestamp-millis' } },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'OrderItem',
          fields: [
            { name: 'productId', type: 'string' },
            { name: 'quantity', type: 'int' },
            { name: 'price', type: 'double' },
          ],
        },
      },
    },
    { name: 'note', type: ['null', 'string'], default: null, doc: 'Free text from the customer.' },
  ],
};

const ITEM_COLUMNS = [
  { name: 'productId', type: 'STRING', mode: 'REQUIRED' },
  { name: 'quantity', type: 'INTEGER', mode: 'REQUIRED' },
  { name: 'price', type: 'FLOAT', mode: 'REQUIRED' },
];

const one = (type: unknown, extra: object = {}) => ({
  type: 'record',
  name: 'R',
  fields: [{ name: 'x', type, ...extra }],
});

describe('avroToBigQuerySchema (Pub/Sub BigQuery subscription with useTopicSchema)', () => {
  it('maps the seed Order field by field', () => {
    expect(avroToBigQuerySchema(ORDER)).toEqual([
      { name: 'orderId', type: 'STRING', mode: 'REQUIRED' },
      { name: 'customerId', type: 'STRING', mode: 'REQUIRED' },
      { name: 'amount', type: 'FLOAT', mode: 'REQUIRED' },
      { name: 'orderTime', type: 'TIMESTAMP', mode: 'REQUIRED' },
      { name: 'items', type: 'RECORD', mode: 'REPEATED', fields: ITEM_COLUMNS },
      { name: 'note', type: 'STRING', mode: 'NULLABLE', description: 'Free text from the customer.' },
    ]);
    expect(EventSchema.avro(ORDER).toBigQuerySchema()).toEqual(avroToBigQuerySchema(JSON.stringify(ORDER)));
  });

  it.each([
    ['boolean', 'boolean', { type: 'BOOLEAN', mode: 'REQUIRED' }],
    ['int', 'int', { type: 'INTEGER', mode: 'REQUIRED' }],
    ['long', 'long', { type: 'INTEGER', mode: 'REQUIRED' }],
    ['float', 'float', { type: 'FLOAT', mode: 'REQUIRED' }],
    ['double', 'double', { type: 'FLOAT', mode: 'REQUIRED' }],
    ['bytes', 'bytes', { type: 'BYTES', mode: 'REQUIRED' }],
    ['string', 'string', { type: 'STRING', mode: 'REQUIRED' }],
    [
      'enum (Pub/Sub writes its index)',
      { type: 'enum', name: 'E', symbols: ['A'] },
      { type: 'INTEGER', mode: 'REQUIRED' },
    ],
    ['fixed', { type: 'fixed', name: 'F', size: 16 }, { type: 'BYTES', mode: 'REQUIRED' }],
    ['["null", T]', ['null', 'long'], { type: 'INTEGER', mode: 'NULLABLE' }],
    ['[T, "null"]', ['long', 'null'], { type: 'INTEGER', mode: 'NULLABLE' }],
    ['array', { type: 'array', items: 'string' }, { type: 'STRING', mode: 'REPEATED' }],
    ['nullable array', ['null', { type: 'array', items: 'int' }], { type: 'INTEGER', mode: 'REPEATED' }],
    [
      'map (REPEATED key/value records)',
      { type: 'map', values: ['null', 'double'] },
      {
        type: 'RECORD',
        mode: 'REPEATED',
        fields: [
          { name: 'key', type: 'STRING', mode: 'REQUIRED' },
          { name: 'value', type: 'FLOAT', mode: 'NULLABLE' },
        ],
      },
    ],
    ['timestamp-millis', { type: 'long', logicalType: 'timestamp-millis' }, { type: 'TIMESTAMP', mode: 'REQUIRED' }],
    ['timestamp-micros', { type: 'long', logicalType: 'timestamp-micros' }, { type: 'TIMESTAMP', mode: 'REQUIRED' }],
    ['date', { type: 'int', logicalType: 'date' }, { type: 'DATE', mode: 'REQUIRED' }],
    ['time-millis', { type: 'int', logicalType: 'time-millis' }, { type: 'TIME', mode: 'REQUIRED' }],
    ['time-micros', { type: 'long', logicalType: 'time-micros' }, { type: 'TIME', mode: 'REQUIRED' }],
    [
      'decimal(10, 2) bytes',
      { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 },
      { type: 'NUMERIC', mode: 'REQUIRED' },
    ],
    [
      'decimal(40, 2) fixed',
      { type: 'fixed', name: 'D', size: 20, logicalType: 'decimal', precision: 40, scale: 2 },
      { type: 'BIGNUMERIC', mode: 'REQUIRED' },
    ],
    [
      'duration',
      { type: 'fixed', name: 'Dur', size: 12, logicalType: 'duration' },
      { type: 'INTERVAL', mode: 'REQUIRED' },
    ],
    [
      'uuid (no BigQuery type of its own)',
      { type: 'string', logicalType: 'uuid' },
      { type: 'STRING', mode: 'REQUIRED' },
    ],
    [
      'local-timestamp-millis (not in the Pub/Sub table)',
      { type: 'long', logicalType: 'local-timestamp-millis' },
      { type: 'INTEGER', mode: 'REQUIRED' },
    ],
  ])('%s', (_what, type, column) => {
    expect(avroToBigQuerySchema(one(type))).toEqual([{ name: 'x', ...column }]);
  });

  it('nests records as RECORD columns, nullable ones as NULLABLE', () => {
    const inner = { type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string', doc: 'City name.' }] };
    expect(avroToBigQuerySchema(one(['null', inner], { default: null }))).toEqual([
      {
        name: 'x',
        type: 'RECORD',
        mode: 'NULLABLE',
        fields: [{ name: 'city', type: 'STRING', mode: 'REQUIRED', description: 'City name.' }],
      },
    ]);
  });

  it.each([
    [
      'a union of two types',
      ['string', 'int'],
      /R\.x.*union \[string, int\] is not a union of "null" and one type.*Use \["null", T\]/,
    ],
    [
      'an array of arrays',
      { type: 'array', items: { type: 'array', items: 'int' } },
      /R\.x\[\].*array of arrays.*Wrap the inner value in a record/,
    ],
    ['an array of nullable values', { type: 'array', items: ['null', 'int'] }, /R\.x\[\]/],
    ['a null field', 'null', /Avro type null has no BigQuery column type/],
    [
      'a decimal beyond BIGNUMERIC',
      { type: 'bytes', logicalType: 'decimal', precision: 80, scale: 40 },
      /decimal\(80, 40\) exceeds BIGNUMERIC/,
    ],
  ])('rejects %s with SCHEMA_BIGQUERY_UNMAPPABLE', (_what, type, pattern) => {
    expect(() => avroToBigQuerySchema(one(type))).toThrow(
      expect.objectContaining({ code: 'SCHEMA_BIGQUERY_UNMAPPABLE', message: expect.stringMatching(pattern) }),
    );
  });

  it('rejects recursion and a non-record root', () => {
    const list = { type: 'record', name: 'Node', fields: [{ name: 'next', type: ['null', 'Node'] }] };
    expect(() => avroToBigQuerySchema(list)).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_BIGQUERY_UNMAPPABLE',
        path: 'Node.next',
        message: expect.stringMatching(/record Node is recursive/),
      }),
    );
    expect(() => avroToBigQuerySchema('string')).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_BIGQUERY_UNMAPPABLE',
        message: expect.stringMatching(/not a record.*wrap the value in a record/),
      }),
    );
  });

  it('needs an Avro schema', () => {
    expect(() => EventSchema.jsonSchema({ type: 'object' }).toBigQuerySchema()).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_CONVERSION_NEEDS_AVRO',
        message: expect.stringMatching(/toBigQuerySchema\(\) converts Avro schemas/),
      }),
    );
  });
});

describe('EventSchema.toBigQuerySchema for Protocol Buffers topics', () => {
  const ORDER_PROTO = `syntax = "proto3";
package com.example.orders;
import "google/protobuf/timestamp.proto";
message Order {
  string order_id = 1;
  double amount = 2;
  float ratio = 3;
  int32 i32 = 4;
  int64 i64 = 5;
  uint32 u32 = 6;
  uint64 u64 = 7;
  sint64 s64 = 8;
  fixed64 f64 = 9;
  sfixed32 sf32 = 10;
  bool paid = 11;
  bytes blob = 12;
  optional int32 quantity = 13;
  repeated Item items = 14;
  map<string, int64> tags = 15;
  Status status = 16;
  google.protobuf.Timestamp placed_at = 17;
}
message Item { string sku = 1; }
enum Status { UNKNOWN = 0; PAID = 1; }
`;

  it('maps the first message field by field', () => {
    const nullable = (name: string, type: string) => ({ name, type, mode: 'NULLABLE' });
    expect(EventSchema.protobuf(ORDER_PROTO).toBigQuerySchema()).toEqual([
      nullable('order_id', 'STRING'),
      nullable('amount', 'FLOAT'),
      nullable('ratio', 'FLOAT'),
      nullable('i32', 'INTEGER'),
      nullable('i64', 'INTEGER'),
      nullable('u32', 'INTEGER'),
      nullable('u64', 'NUMERIC'),
      nullable('s64', 'INTEGER'),
      nullable('f64', 'NUMERIC'),
      nullable('sf32', 'INTEGER'),
      nullable('paid', 'BOOLEAN'),
      nullable('blob', 'BYTES'),
      nullable('quantity', 'INTEGER'),
      { name: 'items', type: 'RECORD', mode: 'REPEATED', fields: [nullable('sku', 'STRING')] },
      {
        name: 'tags',
        type: 'RECORD',
        mode: 'REPEATED',
        fields: [nullable('key', 'STRING'), nullable('value', 'INTEGER')],
      },
      nullable('status', 'INTEGER'),
      {
        name: 'placed_at',
        type: 'RECORD',
        mode: 'NULLABLE',
        fields: [nullable('seconds', 'INTEGER'), nullable('nanos', 'INTEGER')],
      },
    ]);
  });

  it('keeps proto2 required fields REQUIRED', () => {
    const s = EventSchema.protobuf('syntax = "proto2"; message E { required string id = 1; optional int32 n = 2; }');
    expect(s.toBigQuerySchema()).toEqual([
      { name: 'id', type: 'STRING', mode: 'REQUIRED' },
      { name: 'n', type: 'INTEGER', mode: 'NULLABLE' },
    ]);
  });

  it.each([
    [
      'a oneof',
      'message E { oneof pay { string card = 1; string iban = 2; } }',
      /E\.card.*part of oneof "pay".*Make its members plain optional fields/,
    ],
    ['a recursive message', 'message Node { Node next = 1; }', /message Node is recursive/],
  ])('rejects %s with SCHEMA_BIGQUERY_UNMAPPABLE', (_what, body, pattern) => {
    expect(() => EventSchema.protobuf(`syntax = "proto3"; ${body}`).toBigQuerySchema()).toThrow(
      expect.objectContaining({ code: 'SCHEMA_BIGQUERY_UNMAPPABLE', message: expect.stringMatching(pattern) }),
    );
  });
});

describe('avroToJsonSchemaDraft4 (EventBridge JSONSchemaDraft4)', () => {
  const draft4 = avroToJsonSchemaDraft4(ORDER);

  it('describes the seed Order field by field', () => {
    expect(draft4).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Order',
      type: 'object',
      properties: {
        orderId: { type: 'string' },
        customerId: { type: 'string' },
        amount: { type: 'number' },
        orderTime: { type: 'integer' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              productId: { type: 'string' },
              quantity: { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
              price: { type: 'number' },
            },
            required: ['productId', 'quantity', 'price'],
            additionalProperties: false,
          },
        },
        note: { type: ['string', 'null'], description: 'Free text from the customer.', default: null },
      },
      required: ['orderId', 'customerId', 'amount', 'orderTime', 'items'],
      additionalProperties: false,
    });
  });

  it('is a valid draft-04 schema that accepts orders and rejects broken ones', () => {
    const schema = EventSchema.jsonSchema(draft4);
    const order = {
      orderId: 'o',
      customerId: 'c',
      amount: 1.5,
      orderTime: 1700000000000,
      items: [{ productId: 'p', quantity: 2, price: 3 }],
    };
    expect(schema.validate(order)).toEqual([]);
    expect(schema.validate({ ...order, note: null })).toEqual([]);
    expect(schema.validate({ ...order, note: 'x' })).toEqual([]);
    expect(schema.validate({ ...order, amount: 'high' })).toEqual(['/amount must be number']);
    expect(schema.validate({ ...order, extra: 1 })).toEqual(['/ must NOT have additional properties']);
    expect(schema.validate({ ...order, items: [{ productId: 'p', quantity: 2 ** 31, price: 1 }] })).toEqual([
      '/items/0/quantity must be <= 2147483647',
    ]);
  });

  it('keeps shared and recursive types in definitions, enums as string enums, maps as objects', () => {
    const status = { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] };
    const node = {
      type: 'record',
      name: 'Node',
      namespace: 'n',
      fields: [
        { name: 'next', type: ['null', 'Node'], default: null },
        { name: 'a', type: status },
        { name: 'b', type: 'Status' },
        { name: 'm', type: { type: 'map', values: 'long' } },
        { name: 'u', type: ['int', 'string'] },
      ],
    };
    const out = avroToJsonSchemaDraft4(node);
    expect(out.properties).toEqual({
      next: { anyOf: [{ type: 'null' }, { $ref: '#/definitions/n.Node' }], default: null },
      a: { $ref: '#/definitions/n.Status' },
      b: { $ref: '#/definitions/n.Status' },
      m: { type: 'object', additionalProperties: { type: 'integer' } },
      u: { anyOf: [{ type: 'integer', minimum: -2147483648, maximum: 2147483647 }, { type: 'string' }] },
    });
    expect((out.definitions as Record<string, unknown>)['n.Status']).toEqual({ type: 'string', enum: ['NEW', 'PAID'] });
    const schema = EventSchema.jsonSchema(out);
    expect(
      schema.validate({
        next: { next: null, a: 'NEW', b: 'PAID', m: {}, u: 1 },
        a: 'NEW',
        b: 'NEW',
        m: { k: 1 },
        u: 'x',
      }),
    ).toEqual([]);
    expect(schema.validate({ next: null, a: 'LOST', b: 'NEW', m: {}, u: 1 })).toEqual([
      '/a must be equal to one of the allowed values',
    ]);
  });
});

describe('avroToOpenApi3 (EventBridge OpenApi3)', () => {
  it('puts the event and each nested record under components.schemas', () => {
    expect(avroToOpenApi3(ORDER)).toEqual({
      openapi: '3.0.0',
      info: { version: '1.0.0', title: 'Order' },
      paths: {},
      components: {
        schemas: {
          Order: {
            type: 'object',
            properties: {
              orderId: { type: 'string' },
              customerId: { type: 'string' },
              amount: { type: 'number', format: 'double' },
              orderTime: { type: 'integer', format: 'int64' },
              items: { type: 'array', items: { $ref: '#/components/schemas/OrderItem' } },
              note: { type: 'string', nullable: true, description: 'Free text from the customer.', default: null },
            },
            required: ['orderId', 'customerId', 'amount', 'orderTime', 'items'],
            additionalProperties: false,
          },
          OrderItem: {
            type: 'object',
            properties: {
              productId: { type: 'string' },
              quantity: { type: 'integer', format: 'int32' },
              price: { type: 'number', format: 'double' },
            },
            required: ['productId', 'quantity', 'price'],
            additionalProperties: false,
          },
        },
      },
    });
  });

  it('takes the schema name and version, nullable references, bytes, and colliding simple names', () => {
    const schema = {
      type: 'record',
      name: 'Placed',
      namespace: 'a',
      fields: [
        { name: 'x', type: ['null', { type: 'record', name: 'Money', fields: [{ name: 'b', type: 'bytes' }] }] },
        { name: 'y', type: { type: 'record', name: 'Money', namespace: 'b', fields: [{ name: 'f', type: 'float' }] } },
      ],
    };
    const doc = avroToOpenApi3(schema, { schemaName: 'OrderPlaced', version: '2.0.0' }) as {
      info: unknown;
      components: { schemas: Record<string, { properties?: unknown }> };
    };
    expect(doc.info).toEqual({ version: '2.0.0', title: 'OrderPlaced' });
    expect(Object.keys(doc.components.schemas)).toEqual(['OrderPlaced', 'a.Money', 'b.Money']);
    expect(doc.components.schemas.OrderPlaced.properties).toEqual({
      x: { allOf: [{ $ref: '#/components/schemas/a.Money' }], nullable: true },
      y: { $ref: '#/components/schemas/b.Money' },
    });
    expect(doc.components.schemas['a.Money'].properties).toEqual({ b: { type: 'string', format: 'byte' } });
    expect(doc.components.schemas['b.Money'].properties).toEqual({ f: { type: 'number', format: 'float' } });
  });
});

describe('avroCanonicalForm (Parsing Canonical Form)', () => {
  it('follows the specification: full names, only parsing attributes in order, no whitespace', () => {
    const schema = {
      type: 'record',
      name: 'Order',
      namespace: 'com.example',
      doc: 'dropped',
      aliases: ['Old'],
      fields: [
        { name: 'id', type: { type: 'string' }, doc: 'dropped', default: 'x', order: 'descending' },
        { name: 'status', type: { symbols: ['A', 'B'], name: 'Status', type: 'enum', default: 'A' } },
        { name: 'again', type: 'Status' },
        { name: 'hash', type: { size: 4, type: 'fixed', name: 'other.Hash' } },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'tags', type: { values: { type: 'array', items: 'int' }, type: 'map' } },
        { name: 'u', type: ['null', 'string'] },
      ],
    };
    expect(avroCanonicalForm(schema)).toBe(
      '{"name":"com.example.Order","type":"record","fields":[{"name":"id","type":"string"},' +
        '{"name":"status","type":{"name":"com.example.Status","type":"enum","symbols":["A","B"]}},' +
        '{"name":"again","type":"com.example.Status"},' +
        '{"name":"hash","type":{"name":"other.Hash","type":"fixed","size":4}},' +
        '{"name":"at","type":"long"},' +
        '{"name":"tags","type":{"type":"map","values":{"type":"array","items":"int"}}},' +
        '{"name":"u","type":["null","string"]}]}',
    );
  });

  it.each([
    ['a primitive object', { type: 'int' }, '"int"'],
    ['a bare name', 'string', '"string"'],
    ['the seed Order', ORDER, null],
  ])('agrees with avsc for %s', (_what, schema, expected) => {
    const avscForm = JSON.stringify(avsc.Type.forSchema(schema as avsc.Schema).schema());
    expect(avroCanonicalForm(schema as object)).toBe(expected ?? avscForm);
    expect(avroCanonicalForm(schema as object)).toBe(avscForm);
  });

  it('agrees with avsc on generated schemas (property test)', () => {
    const primitive = fc.constantFrom('null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string');
    let counter = 0;
    const named = () => `T${counter++}`;
    const { type } = fc.letrec<{ type: unknown }>((tie) => ({
      type: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        primitive,
        primitive.map((p) => ({ type: p, doc: 'dropped' })),
        tie('type').map((items) => ({ type: 'array', items })),
        tie('type').map((values) => ({ type: 'map', values })),
        fc.constant(null).map(() => ({ type: 'enum', name: named(), symbols: ['A', 'B'], aliases: ['Old'] })),
        fc.constant(null).map(() => ({ type: 'fixed', name: named(), namespace: 'x.y', size: 4 })),
        fc.array(tie('type'), { maxLength: 3 }).map((types) => ({
          type: 'record',
          name: named(),
          fields: types.map((t, i) => ({ name: `f${i}`, type: t, doc: 'd' })),
        })),
        fc
          .tuple(
            primitive.filter((p) => p !== 'null'),
            fc.boolean(),
          )
          .map(([p, first]) => (first ? ['null', p] : [p, 'null'])),
      ),
    }));
    fc.assert(
      fc.property(type, (schema) => {
        expect(avroCanonicalForm(schema as object)).toBe(
          JSON.stringify(avsc.Type.forSchema(schema as avsc.Schema).schema()),
        );
      }),
      { numRuns: 100 },
    );
  });
});
