import { PropsValidator } from '../../lib';
import { Construct, MonitoringAlertPolicy, type MonitoringAlertPolicyConditions, Token } from './cdktf';
import { durationString } from './limits';
import type { ISubscription } from './subscription';
import {
  type SubscriptionAlertsSpec,
  SUBSCRIPTION_ALERT_DEFAULTS,
  validateSubscriptionAlertsSpec,
} from './alerts-spec';

/** Properties of {@link SubscriptionAlerts}. */
export interface SubscriptionAlertsProps extends SubscriptionAlertsSpec {
  /** The subscription to watch. */
  readonly subscription: ISubscription;
}

/** The Cloud Monitoring metrics the alerts read. */
export const PUBSUB_ALERT_METRICS = {
  backlog: 'pubsub.googleapis.com/subscription/num_undelivered_messages',
  oldestUnackedAge: 'pubsub.googleapis.com/subscription/oldest_unacked_message_age',
  deadLetters: 'pubsub.googleapis.com/subscription/dead_letter_message_count',
} as const;

/**
 * Cloud Monitoring alert policies for one subscription: backlog (`num_undelivered_messages`), age of the oldest
 * unacknowledged message (`oldest_unacked_message_age`) and, when the subscription dead-letters, messages published
 * to its dead-letter topic (`dead_letter_message_count`).
 */
export class SubscriptionAlerts extends Construct {
  /** Backlog alert. */
  readonly backlog: MonitoringAlertPolicy;
  /** Oldest unacknowledged message alert. */
  readonly oldestUnackedAge: MonitoringAlertPolicy;
  /** Dead-letter alert, when the subscription has a dead-letter topic. */
  readonly deadLetters?: MonitoringAlertPolicy;

  constructor(scope: Construct, id: string, props: SubscriptionAlertsProps) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    validateSubscriptionAlertsSpec(v, props);
    v.throwIfAny();

    const d = SUBSCRIPTION_ALERT_DEFAULTS;
    const sub = props.subscription;
    const name = sub.subscriptionName;
    const project = sub.projectOptions.project;
    const channels = props.notificationChannels ? [...props.notificationChannels] : undefined;
    const duration = durationString(props.durationSeconds ?? d.durationSeconds);
    const filter = (metric: string) =>
      `resource.type = "pubsub_subscription" AND resource.labels.subscription_id = "${name}" AND metric.type = "${metric}"`;
    const policy = (
      policyId: string,
      title: string,
      condition: MonitoringAlertPolicyConditions['conditionThreshold'],
      runbook: string,
    ) =>
      new MonitoringAlertPolicy(this, policyId, {
        displayName: `${name}: ${title}`,
        combiner: 'OR',
        project,
        severity: 'WARNING',
        notificationChannels: channels,
        conditions: [{ displayName: title, conditionThreshold: condition }],
        documentation: { content: runbook, mimeType: 'text/markdown' },
      });

    const backlog = props.backlogMessages ?? d.backlogMessages;
    this.backlog = policy(
      'Backlog',
      `more than ${backlog} undelivered messages`,
      {
        filter: filter(PUBSUB_ALERT_METRICS.backlog),
        comparison: 'COMPARISON_GT',
        thresholdValue: backlog,
        duration,
        aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_MAX' }],
      },
      `Subscription \`${name}\` has a growing backlog: subscribers are down or too slow. Scale them out or look for errors.`,
    );
    const age = props.oldestUnackedAgeSeconds ?? d.oldestUnackedAgeSeconds;
    this.oldestUnackedAge = policy(
      'OldestUnackedAge',
      `oldest unacknowledged message older than ${age} s`,
      {
        filter: filter(PUBSUB_ALERT_METRICS.oldestUnackedAge),
        comparison: 'COMPARISON_GT',
        thresholdValue: age,
        duration,
        aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_MAX' }],
      },
      `A message on \`${name}\` stays unacknowledged: a poison message or a stuck subscriber. Messages are lost once they outlive the retention period.`,
    );
    if (sub.deadLetterTopic !== undefined) {
      const dead = props.deadLetterMessages ?? d.deadLetterMessages;
      this.deadLetters = policy(
        'DeadLetters',
        `more than ${dead} messages dead-lettered`,
        {
          filter: filter(PUBSUB_ALERT_METRICS.deadLetters),
          comparison: 'COMPARISON_GT',
          thresholdValue: dead,
          duration: '0s',
          aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_SUM' }],
        },
        `Messages from \`${name}\` were forwarded to dead-letter topic \`${sub.deadLetterTopic.topicName}\` after repeated failures. Inspect them there.`,
      );
    }
  }
}
