/**
 * Detects changes to subscription fields that Pub/Sub cannot update in place (`filter`, `enable_message_ordering`):
 * Terraform replaces the subscription and its backlog is lost. Compares with the previous synthesized Terraform JSON.
 * Pure: no engine imports.
 * @module
 */
import { show } from '../../lib/validation';

/** One immutable field whose value differs from the previous synth. */
export interface ImmutableFieldChange {
  /** The Terraform attribute, e.g. `filter`. */
  readonly field: string;
  /** The previous value. */
  readonly before: unknown;
  /** The new value. */
  readonly after: unknown;
}

/** The immutable values of one subscription in this synth. */
export interface SubscriptionImmutableFields {
  /** The subscription ID (how it is found in the previous synth). */
  readonly name: string;
  /** The filter, or undefined for none. */
  readonly filter?: string;
  /** Whether ordering is on. */
  readonly enableMessageOrdering: boolean;
}

interface TfSubscription {
  readonly name?: unknown;
  readonly filter?: unknown;
  readonly enable_message_ordering?: unknown;
}

/**
 * The immutable fields of subscription `current.name` that differ from `previous` (a parsed `cdk.tf.json`).
 * Returns nothing when the subscription is new or `previous` holds no such subscription.
 */
export function subscriptionImmutableChanges(
  previous: unknown,
  current: SubscriptionImmutableFields,
): ImmutableFieldChange[] {
  const all = (previous as { resource?: { google_pubsub_subscription?: Record<string, TfSubscription> } } | undefined)
    ?.resource?.google_pubsub_subscription;
  if (all === undefined || all === null || typeof all !== 'object') return [];
  const before = Object.values(all).find((s) => s?.name === current.name);
  if (before === undefined) return [];
  const changes: ImmutableFieldChange[] = [];
  const beforeFilter = typeof before.filter === 'string' && before.filter !== '' ? before.filter : undefined;
  if (beforeFilter !== current.filter) {
    changes.push({ field: 'filter', before: beforeFilter, after: current.filter });
  }
  const beforeOrdering = before.enable_message_ordering === true;
  if (beforeOrdering !== current.enableMessageOrdering) {
    changes.push({ field: 'enable_message_ordering', before: beforeOrdering, after: current.enableMessageOrdering });
  }
  return changes;
}

/** The warning shown for a change (stable code first). */
export function immutableChangeWarning(name: string, change: ImmutableFieldChange, preventDestroy: boolean): string {
  return (
    `[PUBSUB_IMMUTABLE_FIELD_CHANGED] subscription ${show(name)}: ${change.field} changes from ${show(change.before)} ` +
    `to ${show(change.after)}. Pub/Sub cannot update it in place: Terraform replaces the subscription and its ` +
    `unacknowledged messages are lost. ` +
    (preventDestroy
      ? 'prevent_destroy is on, so the plan will fail; '
      : 'prevent_destroy is off, so the replacement will happen; ') +
    'create a new subscription beside the old one and drain the old one instead.'
  );
}
