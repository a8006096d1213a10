/**
 * Plain aws-cdk-lib version of the AWS workload (see aws-shape.ts), written by hand the way an experienced CDK user
 * would build what eventform's EventBridge constructs generate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { runScenario } from '../lib/scenario';
import { countAssembly } from './aws-count';
import { BUS_NAME, DLQ_NAME, MAX_EVENT_AGE_SECONDS, RETRY_ATTEMPTS, ruleChunks, rulePattern } from './aws-shape';

runScenario((size) => {
  const outdir = mkdtempSync(join(tmpdir(), 'eventform-bench-aws-'));
  try {
    const app = new App({ outdir });
    const busStack = new Stack(app, 'BenchBus');
    new events.EventBus(busStack, 'Bus', { eventBusName: BUS_NAME });
    const dlq = new sqs.Queue(busStack, 'DeadLetterQueue', {
      queueName: DLQ_NAME,
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // One statement scoped to the rules of this bus, instead of one per rule.
    dlq.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [dlq.queueArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': busStack.formatArn({ service: 'events', resource: 'rule', resourceName: `${BUS_NAME}/*` }),
          },
        },
      }),
    );
    ruleChunks(size).forEach((chunk, stackIndex) => {
      const stack = new Stack(app, `BenchRules${stackIndex + 1}`);
      stack.addStackDependency(busStack);
      // Referenced by name, not by construct: a cross-stack construct reference makes aws-cdk-lib add one DLQ
      // policy statement per rule to the bus stack, which is a dependency cycle.
      const bus = events.EventBus.fromEventBusName(stack, 'Bus', BUS_NAME);
      const sharedDlq = sqs.Queue.fromQueueArn(
        stack,
        'DeadLetterQueue',
        stack.formatArn({ service: 'sqs', resource: DLQ_NAME }),
      );
      for (const i of chunk) {
        const queue = new sqs.Queue(stack, `Target${i}`, {
          encryption: sqs.QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
        });
        const rule = new events.Rule(stack, `Rule${i}`, {
          eventBus: bus,
          eventPattern: rulePattern(i) as unknown as events.EventPattern,
        });
        rule.addTarget(
          new targets.SqsQueue(queue, {
            retryAttempts: RETRY_ATTEMPTS,
            maxEventAge: Duration.seconds(MAX_EVENT_AGE_SECONDS),
            deadLetterQueue: sharedDlq,
          }),
        );
      }
    });
    return countAssembly(app.synth());
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
