/**
 * Plain cdktf version of the GCP workload (see gcp-shape.ts), written by hand with deep imports of
 * @cdktf/provider-google, producing the resources (and settings) eventform's Pub/Sub constructs generate. Two
 * layouts: `flat` (every resource a child of the stack, as one writes it by hand: gcp-plain.ts) and `tree` (the same
 * resources under plain `Construct` scopes with eventform's construct paths, hence eventform's logical IDs:
 * gcp-plain-tree.ts), which isolates what cdktf charges for nested paths from what eventform's own code costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  MonitoringAlertPolicy,
  type MonitoringAlertPolicyConditionsConditionThreshold,
} from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { PubsubSubscription, type PubsubSubscriptionConfig } from '@cdktf/provider-google/lib/pubsub-subscription';
import { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { runScenario } from '../lib/scenario';
import { countTerraformOutput } from './gcp-count';
import {
  ACK_DEADLINE_SECONDS,
  BACKLOG_THRESHOLD,
  MAX_DELIVERY_ATTEMPTS,
  OLDEST_UNACKED_SECONDS,
  PROJECT_ID,
  PUBSUB_AGENT,
  TOPIC_RETENTION_SECONDS,
  subscriptionName,
} from './gcp-shape';

const keep = { preventDestroy: true };

function subscriptionConfig(name: string, topic: string): PubsubSubscriptionConfig {
  return {
    name,
    topic,
    project: PROJECT_ID,
    ackDeadlineSeconds: 10,
    messageRetentionDuration: '604800s',
    retainAckedMessages: false,
    expirationPolicy: { ttl: '' },
    retryPolicy: { minimumBackoff: '10s', maximumBackoff: '600s' },
    enableMessageOrdering: false,
    enableExactlyOnceDelivery: false,
    lifecycle: keep,
  };
}

function alert(
  scope: Construct,
  id: string,
  subscription: string,
  title: string,
  condition: Omit<MonitoringAlertPolicyConditionsConditionThreshold, 'comparison'>,
  runbook: string,
): void {
  new MonitoringAlertPolicy(scope, id, {
    displayName: `${subscription}: ${title}`,
    combiner: 'OR',
    project: PROJECT_ID,
    severity: 'WARNING',
    conditions: [
      {
        displayName: title,
        conditionThreshold: { comparison: 'COMPARISON_GT', ...condition },
      },
    ],
    documentation: { content: runbook, mimeType: 'text/markdown' },
  });
}

const metricFilter = (subscription: string, metric: string) =>
  `resource.type = "pubsub_subscription" AND resource.labels.subscription_id = "${subscription}" AND metric.type = "pubsub.googleapis.com/subscription/${metric}"`;

/** Where each resource goes and what it is called, per layout. */
interface Layout {
  readonly topic: [Construct, string];
  readonly deadLetterScope: Construct;
  readonly deadLetter: [Construct, string];
  readonly keep: [Construct, string];
  readonly publisher: [Construct, string];
  subscription(name: string): {
    readonly resource: [Construct, string];
    readonly subscriber: [Construct, string];
    readonly alerts: Construct;
    readonly alertIds: readonly [string, string, string];
  };
}

function flatLayout(stack: TerraformStack): Layout {
  return {
    topic: [stack, 'orders'],
    deadLetterScope: stack,
    deadLetter: [stack, 'orders-dead-letter'],
    keep: [stack, 'orders-dead-letter-sub'],
    publisher: [stack, 'orders-dead-letter-publisher'],
    subscription: (name) => ({
      resource: [stack, name],
      subscriber: [stack, `${name}-agent-subscriber`],
      alerts: stack,
      alertIds: [`${name}-backlog`, `${name}-oldest-unacked`, `${name}-dead-letters`],
    }),
  };
}

