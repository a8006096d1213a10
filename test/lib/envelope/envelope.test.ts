import { CloudEvent, HTTP } from 'cloudevents';
import * as fc from 'fast-check';
import {
  assertEventEnvelope,
  createEventEnvelope,
  ENVELOPE_CLOUDEVENT_EXTENSIONS,
  eventEnvelopeSchema,
  fromCloudEvent,
  isEventEnvelope,
  toCloudEvent,
  validateEventEnvelope,
  type EventEnvelope,
} from '../../../lib';

/** The seed's example envelope, verbatim. */
const SEED: EventEnvelope<{ orderId: string; trackingNumber: string; carrier: string }> = {
  envelope: {
    eventId: 'unique-event-id',
    eventType: 'OrderShipped',
    source: 'order-service',
    timestamp: '2024-01-15T10:45:00Z',
    schemaVersion: '1.0',
    correlationId: 'trace-123',
    causationId: 'evt-parent',
  },
  payload: { orderId: 'order_456', trackingNumber: 'TRACK123', carrier: 'UPS' },
  metadata: { userId: 'user_001', ipAddress: '192.168.1.1', userAgent: 'Mozilla/5.0' },
};

describe('createEventEnvelope', () => {
  it('generates a UUID id, an ISO timestamp, schema version 1.0, and starts a correlation flow', () => {
    const e = createEventEnvelope({ eventType: 'OrderPlaced', source: 'order-service', payload: { orderId: 'o1' } });
    expect(e.envelope.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(e.envelope.timestamp).toISOString()).toBe(e.envelope.timestamp);
    expect(e.envelope.schemaVersion).toBe('1.0');
    expect(e.envelope.correlationId).toBe(e.envelope.eventId);
    expect(e.envelope.causationId).toBeUndefined();
    expect(e).not.toHaveProperty('metadata');
    expect(e.payload).toEqual({ orderId: 'o1' });
    expect(isEventEnvelope(e)).toBe(true);
  });

  it('keeps given values and carries correlation and causation over from the cause', () => {
    const placed = createEventEnvelope({
      eventType: 'OrderPlaced',
      source: 'order-service',
      payload: {},
      correlationId: 'trace-1',
    });
    const shipped = createEventEnvelope({
      eventType: 'OrderShipped',
      source: 'shipping-service',
      payload: { carrier: 'UPS' },
      causedBy: placed,
      timestamp: new Date('2024-01-15T10:45:00Z'),
      schemaVersion: '2.1',
      eventId: 'evt-2',
      metadata: { userId: 'u1' },
    });
    expect(shipped.envelope).toEqual({
      eventId: 'evt-2',
      eventType: 'OrderShipped',
      source: 'shipping-service',
      timestamp: '2024-01-15T10:45:00.000Z',
      schemaVersion: '2.1',
      correlationId: 'trace-1',
      causationId: placed.envelope.eventId,
    });
    expect(shipped.metadata).toEqual({ userId: 'u1' });
  });

  it('rejects what would make an invalid envelope, all problems at once', () => {
    expect(() => createEventEnvelope({ eventType: '', source: 'not a uri', payload: 1 })).toThrow(
      expect.objectContaining({
        code: 'MULTIPLE_ISSUES',
        message: expect.stringMatching(
          /envelope\.eventType: must NOT have fewer than 1 characters[\s\S]*envelope\.source: must match format "uri-reference"/,
        ),
      }),
    );
    expect(() =>
      createEventEnvelope({ eventType: 'T', source: 's', payload: 1, timestamp: new Date('never') }),
    ).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_ENVELOPE_INVALID',
        path: 'timestamp',
        message: expect.stringMatching(/invalid Date/),
      }),
    );
  });
});

