/**
 * Google Cloud Pub/Sub service limits that eventform checks at synth time, and the duration format the Pub/Sub API
 * uses (`"604800s"`). Pure: no engine imports.
 * @module
 */

/** One minute in seconds. */
export const MINUTE_SECONDS = 60;
/** One day in seconds. */
export const DAY_SECONDS = 86_400;

/** The limits of the Pub/Sub API (https://cloud.google.com/pubsub/quotas#resource_limits). */
export const PUBSUB_LIMITS = {
  /** Ack deadline of a subscription, seconds. */
  ackDeadlineSeconds: { min: 10, max: 600 },
  /** Message retention of a topic or subscription, seconds (10 minutes to 31 days). */
  messageRetentionSeconds: { min: 10 * MINUTE_SECONDS, max: 31 * DAY_SECONDS },
  /** Dead-letter policy: delivery attempts before a message is forwarded. */
  maxDeliveryAttempts: { min: 5, max: 100 },
  /** Retry policy backoff, seconds. */
  backoffSeconds: { min: 0, max: 600 },
  /** Subscription expiration after inactivity: at least one day (or never). */
  expirationMinSeconds: DAY_SECONDS,
  /** Filter length in UTF-8 bytes. */
  filterMaxBytes: 256,
  /** Cloud Storage subscription: seconds before a new file is started (1-10 minutes). */
  cloudStorageMaxDurationSeconds: { min: 60, max: 600 },
  /** Cloud Storage subscription: bytes before a new file is started (1 KB to 10 GiB). */
  cloudStorageMaxBytes: { min: 1_000, max: 10 * 1024 * 1024 * 1024 },
  /** Cloud Storage subscription: messages before a new file is started. */
  cloudStorageMaxMessagesMin: 1_000,
  /** Labels per resource. */
  labelsMax: 64,
} as const;

/** Formats whole seconds as a protobuf Duration string, `604800` -> `"604800s"`. */
export function durationString(seconds: number): string {
  return `${seconds}s`;
}
