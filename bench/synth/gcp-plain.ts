/**
 * Plain cdktf version of the GCP workload (see gcp-shape.ts), written by hand with deep imports of
 * @cdktf/provider-google, producing what eventform's Pub/Sub constructs generate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { PubsubSubscription } from '@cdktf/provider-google/lib/pubsub-subscription';
import { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { runScenario } from '../lib/scenario';
import { countTerraformOutput } from './gcp-count';
import {
  BACKLOG_THRESHOLD,
  MAX_DELIVERY_ATTEMPTS,
  OLDEST_UNACKED_SECONDS,
  PROJECT_ID,
  PUBSUB_AGENT,
  subscriptionName,
} from './gcp-shape';

function alert(stack: TerraformStack, id: string, subscription: string, metric: string, threshold: number): void {
  new MonitoringAlertPolicy(stack, id, {
    project: PROJECT_ID,
    displayName: `${subscription} ${metric}`,
    combiner: 'OR',
    conditions: [
      {
        displayName: `${metric} above ${threshold}`,
        conditionThreshold: {
          filter: `resource.type = "pubsub_subscription" AND resource.labels.subscription_id = "${subscription}" AND metric.type = "pubsub.googleapis.com/subscription/${metric}"`,
          comparison: 'COMPARISON_GT',
          thresholdValue: threshold,
          duration: '300s',
          aggregations: [{ alignmentPeriod: '60s', perSeriesAligner: 'ALIGN_MAX' }],
        },
      },
    ],
  });
}

runScenario((size) => {
  const outdir = mkdtempSync(join(tmpdir(), 'eventform-bench-gcp-'));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bench-pubsub');
    new GoogleProvider(stack, 'google', { project: PROJECT_ID });
    const topic = new PubsubTopic(stack, 'orders', { name: 'orders', messageRetentionDuration: '604800s' });
    const deadLetter = new PubsubTopic(stack, 'orders-dead-letter', { name: 'orders-dead-letter' });
    new PubsubSubscription(stack, 'orders-dead-letter-sub', {
      name: 'orders-dead-letter-sub',
      topic: deadLetter.id,
      messageRetentionDuration: '604800s',
    });
    new PubsubTopicIamMember(stack, 'orders-dead-letter-publisher', {
      topic: deadLetter.id,
      role: 'roles/pubsub.publisher',
      member: PUBSUB_AGENT,
    });
    for (let i = 0; i < size; i++) {
      const name = subscriptionName(i);
      const subscription = new PubsubSubscription(stack, name, {
        name,
        topic: topic.id,
        ackDeadlineSeconds: 60,
        deadLetterPolicy: { deadLetterTopic: deadLetter.id, maxDeliveryAttempts: MAX_DELIVERY_ATTEMPTS },
        retryPolicy: { minimumBackoff: '10s', maximumBackoff: '600s' },
      });
      new PubsubSubscriptionIamMember(stack, `${name}-agent-subscriber`, {
        subscription: subscription.name,
        role: 'roles/pubsub.subscriber',
        member: PUBSUB_AGENT,
      });
      alert(stack, `${name}-backlog`, name, 'num_undelivered_messages', BACKLOG_THRESHOLD);
      alert(stack, `${name}-oldest-unacked`, name, 'oldest_unacked_message_age', OLDEST_UNACKED_SECONDS);
    }
    app.synth();
    return countTerraformOutput(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
