/**
 * eventform version of the GCP workload (see gcp-shape.ts): Topic (with its dead-letter topic), subscriptions with
 * dead-letter policies and their alerts from `eventform/gcp` (the built package).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { runScenario } from '../lib/scenario';
import { countTerraformOutput } from './gcp-count';
import {
  ACK_DEADLINE_SECONDS,
  BACKLOG_THRESHOLD,
  MAX_DELIVERY_ATTEMPTS,
  OLDEST_UNACKED_SECONDS,
  PROJECT_ID,
  PROJECT_NUMBER,
  TOPIC_RETENTION_SECONDS,
  subscriptionName,
} from './gcp-shape';

const eventform = require('eventform/gcp') as typeof import('../../constructs/gcp');

runScenario((size) => {
  const outdir = mkdtempSync(join(tmpdir(), 'eventform-bench-gcp-'));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bench-pubsub');
    new GoogleProvider(stack, 'google', { project: PROJECT_ID });
    const topic = new eventform.Topic(stack, 'orders', {
      topicName: 'orders',
      project: PROJECT_ID,
      projectNumber: PROJECT_NUMBER,
      messageRetentionSeconds: TOPIC_RETENTION_SECONDS,
      deadLetterTopic: {},
    });
    for (let i = 0; i < size; i++) {
      const name = subscriptionName(i);
      topic
        .addSubscription(name, {
          subscriptionName: name,
          ackDeadlineSeconds: ACK_DEADLINE_SECONDS,
          deadLetterPolicy: { maxDeliveryAttempts: MAX_DELIVERY_ATTEMPTS },
        })
        .addAlerts({ backlogMessages: BACKLOG_THRESHOLD, oldestUnackedAgeSeconds: OLDEST_UNACKED_SECONDS });
    }
    app.synth();
    return countTerraformOutput(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
