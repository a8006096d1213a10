// Stacks that exercise every AWS construct feature. Unit tests assert on them; the cfn-lint suite lints all of
// them in one cfn-lint run. Each fixture is built in its own App, at most once per test process.
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import {
  Archive,
  DeadLetterQueue,
  EventBus,
  EventBusAlarms,
  EventBusTarget,
  LambdaTarget,
  PutEventsPrincipal,
  Replay,
  Rule,
  SchemaRegistry,
  SqsTarget,
  StepFunctionsTarget,
  TargetInput,
} from '../../../constructs/aws';
import { buildEventPattern, EventMatch, EventSchema } from '../../../lib';

export const ENV = { account: '111111111111', region: 'us-east-1' };
export const ORDER_PATTERN = buildEventPattern({ source: 'order-service', 'detail-type': 'OrderPlaced' });

/** A standard queue as a consumer would create it: encrypted, TLS-only. */
export function queue(stack: Stack, id: string, props: sqs.QueueProps = {}): sqs.Queue {
  return new sqs.Queue(stack, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, ...props });
}

/** A function of this account (imported: the templates stay small and the target's permission is what shows). */
export function fn(stack: Stack, id = 'Fn'): lambda.IFunction {
  return lambda.Function.fromFunctionAttributes(stack, id, {
    functionArn: `arn:aws:lambda:${ENV.region}:${ENV.account}:function:${id}`,
    sameEnvironment: true,
  });
}

/** A state machine of this account (imported, like {@link fn}). */
export function stateMachine(stack: Stack, id = 'Workflow'): sfn.IStateMachine {
  return sfn.StateMachine.fromStateMachineArn(
    stack,
    id,
    `arn:aws:states:${ENV.region}:${ENV.account}:stateMachine:${id}`,
  );
}

function manyRules(app: App, count: number): Stack {
  const stack = new Stack(app, 'ManyRules', { env: ENV });
  const bus = new EventBus(stack, 'Bus', { eventBusName: 'busy' });
  const dlq = new DeadLetterQueue(stack, 'SharedDlq');
  const target = queue(stack, 'Target');
  for (let i = 0; i < count; i += 1) {
    bus.addRule(`Rule${i}`, {
      eventPattern: buildEventPattern({ source: 'order-service', 'detail-type': `Type${i}` }),
      targets: [new SqsTarget(target, { deadLetterQueue: dlq.queue })],
    });
  }
  return stack;
}