function treeLayout(stack: TerraformStack): Layout {
  const topic = new Construct(stack, 'orders');
  const deadLetter = new Construct(topic, 'DeadLetter');
  return {
    topic: [topic, 'Resource'],
    deadLetterScope: deadLetter,
    deadLetter: [deadLetter, 'Resource'],
    keep: [new Construct(deadLetter, 'Keep'), 'Resource'],
    publisher: [deadLetter, 'ServiceAgentPublisher'],
    subscription: (name) => {
      const scope = new Construct(topic, name);
      return {
        resource: [scope, 'Resource'],
        subscriber: [scope, 'ServiceAgentSubscriber'],
        alerts: new Construct(scope, 'Alerts'),
        alertIds: ['Backlog', 'OldestUnackedAge', 'DeadLetters'],
      };
    },
  };
}

/** Runs the GCP workload with plain provider resources in the given layout. */
export function runPlainGcp(layout: 'flat' | 'tree'): void {
  runScenario((size) => {
    const outdir = mkdtempSync(join(tmpdir(), 'eventform-bench-gcp-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'bench-pubsub');
      new GoogleProvider(stack, 'google', { project: PROJECT_ID });
      const at = layout === 'flat' ? flatLayout(stack) : treeLayout(stack);
      const topic = new PubsubTopic(...at.topic, {
        name: 'orders',
        project: PROJECT_ID,
        messageRetentionDuration: `${TOPIC_RETENTION_SECONDS}s`,
        lifecycle: keep,
      });
      const deadLetter = new PubsubTopic(...at.deadLetter, {
        name: 'orders-dead-letter',
        project: PROJECT_ID,
        lifecycle: keep,
      });
      new PubsubSubscription(...at.keep, subscriptionConfig('orders-dead-letter-sub', deadLetter.id));
      new PubsubTopicIamMember(...at.publisher, {
        topic: deadLetter.id,
        project: PROJECT_ID,
        role: 'roles/pubsub.publisher',
        member: PUBSUB_AGENT,
      });
      for (let i = 0; i < size; i++) {
        const name = subscriptionName(i);
        const where = at.subscription(name);
        const subscription = new PubsubSubscription(...where.resource, {
          ...subscriptionConfig(name, topic.id),
          ackDeadlineSeconds: ACK_DEADLINE_SECONDS,
          deadLetterPolicy: { deadLetterTopic: deadLetter.id, maxDeliveryAttempts: MAX_DELIVERY_ATTEMPTS },
        });
        new PubsubSubscriptionIamMember(...where.subscriber, {
          subscription: subscription.id,
          project: PROJECT_ID,
          role: 'roles/pubsub.subscriber',
          member: PUBSUB_AGENT,
        });
        const maxOverMinute = [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_MAX' }];
        alert(
          where.alerts,
          where.alertIds[0],
          name,
          `more than ${BACKLOG_THRESHOLD} undelivered messages`,
          {
            filter: metricFilter(name, 'num_undelivered_messages'),
            thresholdValue: BACKLOG_THRESHOLD,
            duration: '300s',
            aggregations: maxOverMinute,
          },
          `Subscription \`${name}\` has a growing backlog: subscribers are down or too slow. Scale them out or look for errors.`,
        );
        alert(
          where.alerts,
          where.alertIds[1],
          name,
          `oldest unacknowledged message older than ${OLDEST_UNACKED_SECONDS} s`,
          {
            filter: metricFilter(name, 'oldest_unacked_message_age'),
            thresholdValue: OLDEST_UNACKED_SECONDS,
            duration: '300s',
            aggregations: maxOverMinute,
          },
          `A message on \`${name}\` stays unacknowledged: a poison message or a stuck subscriber. Messages are lost once they outlive the retention period.`,
        );
        alert(
          where.alerts,
          where.alertIds[2],
          name,
          'more than 0 messages dead-lettered',
          {
            filter: metricFilter(name, 'dead_letter_message_count'),
            thresholdValue: 0,
            duration: '0s',
            aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_SUM' }],
          },
          `Messages from \`${name}\` were forwarded to dead-letter topic \`orders-dead-letter\` after repeated failures. Inspect them there.`,
        );
      }
      app.synth();
      return countTerraformOutput(outdir);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
}