describe('eventEnvelopeSchema and validateEventEnvelope', () => {
  it('is a draft-04 JSON Schema named EventEnvelope that accepts the seed example', () => {
    expect(eventEnvelopeSchema.format).toBe('JSON');
    expect(JSON.parse(eventEnvelopeSchema.definition).$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(eventEnvelopeSchema.name).toBe('EventEnvelope');
    expect(JSON.parse(eventEnvelopeSchema.definition).properties.envelope.required).toEqual([
      'eventId',
      'eventType',
      'source',
      'timestamp',
      'schemaVersion',
    ]);
    expect(validateEventEnvelope(SEED)).toEqual([]);
  });

  it.each([
    [
      'a missing header field',
      { ...SEED, envelope: { ...SEED.envelope, eventType: undefined } },
      'envelope',
      /must have required property 'eventType'/,
    ],
    [
      'a timestamp that is not RFC 3339',
      { ...SEED, envelope: { ...SEED.envelope, timestamp: 'yesterday' } },
      'envelope.timestamp',
      /must match format "date-time"/,
    ],
    [
      'an unknown header field',
      { ...SEED, envelope: { ...SEED.envelope, traceId: 'x' } },
      'envelope',
      /must NOT have additional properties/,
    ],
    ['a missing payload', { envelope: SEED.envelope }, undefined, /must have required property 'payload'/],
    ['metadata that is not an object', { ...SEED, metadata: 'x' }, 'metadata', /must be object/],
  ])('reports %s with code and path', (_what, value, path, pattern) => {
    const issues = validateEventEnvelope(JSON.parse(JSON.stringify(value)));
    expect(issues).toEqual([
      { code: 'SCHEMA_ENVELOPE_INVALID', ...(path ? { path } : {}), message: expect.stringMatching(pattern) },
    ]);
    expect(() => assertEventEnvelope(value)).toThrow(expect.objectContaining({ code: 'SCHEMA_ENVELOPE_INVALID' }));
  });
});

describe('CloudEvents mapping', () => {
  it('maps every envelope field to a CloudEvents attribute or extension', () => {
    const ce = toCloudEvent(SEED);
    expect(ce).toBeInstanceOf(CloudEvent);
    expect(ce.specversion).toBe('1.0');
    expect(ce.id).toBe('unique-event-id');
    expect(ce.type).toBe('OrderShipped');
    expect(ce.source).toBe('order-service');
    expect(ce.time).toBe('2024-01-15T10:45:00Z');
    expect(ce.datacontenttype).toBe('application/json');
    expect(ce.data).toEqual(SEED.payload);
    expect(ce[ENVELOPE_CLOUDEVENT_EXTENSIONS.schemaVersion]).toBe('1.0');
    expect(ce.correlationid).toBe('trace-123');
    expect(ce.causationid).toBe('evt-parent');
    expect(JSON.parse(ce.eventmetadata as string)).toEqual(SEED.metadata);
    expect(fromCloudEvent(ce)).toEqual(SEED);
  });

  it('round-trips through the SDK HTTP structured and binary encodings', () => {
    const envelope = createEventEnvelope({
      eventType: 'OrderPlaced',
      source: 'order-service',
      payload: { amount: 12.5 },
      metadata: { userId: 'u' },
    });
    for (const encode of [HTTP.structured, HTTP.binary]) {
      const message = encode(toCloudEvent(envelope));
      expect(fromCloudEvent(HTTP.toEvent(message) as CloudEvent<unknown>)).toEqual(envelope);
    }
  });

  const text = fc.string({ minLength: 1, maxLength: 20 });
  const envelopeArb = fc.record(
    {
      envelope: fc.record(
        {
          eventId: text,
          eventType: text,
          source: fc.stringMatching(/^[a-z][a-z0-9./:-]{0,20}$/),
          timestamp: fc
            .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          schemaVersion: text,
          correlationId: text,
          causationId: text,
        },
        { requiredKeys: ['eventId', 'eventType', 'source', 'timestamp', 'schemaVersion'] },
      ),
      payload: fc.jsonValue(),
      // Metadata travels as JSON text, so it holds what JSON can hold (no -0).
      metadata: fc
        .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }))
        .map((m) => JSON.parse(JSON.stringify(m)) as Record<string, unknown>),
    },
    { requiredKeys: ['envelope', 'payload'] },
  );

  it('is lossless: fromCloudEvent(toCloudEvent(e)) equals e (property test)', () => {
    fc.assert(
      fc.property(envelopeArb, (e) => {
        expect(fromCloudEvent(toCloudEvent(e as EventEnvelope))).toEqual(e);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects CloudEvents that cannot become an envelope, unless told the schema version', () => {
    const foreign = new CloudEvent({ id: '1', type: 't', source: 's', time: '2024-01-15T10:45:00Z', data: { a: 1 } });
    expect(() => fromCloudEvent(foreign)).toThrow(
      expect.objectContaining({
        code: 'SCHEMA_CLOUDEVENT_INVALID',
        message: expect.stringMatching(/no "schemaversion" extension; pass \{ schemaVersion \}/),
      }),
    );
    expect(fromCloudEvent(foreign, { schemaVersion: '3' })).toEqual({
      envelope: { eventId: '1', eventType: 't', source: 's', timestamp: '2024-01-15T10:45:00Z', schemaVersion: '3' },
      payload: { a: 1 },
    });
    const untimed = { specversion: '1.0', id: '1', type: 't', source: 's', eventmetadata: '[1]' };
    expect(() => fromCloudEvent(untimed)).toThrow(
      expect.objectContaining({
        code: 'MULTIPLE_ISSUES',
        message: expect.stringMatching(
          /no "schemaversion"[\s\S]*no "time"[\s\S]*"eventmetadata" extension must be a JSON object/,
        ),
      }),
    );
  });

  it('refuses to map an invalid envelope', () => {
    expect(() => toCloudEvent({ ...SEED, envelope: { ...SEED.envelope, source: '' } })).toThrow(
      expect.objectContaining({ code: 'SCHEMA_ENVELOPE_INVALID', path: 'envelope.source' }),
    );
    expect(() => toCloudEvent({ ...SEED, envelope: { ...SEED.envelope, source: 'not a uri' } })).toThrow(
      expect.objectContaining({ code: 'SCHEMA_ENVELOPE_INVALID', message: expect.stringMatching(/uri-reference/) }),
    );
  });
});
