/**
 * eventform version of the AWS workload (see aws-shape.ts): EventBus, DeadLetterQueue, Rule and SqsTarget from
 * `eventform/aws` (the built package), with the rules in their own stacks referencing the bus stack's constructs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { runScenario } from '../lib/scenario';
import { countAssembly } from './aws-count';
import { BUS_NAME, DLQ_NAME, MAX_EVENT_AGE_SECONDS, RETRY_ATTEMPTS, ruleChunks, rulePattern } from './aws-shape';

const eventform = require('eventform/aws') as typeof import('../../constructs/aws');

runScenario((size) => {
  const outdir = mkdtempSync(join(tmpdir(), 'eventform-bench-aws-'));
  try {
    const app = new App({ outdir });
    const busStack = new Stack(app, 'BenchBus');
    const bus = new eventform.EventBus(busStack, 'Bus', { eventBusName: BUS_NAME });
    const dlq = new eventform.DeadLetterQueue(busStack, 'DeadLetterQueue', { queueName: DLQ_NAME });
    ruleChunks(size).forEach((chunk, stackIndex) => {
      const stack = new Stack(app, `BenchRules${stackIndex + 1}`);
      for (const i of chunk) {
        const queue = new sqs.Queue(stack, `Target${i}`, {
          encryption: sqs.QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
        });
        new eventform.Rule(stack, `Rule${i}`, {
          eventBus: bus,
          eventPattern: rulePattern(i),
          targets: [
            new eventform.SqsTarget(queue, {
              retryAttempts: RETRY_ATTEMPTS,
              maxEventAge: Duration.seconds(MAX_EVENT_AGE_SECONDS),
              deadLetterQueue: dlq.queue,
            }),
          ],
        });
      }
    });
    return countAssembly(app.synth());
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
