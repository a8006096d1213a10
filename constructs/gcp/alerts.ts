import { PropsValidator } from '../../lib/validation';
import { Construct, MonitoringAlertPolicy, Token } from './cdktf';
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

/** One alert policy of {@link SubscriptionAlerts}. */
interface AlertPolicySpec {
  readonly id: 'Backlog' | 'OldestUnackedAge' | 'DeadLetters';
  readonly title: string;
  readonly metric: string;
  readonly threshold: number;
  readonly duration: string;
  readonly aligner: 'ALIGN_MAX' | 'ALIGN_SUM';
  readonly runbook: string;
}

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
    const backlog = props.backlogMessages ?? d.backlogMessages;
    const age = props.oldestUnackedAgeSeconds ?? d.oldestUnackedAgeSeconds;
    const duration = durationString(props.durationSeconds ?? d.durationSeconds);
    const policies: AlertPolicySpec[] = [
      {
        id: 'Backlog',
        title: `more than ${backlog} undelivered messages`,
        metric: PUBSUB_ALERT_METRICS.backlog,
        threshold: backlog,
        duration,
        aligner: 'ALIGN_MAX',
        runbook: `Subscription \`${name}\` has a growing backlog: subscribers are down or too slow. Scale them out or look for errors.`,
      },
      {
        id: 'OldestUnackedAge',
        title: `oldest unacknowledged message older than ${age} s`,
        metric: PUBSUB_ALERT_METRICS.oldestUnackedAge,
        threshold: age,
        duration,
        aligner: 'ALIGN_MAX',
        runbook: `A message on \`${name}\` stays unacknowledged: a poison message or a stuck subscriber. Messages are lost once they outlive the retention period.`,
      },
    ];
    if (sub.deadLetterTopic !== undefined) {
      const dead = props.deadLetterMessages ?? d.deadLetterMessages;
      policies.push({
        id: 'DeadLetters',
        title: `more than ${dead} messages dead-lettered`,
        metric: PUBSUB_ALERT_METRICS.deadLetters,
        threshold: dead,
        duration: '0s',
        aligner: 'ALIGN_SUM',
        runbook: `Messages from \`${name}\` were forwarded to dead-letter topic \`${sub.deadLetterTopic.topicName}\` after repeated failures. Inspect them there.`,
      });
    }

    // A plain loop rather than a helper function: cdktf records the full call stack of every token the provider
    // classes create, so each extra frame here costs memory for every policy.
    const project = sub.projectOptions.project;
    const channels = props.notificationChannels ? [...props.notificationChannels] : undefined;
    const created: Record<string, MonitoringAlertPolicy> = {};
    for (const p of policies) {
      created[p.id] = new MonitoringAlertPolicy(this, p.id, {
        displayName: `${name}: ${p.title}`,
        combiner: 'OR',
        project,
        severity: 'WARNING',
        notificationChannels: channels,
        conditions: [
          {
            displayName: p.title,
            conditionThreshold: {
              filter: `resource.type = "pubsub_subscription" AND resource.labels.subscription_id = "${name}" AND metric.type = "${p.metric}"`,
              comparison: 'COMPARISON_GT',
              thresholdValue: p.threshold,
              duration: p.duration,
              aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: p.aligner }],
            },
          },
        ],
        documentation: { content: p.runbook, mimeType: 'text/markdown' },
      });
    }
    this.backlog = created.Backlog;
    this.oldestUnackedAge = created.OldestUnackedAge;
    this.deadLetters = created.DeadLetters;
  }
}
