import { randomUUID } from 'crypto';
import { EventformError } from '../errors';
import { ENVELOPE_INVALID, assertEventEnvelope } from './schema';

/**
 * The header of the standard event envelope (the seed's `envelope` object): who emitted what, when, in which
 * schema version, and how it relates to other events.
 */
export interface EnvelopeHeader {
  /** Unique id of this event (a UUID when eventform generates it). */
  readonly eventId: string;
  /** What happened, e.g. `OrderShipped`. */
  readonly eventType: string;
  /** The emitting service, e.g. `order-service`. */
  readonly source: string;
  /** When it happened, RFC 3339 (`2024-01-15T10:45:00Z`). */
  readonly timestamp: string;
  /** The version of the payload's schema, e.g. `1.0`. */
  readonly schemaVersion: string;
  /** Id shared by every event of one business flow (a trace id). */
  readonly correlationId?: string;
  /** Id of the event that caused this one. */
  readonly causationId?: string;
}

/**
 * The standard event envelope of the seed: `{ envelope: { eventId, eventType, source, timestamp, schemaVersion,
 * correlationId, causationId }, payload, metadata }`. The object is its own JSON wire form.
 */
export interface EventEnvelope<T = unknown> {
  /** Routing and tracing attributes. */
  readonly envelope: EnvelopeHeader;
  /** The event's data. */
  readonly payload: T;
  /** Context that is not part of the event's data (user id, IP address, user agent...); JSON values. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** What {@link createEventEnvelope} needs; everything else is derived. */
export interface CreateEventEnvelopeInput<T> {
  /** What happened, e.g. `OrderShipped`. */
  readonly eventType: string;
  /** The emitting service, e.g. `order-service`. */
  readonly source: string;
  /** The event's data. */
  readonly payload: T;
  /**
   * The payload schema's version.
   * @default '1.0'
   */
  readonly schemaVersion?: string;
  /**
   * The event's id.
   * @default - a random UUID
   */
  readonly eventId?: string;
  /**
   * When it happened (a Date or an RFC 3339 string).
   * @default - now
   */
  readonly timestamp?: string | Date;
  /**
   * Id of the business flow.
   * @default - the cause's correlation id when `causedBy` is given, else this event's id (it starts a flow)
   */
  readonly correlationId?: string;
  /**
   * Id of the event that caused this one.
   * @default - the id of `causedBy`, else none
   */
  readonly causationId?: string;
  /**
   * The event that caused this one: its correlation id is carried over and its id becomes the causation id.
   * @default - none
   */
  readonly causedBy?: EventEnvelope<unknown>;
  /**
   * Context outside the event's data.
   * @default - no metadata
   */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Builds an event envelope, generating the id (UUID) and timestamp (now, ISO 8601 with milliseconds) when absent
 * and carrying correlation and causation ids over from `causedBy`. Throws `SCHEMA_ENVELOPE_INVALID` (every problem
 * at once) when the result is not a valid envelope, e.g. an empty `eventType` or a `source` that is not a URI
 * reference.
 */
export function createEventEnvelope<T>(input: CreateEventEnvelopeInput<T>): EventEnvelope<T> {
  const eventId = input.eventId ?? randomUUID();
  const cause = input.causedBy?.envelope;
  if (input.timestamp instanceof Date && Number.isNaN(input.timestamp.getTime())) {
    throw new EventformError({
      code: ENVELOPE_INVALID,
      path: 'timestamp',
      message: 'timestamp is an invalid Date; pass a valid Date or an RFC 3339 string, or leave it out for now.',
    });
  }
  const timestamp =
    input.timestamp instanceof Date ? input.timestamp.toISOString() : (input.timestamp ?? new Date().toISOString());
  const correlationId = input.correlationId ?? cause?.correlationId ?? cause?.eventId ?? eventId;
  const causationId = input.causationId ?? cause?.eventId;
  const envelope: EnvelopeHeader = {
    eventId,
    eventType: input.eventType,
    source: input.source,
    timestamp,
    schemaVersion: input.schemaVersion ?? '1.0',
    correlationId,
    ...(causationId !== undefined ? { causationId } : {}),
  };
  const created: EventEnvelope<T> = {
    envelope,
    payload: input.payload,
    ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
  };
  assertEventEnvelope(created);
  return created;
}
