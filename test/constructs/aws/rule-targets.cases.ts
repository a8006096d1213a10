import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  DeadLetterQueue,
  EventBus,
  EventBusTarget,
  LambdaTarget,
  Rule,
  SqsTarget,
  StepFunctionsTarget,
  TargetInput,
} from '../../../constructs/aws';
import { ENV, fixture, fn, ORDER_PATTERN, queue, stateMachine, template } from './fixtures';
import { expectEventformError } from './helpers';

const allows = (policy: { Properties: { PolicyDocument: { Statement: Array<{ Effect: string }> } } }) =>
  policy.Properties.PolicyDocument.Statement.filter((s) => s.Effect === 'Allow');

describe('Rule and targets', () => {
  let t: Template;
  beforeAll(() => {
    t = template('targets');
  });

  test('rule: name, description, bus by name, validated pattern, enabled by default', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      Name: 'to-lambda',
      Description: 'lambda',
      EventBusName: { Ref: Match.stringLikeRegexp('^Bus') },
      State: 'ENABLED',
      EventPattern: { source: ['order-service'], detail: { amount: [{ numeric: ['>', 1000] }] } },
    });
    t.hasResourceProperties('AWS::Events::Rule', { Name: Match.stringLikeRegexp('ToCmkQueue'), State: 'DISABLED' });
  });

  test('scheduled rule on the default bus: no EventBusName, a schedule expression, no pattern', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      EventBusName: Match.absent(),
      EventPattern: Match.absent(),
    });
  });

  test('Lambda target: retry policy, max age, DLQ, input transformer, permission scoped to the rule ARN', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      Name: 'to-lambda',
      Targets: [
        {
          Id: 'Target0',
          Arn: 'arn:aws:lambda:us-east-1:111111111111:function:Fn',
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DlqQueue'), 'Arn'] } },
          InputTransformer: {
            InputPathsMap: { id: '$.detail.orderId', rule: '$.resources[0]' },
            InputTemplate: '{"order": <id>, "by": "<aws.events.rule-name>"}',
          },
        },
      ],
    });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:Fn',
      Principal: 'events.amazonaws.com',
      SourceArn: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':events:us-east-1:111111111111:rule/',
            { Ref: Match.anyValue() },
            '/to-lambda',
          ],
        ],
      },
    });
  });

  test('SQS FIFO target: message group id; input path; the queue policy is one statement scoped to the bus rules', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ SqsParameters: { MessageGroupId: 'orders' }, InputPath: '$.detail' })],
    });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^Fifo') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowEventBridge1',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fifo'), 'Arn'] },
            Condition: {
              ArnLike: {
                'aws:SourceArn': {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':events:us-east-1:111111111111:rule/orders/*']],
                },
              },
              StringEquals: { 'aws:SourceAccount': '111111111111' },
            },
          },
        ]),
      },
    });
  });

  test('SQS target with a CMK: constant input, retry 0 and 60 s, key grant with the same condition', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          Input: '{"hello":"world"}',
          RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 },
          DeadLetterConfig: Match.absent(),
        }),
      ],
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'events.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Condition: Match.objectLike({ ArnLike: Match.anyValue() }),
          }),
        ]),
      },
    });
  });

  test('every EventBridge statement in queue and key policies has an aws:SourceArn condition', () => {
    const policies = [
      ...Object.values(t.findResources('AWS::SQS::QueuePolicy')).map((p) => p.Properties.PolicyDocument),
      ...Object.values(t.findResources('AWS::KMS::Key')).map((k) => k.Properties.KeyPolicy),
    ];
    const eventBridge = policies
      .flatMap((d) => d.Statement)
      .filter((s: { Principal?: { Service?: string } }) => s.Principal?.Service === 'events.amazonaws.com');
    expect(eventBridge.length).toBeGreaterThan(0);
    for (const s of eventBridge) {
      expect(s.Condition.ArnLike?.['aws:SourceArn'] ?? s.Condition.ArnEquals?.['aws:SourceArn']).toBeDefined();
    }
  });

  test('Step Functions target: a role only EventBridge of this account can assume, StartExecution on the machine', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
          },
        ],
      },
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'states:StartExecution',
            Resource: 'arn:aws:states:us-east-1:111111111111:stateMachine:Workflow',
          },
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('^BusToWorkflowTarget0Role') }],
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      Targets: Match.arrayWith([
        Match.objectLike({
          Id: 'Target1',
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GivenRole'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
        }),
      ]),
    });
  });

  test('event bus targets: same account by reference, another account by ARN, each through a PutEvents role', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Other'), 'Arn'] },
          RoleArn: Match.anyValue(),
        }),
        Match.objectLike({ Arn: 'arn:aws:events:us-east-1:999999999999:event-bus/central', RoleArn: Match.anyValue() }),
      ],
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'events:PutEvents',
            Resource: 'arn:aws:events:us-east-1:999999999999:event-bus/central',
          },
        ],
      },
    });
  });

  test('one DLQ shared by every target of a bus gets a single EventBridge statement', () => {
    const dlqPolicy = Object.values(t.findResources('AWS::SQS::QueuePolicy')).find((p) =>
      JSON.stringify(p.Properties.Queues).includes('DlqQueue'),
    );
    expect(dlqPolicy).toBeDefined();
    expect(allows(dlqPolicy as never)).toHaveLength(1);
  });

  test('301 rules on one bus sharing one DLQ: the DLQ and target policies stay one statement, and a warning', () => {
    const stack = fixture('manyRules');
    const many = template('manyRules');
    many.resourceCountIs('AWS::Events::Rule', 301);
    const policies = Object.values(many.findResources('AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      expect(allows(p as never)).toHaveLength(1);
      // SQS allows policies up to 8,192 bytes; plain aws-cdk-lib writes one statement per rule (~280 bytes each).
      expect(JSON.stringify(p.Properties.PolicyDocument).length).toBeLessThan(1500);
    }
    Annotations.fromStack(stack).hasWarning('/ManyRules/Bus/Rule300', Match.stringLikeRegexp('more than 300 rules'));
    expect(Annotations.fromStack(stack).findWarning('/ManyRules/Bus/Rule299', Match.anyValue())).toHaveLength(0);
  });

  describe('limits', () => {
    let stack: Stack;
    let bus: EventBus;
    beforeEach(() => {
      stack = new Stack(new App(), 'S', { env: ENV });
      bus = new EventBus(stack, 'Bus', { eventBusName: 'b' });
    });
    const target = () => new SqsTarget(queue(stack, `Q${stack.node.children.length}`));

    test('invalid pattern: the core validator issues are in the error', () => {
      const err = expectEventformError(
        () => bus.addRule('R', { eventPattern: { detail: { amount: [{ numeric: ['>', 'x'] }] } } as never }),
        'PATTERN_OPERAND_TYPE',
        /must be a number; got "x"/,
      );
      expect(err.issues[0].path).toBe('eventPattern.detail.amount[0].numeric[1]');
    });

    test('pattern longer than 2,048 characters -> PATTERN_TOO_LONG', () => {
      const values = Array.from({ length: 300 }, (_, i) => `value-${i}`);
      expectEventformError(
        () => bus.addRule('R', { eventPattern: { source: values } }),
        'PATTERN_TOO_LONG',
        /2048|2,048/,
      );
    });

    test('neither pattern nor schedule, or both -> EVENTS_RULE_PATTERN_OR_SCHEDULE', () => {
      expectEventformError(() => bus.addRule('R', {}), 'EVENTS_RULE_PATTERN_OR_SCHEDULE', /got neither/);
      expectEventformError(
        () => new Rule(stack, 'R2', { eventPattern: ORDER_PATTERN, schedule: events.Schedule.rate(Duration.hours(1)) }),
        'EVENTS_RULE_PATTERN_OR_SCHEDULE',
        /choose one/,
      );
    });

    test('schedule on a custom bus -> EVENTS_SCHEDULE_ON_CUSTOM_BUS', () => {
      expectEventformError(
        () => bus.addRule('R', { schedule: events.Schedule.rate(Duration.hours(1)) }),
        'EVENTS_SCHEDULE_ON_CUSTOM_BUS',
        /only allowed on the default event bus/,
      );
    });

    test('more than 5 targets -> EVENTS_TOO_MANY_TARGETS (props and addTarget)', () => {
      const six = Array.from({ length: 6 }, () => target());
      expectEventformError(
        () => bus.addRule('R', { eventPattern: ORDER_PATTERN, targets: six }),
        'EVENTS_TOO_MANY_TARGETS',
        /at most 5 targets; got 6/,
      );
      const rule = bus.addRule('R5', { eventPattern: ORDER_PATTERN, targets: six.slice(0, 5) });
      expectEventformError(() => rule.addTarget(six[5]), 'EVENTS_TOO_MANY_TARGETS', /adding target 6/);
    });

    test('rule name and description -> EVENTS_RULE_NAME, EVENTS_DESCRIPTION', () => {
      expectEventformError(
        () => bus.addRule('R', { ruleName: 'has space', eventPattern: ORDER_PATTERN }),
        'EVENTS_RULE_NAME',
        /1-64 characters/,
      );
      expectEventformError(
        () => bus.addRule('R2', { ruleName: 'x'.repeat(65), eventPattern: ORDER_PATTERN }),
        'EVENTS_RULE_NAME',
        /got "x+" \(65 characters\)/,
      );
      expectEventformError(
        () => bus.addRule('R3', { description: 'd'.repeat(513), eventPattern: ORDER_PATTERN }),
        'EVENTS_DESCRIPTION',
        /512/,
      );
    });

    test.each([
      [-1, /between 0 and 185; got -1/],
      [186, /between 0 and 185; got 186/],
      [1.5, /integer/],
    ])('retryAttempts %p -> EVENTS_RETRY_ATTEMPTS', (retryAttempts, message) => {
      expectEventformError(() => new LambdaTarget(fn(stack), { retryAttempts }), 'EVENTS_RETRY_ATTEMPTS', message);
    });

    test.each([
      [Duration.seconds(59), /between 60 s and 86400 s; got 59/],
      [Duration.hours(25), /got 90000/],
    ])('maxEventAge %s -> EVENTS_MAX_EVENT_AGE', (maxEventAge, message) => {
      expectEventformError(() => new LambdaTarget(fn(stack), { maxEventAge }), 'EVENTS_MAX_EVENT_AGE', message);
    });

    test('FIFO DLQ -> EVENTS_DLQ_FIFO; AWS-managed key DLQ or target -> EVENTS_SQS_AWS_MANAGED_KEY', () => {
      const fifo = queue(stack, 'F', { fifo: true, contentBasedDeduplication: true });
      expectEventformError(() => new LambdaTarget(fn(stack), { deadLetterQueue: fifo }), 'EVENTS_DLQ_FIFO', /FIFO/);
      const managed = new sqs.Queue(stack, 'M', { encryption: sqs.QueueEncryption.KMS_MANAGED });
      expectEventformError(
        () => new LambdaTarget(fn(stack, 'F2'), { deadLetterQueue: managed }),
        'EVENTS_SQS_AWS_MANAGED_KEY',
        /EventBridge cannot use/,
      );
      expectEventformError(
        () => new SqsTarget(managed),
        'EVENTS_SQS_AWS_MANAGED_KEY',
        /SQS_MANAGED or a customer-managed KMS key/,
      );
      const byAlias = sqs.Queue.fromQueueAttributes(stack, 'A', {
        queueArn: 'arn:aws:sqs:us-east-1:111111111111:a',
        keyArn: 'arn:aws:kms:us-east-1:111111111111:alias/aws/sqs',
      });
      expectEventformError(() => new SqsTarget(byAlias), 'EVENTS_SQS_AWS_MANAGED_KEY', /alias\/aws\/sqs/);
    });

    test('DLQ or SQS target in another region than the rule -> EVENTS_QUEUE_REGION', () => {
      const far = sqs.Queue.fromQueueArn(stack, 'Far', 'arn:aws:sqs:eu-west-1:111111111111:far');
      const t1 = new LambdaTarget(fn(stack), { deadLetterQueue: far });
      expectEventformError(
        () => bus.addRule('R', { eventPattern: ORDER_PATTERN, targets: [t1] }),
        'EVENTS_QUEUE_REGION',
        /us-east-1.*eu-west-1/,
      );
      expectEventformError(
        () => bus.addRule('R2', { eventPattern: ORDER_PATTERN, targets: [new SqsTarget(far)] }),
        'EVENTS_QUEUE_REGION',
        /queue must be in the same region/,
      );
    });

    test('FIFO target: group id required, 1-128 characters, content-based deduplication required', () => {
      const dedup = queue(stack, 'F', { fifo: true, contentBasedDeduplication: true });
      expectEventformError(() => new SqsTarget(dedup), 'EVENTS_FIFO_MESSAGE_GROUP_ID', /required for the FIFO queue/);
      expectEventformError(
        () => new SqsTarget(dedup, { messageGroupId: 'g'.repeat(129) }),
        'EVENTS_FIFO_MESSAGE_GROUP_ID',
        /1-128 characters/,
      );
      const noDedup = queue(stack, 'N', { fifo: true });
      expectEventformError(
        () => new SqsTarget(noDedup, { messageGroupId: 'orders' }),
        'EVENTS_FIFO_DEDUPLICATION',
        /contentBasedDeduplication: true/,
      );
    });

    test('message group id on a standard queue -> EVENTS_MESSAGE_GROUP_ID_STANDARD', () => {
      expectEventformError(
        () => new SqsTarget(queue(stack, 'Std'), { messageGroupId: 'x' }),
        'EVENTS_MESSAGE_GROUP_ID_STANDARD',
        /only for FIFO/,
      );
    });

    test('event bus target pointing at its own bus -> EVENTS_TARGET_SAME_BUS', () => {
      expectEventformError(
        () => bus.addRule('R', { eventPattern: ORDER_PATTERN, targets: [new EventBusTarget(bus)] }),
        'EVENTS_TARGET_SAME_BUS',
        /would loop/,
      );
    });

    test('input transformer: paths, keys, template length and unknown placeholders', () => {
      expectEventformError(
        () => TargetInput.transform({ id: 'detail.id' }, '<id>'),
        'EVENTS_INPUT_PATH',
        /starting with \$/,
      );
      expectEventformError(
        () => TargetInput.transform({ 'a b': '$.x' }, '<x>'),
        'EVENTS_INPUT_PATH_KEY',
        /letters, digits/,
      );
      expectEventformError(
        () => TargetInput.transform({ id: '$.id' }, '<id> <nope>'),
        'EVENTS_INPUT_TEMPLATE_PLACEHOLDER',
        /<nope>/,
      );
      expectEventformError(() => TargetInput.transform({}, 'x'.repeat(8193)), 'EVENTS_INPUT_TEMPLATE_LENGTH', /8192/);
      const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '$.x']));
      expectEventformError(
        () => TargetInput.transform(many, '<k0>'),
        'EVENTS_INPUT_PATHS_COUNT',
        /at most 100 entries; got 101/,
      );
      expectEventformError(() => TargetInput.fromEventPath('detail'), 'EVENTS_INPUT_PATH', /\$\.detail/);
    });

    test('an imported CMK on a DLQ cannot be granted: warning', () => {
      const key = kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:us-east-1:111111111111:key/abc');
      const dlq = new DeadLetterQueue(stack, 'D', { encryptionKey: key });
      bus.addRule('R', {
        eventPattern: ORDER_PATTERN,
        targets: [new StepFunctionsTarget(stateMachine(stack), { deadLetterQueue: dlq.queue })],
      });
      Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('KMS key of queue .* is imported'));
    });
  });
});
