import type { CloudEvent, CloudEventV1 } from 'cloudevents';
import { EventformError } from '../errors';
import type { EnvelopeHeader, EventEnvelope } from './envelope';
import { assertEventEnvelope } from './schema';

/**
 * The CloudEvents extension attributes that carry the envelope's fields that CloudEvents has no attribute for
 * (extension names are lower-case letters and digits).
 */
export const ENVELOPE_CLOUDEVENT_EXTENSIONS = {
  schemaVersion: 'schemaversion',
  correlationId: 'correlationid',
  causationId: 'causationid',
  /** The metadata object, as JSON text (extension values are strings, numbers or booleans). */
  metadata: 'eventmetadata',
} as const;

/** Code of a CloudEvent that cannot become an envelope. */
export const CLOUDEVENT_INVALID = 'SCHEMA_CLOUDEVENT_INVALID';

/** Options of {@link fromCloudEvent}. */
export interface FromCloudEventOptions {
  /**
   * The schema version for CloudEvents that lack the `schemaversion` extension (events not made by
   * {@link toCloudEvent}).
   * @default - such events are rejected
   */
  readonly schemaVersion?: string;
}

/**
 * Maps an envelope to a CloudEvent (spec 1.0) with the `cloudevents` SDK: eventId -> id, eventType -> type,
 * source -> source, timestamp -> time, payload -> data (`datacontenttype: application/json`), schemaVersion,
 * correlationId and causationId -> the extensions `schemaversion`, `correlationid`, `causationid`, metadata ->
 * `eventmetadata` (JSON text). {@link fromCloudEvent} inverts it exactly. Throws `SCHEMA_ENVELOPE_INVALID` for an
 * invalid envelope (its schema already enforces what CloudEvents requires, such as `source` being a URI reference).
 */
export function toCloudEvent<T>(envelope: EventEnvelope<T>): CloudEvent<T> {
  assertEventEnvelope(envelope);
  const h = envelope.envelope;
  const x = ENVELOPE_CLOUDEVENT_EXTENSIONS;
  const { CloudEvent: CloudEventClass } = require('cloudevents') as typeof import('cloudevents');
  return new CloudEventClass<T>({
    specversion: '1.0',
    id: h.eventId,
    type: h.eventType,
    source: h.source,
    time: h.timestamp,
    datacontenttype: 'application/json',
    data: envelope.payload,
    [x.schemaVersion]: h.schemaVersion,
    ...(h.correlationId !== undefined ? { [x.correlationId]: h.correlationId } : {}),
    ...(h.causationId !== undefined ? { [x.causationId]: h.causationId } : {}),
    ...(envelope.metadata !== undefined ? { [x.metadata]: JSON.stringify(envelope.metadata) } : {}),
  });
}

function text(event: CloudEventV1<unknown>, name: string): string | undefined {
  const v = event[name];
  return v === undefined || v === null ? undefined : String(v);
}

/**
 * Maps a CloudEvent back to an envelope (the inverse of {@link toCloudEvent}). Throws `SCHEMA_CLOUDEVENT_INVALID`
 * when the event has no `time`, no `schemaversion` (unless `options.schemaVersion` is given) or metadata that is
 * not a JSON object, and `SCHEMA_ENVELOPE_INVALID` when the result is not a valid envelope.
 */
export function fromCloudEvent<T = unknown>(
  event: CloudEventV1<T> | CloudEvent<T>,
  options: FromCloudEventOptions = {},
): EventEnvelope<T> {
  const x = ENVELOPE_CLOUDEVENT_EXTENSIONS;
  const problems: string[] = [];
  const schemaVersion = text(event, x.schemaVersion) ?? options.schemaVersion;
  if (schemaVersion === undefined) {
    problems.push(`the CloudEvent has no "${x.schemaVersion}" extension; pass { schemaVersion } to fromCloudEvent`);
  }
  if (event.time === undefined) problems.push('the CloudEvent has no "time"; an envelope needs a timestamp');
  let metadata: Record<string, unknown> | undefined;
  const rawMetadata = text(event, x.metadata);
  if (rawMetadata !== undefined) {
    try {
      metadata = JSON.parse(rawMetadata) as Record<string, unknown>;
    } catch {
      metadata = undefined;
    }
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
      problems.push(`the "${x.metadata}" extension must be a JSON object; got ${JSON.stringify(rawMetadata)}`);
    }
  }
  if (problems.length > 0) {
    throw new EventformError(problems.map((message) => ({ code: CLOUDEVENT_INVALID, message: `${message}.` })));
  }
  const correlationId = text(event, x.correlationId);
  const causationId = text(event, x.causationId);
  const header: EnvelopeHeader = {
    eventId: event.id,
    eventType: event.type,
    source: event.source,
    timestamp: event.time as string,
    schemaVersion: schemaVersion as string,
    ...(correlationId !== undefined ? { correlationId } : {}),
    ...(causationId !== undefined ? { causationId } : {}),
  };
  const envelope: EventEnvelope<T> = {
    envelope: header,
    payload: event.data as T,
    ...(metadata !== undefined ? { metadata } : {}),
  };
  assertEventEnvelope(envelope);
  return envelope;
}