const builders = {
  /** A bus with no props, one rule to an SQS queue with a DLQ, an archive with defaults. */
  minimal(app: App) {
    const stack = new Stack(app, 'Minimal', { env: ENV });
    const bus = new EventBus(stack, 'Bus');
    const dlq = new DeadLetterQueue(stack, 'Dlq');
    bus.addRule('Orders', {
      eventPattern: ORDER_PATTERN,
      targets: [new SqsTarget(queue(stack, 'Q'), { deadLetterQueue: dlq.queue })],
    });
    bus.addArchive('Archive');
    return stack;
  },

  /** Every bus option: CMK, bus DLQ with CMK, logging to a log group, policies, grant, archive and replay. */
  full(app: App) {
    const stack = new Stack(app, 'Full', { env: ENV });
    const key = new kms.Key(stack, 'BusKey', { enableKeyRotation: true });
    const dlqKey = new kms.Key(stack, 'DlqKey', { enableKeyRotation: true });
    const busDlq = new DeadLetterQueue(stack, 'BusDlq', { queueName: 'bus-dlq', encryptionKey: dlqKey });
    const bus = new EventBus(stack, 'Bus', {
      eventBusName: 'orders-event-bus',
      description: 'orders',
      encryptionKey: key,
      deadLetterQueue: busDlq.queue,
      logLevel: events.Level.INFO,
      logIncludeDetail: true,
      logGroup: new logs.LogGroup(stack, 'BusLogs', { retention: logs.RetentionDays.ONE_WEEK }),
    });
    bus.allowPutEventsFrom(PutEventsPrincipal.accounts('222222222222', '333333333333'));
    bus.allowPutEventsFrom(PutEventsPrincipal.organization('o-abcdef1234'), 'AllowOrg');
    bus.grantPutEvents(new iam.Role(stack, 'Producer', { assumedBy: new iam.AccountRootPrincipal() }));
    const archive = new Archive(stack, 'Archive', {
      eventBus: bus,
      archiveName: 'orders-archive',
      description: 'all order events',
      eventPattern: buildEventPattern({ source: 'order-service' }),
      retentionDays: 30,
    });
    new Replay(stack, 'Replay', {
      archive,
      replayName: 'orders-replay-2024-01-15',
      eventStartTime: new Date('2024-01-15T00:00:00Z'),
      eventEndTime: new Date('2024-01-15T23:59:59Z'),
    });
    return stack;
  },

  /** Every target kind and option. */
  targets(app: App) {
    const stack = new Stack(app, 'Targets', { env: ENV });
    const bus = new EventBus(stack, 'Bus', { eventBusName: 'orders' });
    const other = new EventBus(stack, 'Other', { eventBusName: 'audit' });
    const dlqKey = new kms.Key(stack, 'DlqKey', { enableKeyRotation: true });
    const dlq = new DeadLetterQueue(stack, 'Dlq', { encryptionKey: dlqKey });
    const fifo = queue(stack, 'Fifo', { fifo: true, contentBasedDeduplication: true });
    const cmkQueueKey = new kms.Key(stack, 'QueueKey', { enableKeyRotation: true });
    const cmkQueue = queue(stack, 'CmkQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: cmkQueueKey,
    });
    const role = new iam.Role(stack, 'GivenRole', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com') });
    bus.addRule('ToLambda', {
      ruleName: 'to-lambda',
      description: 'lambda',
      eventPattern: buildEventPattern({ source: 'order-service', detail: { amount: EventMatch.numeric('>', 1000) } }),
      targets: [
        new LambdaTarget(fn(stack), {
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: dlq.queue,
          input: TargetInput.transform(
            { id: '$.detail.orderId', rule: '$.resources[0]' },
            '{"order": <id>, "by": "<aws.events.rule-name>"}',
          ),
        }),
      ],
    });
    bus.addRule('ToFifo', {
      eventPattern: ORDER_PATTERN,
      targets: [
        new SqsTarget(fifo, {
          messageGroupId: 'orders',
          deadLetterQueue: dlq.queue,
          input: TargetInput.fromEventPath('$.detail'),
        }),
      ],
    });
    bus.addRule('ToCmkQueue', {
      eventPattern: ORDER_PATTERN,
      enabled: false,
      targets: [
        new SqsTarget(cmkQueue, {
          input: TargetInput.fromObject({ hello: 'world' }),
          retryAttempts: 0,
          maxEventAge: Duration.seconds(60),
        }),
      ],
    });
    bus.addRule('ToWorkflow', {
      eventPattern: ORDER_PATTERN,
      targets: [
        new StepFunctionsTarget(stateMachine(stack), { deadLetterQueue: dlq.queue }),
        new StepFunctionsTarget(stateMachine(stack, 'Workflow2'), {
          role,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
    bus.addRule('Forward', {
      eventPattern: ORDER_PATTERN,
      targets: [
        new EventBusTarget(other, { deadLetterQueue: dlq.queue }),
        new EventBusTarget(
          EventBus.fromEventBusArn(stack, 'Central', 'arn:aws:events:us-east-1:999999999999:event-bus/central'),
          {
            deadLetterQueue: dlq.queue,
          },
        ),
      ],
    });
    new Rule(stack, 'Nightly', {
      schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
      targets: [new LambdaTarget(fn(stack, 'NightlyFn'))],
    });
    return stack;
  },

  /** 301 rules sharing one dead-letter queue. */
  manyRules(app: App) {
    return manyRules(app, 301);
  },

  /** The same shapes as manyRules with 2 rules (cfn-lint needs ~25 s more for the 301-rule template). */
  manyRulesSmall(app: App) {
    return manyRules(app, 2);
  },

  /** Schema registry from EventSchema values, with a discoverer. */
  schemas(app: App) {
    const stack = new Stack(app, 'Schemas', { env: ENV });
    const bus = new EventBus(stack, 'Bus', { eventBusName: 'orders' });
    const order = EventSchema.avro({
      type: 'record',
      name: 'OrderPlaced',
      namespace: 'com.example',
      fields: [
        { name: 'orderId', type: 'string' },
        { name: 'amount', type: 'double' },
      ],
    });
    const registry = new SchemaRegistry(stack, 'Registry', {
      registryName: 'order-schemas',
      description: 'orders',
      schemas: [order],
      discoverFrom: bus,
    });
    registry.addSchema(order, { schemaName: 'OrderPlacedDraft4', type: 'JSONSchemaDraft4', description: 'draft 4' });
    registry.addSchema(
      EventSchema.jsonSchema({
        $schema: 'http://json-schema.org/draft-04/schema#',
        title: 'OrderCancelled',
        type: 'object',
        properties: { orderId: { type: 'string' } },
        required: ['orderId'],
      }),
    );
    return stack;
  },

  /** Alarms with an SNS action on a bus with a DLQ and two rules. */
  alarms(app: App) {
    const stack = new Stack(app, 'Alarms', { env: ENV });
    const busDlq = new DeadLetterQueue(stack, 'BusDlq');
    const bus = new EventBus(stack, 'Bus', { eventBusName: 'orders', deadLetterQueue: busDlq.queue });
    const dlq = new DeadLetterQueue(stack, 'Dlq');
    bus.addRule('A', {
      ruleName: 'rule-a',
      eventPattern: ORDER_PATTERN,
      targets: [new SqsTarget(queue(stack, 'Qa'), { deadLetterQueue: dlq.queue })],
    });
    bus.addRule('B', {
      ruleName: 'rule-b',
      eventPattern: ORDER_PATTERN,
      targets: [new SqsTarget(queue(stack, 'Qb'), { deadLetterQueue: dlq.queue })],
    });
    const topic = new sns.Topic(stack, 'Alerts', { enforceSSL: true });
    new EventBusAlarms(stack, 'BusAlarms', { eventBus: bus, alarmTopic: topic, period: Duration.minutes(1) });
    return stack;
  },

  /** Rules on an imported bus, targets imported by ARN: the policies cannot be added (warnings instead). */
  imported(app: App) {
    const stack = new Stack(app, 'Imported', { env: ENV });
    const bus = EventBus.fromEventBusName(stack, 'Bus', 'existing-bus');
    const q = sqs.Queue.fromQueueArn(stack, 'Q', 'arn:aws:sqs:us-east-1:111111111111:existing-queue');
    bus.addRule('Rule', { eventPattern: ORDER_PATTERN, targets: [new SqsTarget(q)] });
    return stack;
  },
};

/** Name of a fixture. */
export type FixtureName = keyof typeof builders;
/** Every fixture name. */
export const FIXTURES = Object.keys(builders) as FixtureName[];

const built = new Map<FixtureName, Stack>();

/** The fixture stack, built once per test process. */
export function fixture(name: FixtureName): Stack {
  let stack = built.get(name);
  if (!stack) {
    stack = builders[name](new App());
    built.set(name, stack);
  }
  return stack;
}

const templates = new Map<FixtureName, Template>();

/** The fixture's template, synthesized once per test process. */
export function template(name: FixtureName): Template {
  let t = templates.get(name);
  if (!t) {
    t = Template.fromStack(fixture(name));
    templates.set(name, t);
  }
  return t;
}

/** A split deployment: bus, DLQ and target queue in one stack, the rules in another. */
export function splitApp(): { app: App; busStack: Stack; rulesStack: Stack } {
  const app = new App();
  const busStack = new Stack(app, 'BusStack', { env: ENV });
  const bus = new EventBus(busStack, 'Bus', { eventBusName: 'orders' });
  const dlq = new DeadLetterQueue(busStack, 'Dlq');
  const target = queue(busStack, 'Target');
  const rulesStack = new Stack(app, 'RulesStack', { env: ENV });
  for (let i = 0; i < 3; i += 1) {
    new Rule(rulesStack, `Rule${i}`, {
      eventBus: bus,
      eventPattern: buildEventPattern({ source: 'order-service', 'detail-type': `Type${i}` }),
      targets: [new SqsTarget(target, { deadLetterQueue: dlq.queue }), new LambdaTarget(fn(busStack, `Fn${i}`))],
    });
  }
  return { app, busStack, rulesStack };
}
