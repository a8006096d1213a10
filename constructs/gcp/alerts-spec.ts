/**
 * Thresholds of the Pub/Sub subscription alerts and their checks. Pure: no engine imports.
 * @module
 */
import type { PropsValidator } from '../../lib';
import { DAY_SECONDS } from './limits';

/** Thresholds of the alert policies on one subscription. */
export interface SubscriptionAlertsSpec {
  /**
   * Alert when more messages than this are undelivered (`num_undelivered_messages`).
   * @default 1000
   */
  readonly backlogMessages?: number;
  /**
   * Alert when the oldest unacknowledged message is older than this (`oldest_unacked_message_age`), seconds.
   * @default 600
   */
  readonly oldestUnackedAgeSeconds?: number;
  /**
   * Alert when more messages than this are forwarded to the dead-letter topic in a minute
   * (`dead_letter_message_count`); only for subscriptions with a dead-letter policy.
   * @default 0 (any dead letter)
   */
  readonly deadLetterMessages?: number;
  /**
   * How long the backlog or age must stay above its threshold before the alert fires, seconds.
   * @default 300
   */
  readonly durationSeconds?: number;
  /**
   * Notification channels (`projects/P/notificationChannels/ID`) to notify.
   * @default - none: incidents show in the Cloud Console only
   */
  readonly notificationChannels?: readonly string[];
}

/** The thresholds used when a prop is not given. */
export const SUBSCRIPTION_ALERT_DEFAULTS = {
  backlogMessages: 1000,
  oldestUnackedAgeSeconds: 600,
  deadLetterMessages: 0,
  durationSeconds: 300,
} as const;

/** Checks alert thresholds; every problem is recorded on `v`. */
export function validateSubscriptionAlertsSpec(v: PropsValidator, spec: SubscriptionAlertsSpec): void {
  const max = Number.MAX_SAFE_INTEGER;
  v.range('backlogMessages', spec.backlogMessages, 0, max, 'PUBSUB_ALERT_THRESHOLD', { integer: true });
  v.range('oldestUnackedAgeSeconds', spec.oldestUnackedAgeSeconds, 0, max, 'PUBSUB_ALERT_THRESHOLD', {
    integer: true,
    unit: ' s',
  });
  v.range('deadLetterMessages', spec.deadLetterMessages, 0, max, 'PUBSUB_ALERT_THRESHOLD', { integer: true });
  v.range('durationSeconds', spec.durationSeconds, 0, DAY_SECONDS, 'PUBSUB_ALERT_DURATION_RANGE', {
    integer: true,
    unit: ' s',
  });
}
