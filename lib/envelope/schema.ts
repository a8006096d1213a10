import { EventformError, type EventformIssue } from '../errors';
import { EventSchema } from '../schema/event-schema';
import type { EventEnvelope } from './envelope';

/** Code of every problem found in an envelope. */
export const ENVELOPE_INVALID = 'SCHEMA_ENVELOPE_INVALID';

/**
 * The JSON Schema of the standard envelope's wire form, in draft-04 so that every target takes it as it is (the
 * EventBridge schema registry stores draft-04; Confluent Schema Registry and ajv read it too).
 */
export const EVENT_ENVELOPE_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  id: 'https://eventform.dev/schemas/event-envelope.json',
  title: 'EventEnvelope',
  description: 'The standard event envelope: routing and tracing attributes, the payload, and metadata.',
  type: 'object',
  required: ['envelope', 'payload'],
  additionalProperties: false,
  properties: {
    envelope: {
      type: 'object',
      required: ['eventId', 'eventType', 'source', 'timestamp', 'schemaVersion'],
      additionalProperties: false,
      properties: {
        eventId: { type: 'string', minLength: 1, description: 'Unique id of this event.' },
        eventType: { type: 'string', minLength: 1, description: 'What happened, e.g. OrderShipped.' },
        source: {
          type: 'string',
          minLength: 1,
          format: 'uri-reference',
          description: 'The emitting service, e.g. order-service (a URI reference, as CloudEvents requires).',
        },
        timestamp: { type: 'string', format: 'date-time', description: 'When it happened (RFC 3339).' },
        schemaVersion: { type: 'string', minLength: 1, description: "The payload schema's version." },
        correlationId: { type: 'string', minLength: 1, description: 'Id shared by the events of one flow.' },
        causationId: { type: 'string', minLength: 1, description: 'Id of the event that caused this one.' },
      },
    },
    payload: { description: "The event's data." },
    metadata: { type: 'object', description: "Context outside the event's data." },
  },
} as const;

/** The standard envelope as an {@link EventSchema} (JSON Schema), e.g. to register it or to validate events. */
export const eventEnvelopeSchema: EventSchema = EventSchema.jsonSchema(EVENT_ENVELOPE_JSON_SCHEMA, {
  deferParsing: true,
});

/** Every problem of a value as an envelope (`[]` when it is one); each issue has code `SCHEMA_ENVELOPE_INVALID`. */
export function validateEventEnvelope(value: unknown): EventformIssue[] {
  return eventEnvelopeSchema
    .validate(value)
    .map((line) => {
      const space = line.indexOf(' ');
      const at = line.slice(0, space);
      return {
        code: ENVELOPE_INVALID,
        path: at === '/' ? undefined : at.slice(1).replace(/\//g, '.'),
        message: `${line.slice(space + 1)}. The standard envelope is { envelope: { eventId, eventType, source, timestamp, schemaVersion, correlationId?, causationId? }, payload, metadata? }.`,
      };
    })
    .map((i) => (i.path === undefined ? { code: i.code, message: i.message } : i));
}

/** Whether a value is a valid standard envelope. */
export function isEventEnvelope(value: unknown): value is EventEnvelope<unknown> {
  return validateEventEnvelope(value).length === 0;
}

/** Throws one `EventformError` with every problem unless the value is a valid envelope. */
export function assertEventEnvelope(value: unknown): asserts value is EventEnvelope<unknown> {
  const issues = validateEventEnvelope(value);
  if (issues.length > 0) throw new EventformError(issues);
}
