import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { DeadLetterQueue, EventBus, PutEventsPrincipal } from '../../../constructs/aws';
import { ENV, fixture, queue, splitApp, template } from './fixtures';
import { expectEventformError } from './helpers';

const busArn = { 'Fn::Join': ['', Match.arrayWith([':events:us-east-1:111111111111:event-bus/orders-event-bus'])] };

/** A key policy with an EventBridge Decrypt/GenerateDataKey statement under `condition`. */
const keyPolicyLettingEventBridge = (condition: object) => ({
  KeyPolicy: {
    Statement: Match.arrayWith([
      Match.objectLike({
        Principal: { Service: 'events.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Condition: condition,
      }),
    ]),
  },
});

describe('EventBus', () => {
  let minimal: Template;
  let full: Template;
  beforeAll(() => {
    minimal = template('minimal');
    full = template('full');
  });

  test('defaults: a named custom bus, AWS owned key, no DLQ, no logging, no policy', () => {
    minimal.resourceCountIs('AWS::Events::EventBus', 1);
    minimal.hasResourceProperties('AWS::Events::EventBus', {
      Name: Match.stringLikeRegexp('^Minimal-Bus'),
      KmsKeyIdentifier: Match.absent(),
      DeadLetterConfig: Match.absent(),
      LogConfig: Match.absent(),
    });
    minimal.resourceCountIs('AWS::Events::EventBusPolicy', 0);
  });

  test('customer-managed key: bus uses it, key policy lets EventBridge use it for this bus only', () => {
    full.hasResourceProperties('AWS::Events::EventBus', {
      Name: 'orders-event-bus',
      Description: 'orders',
      KmsKeyIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BusKey'), 'Arn'] },
    });
    full.hasResourceProperties(
      'AWS::KMS::Key',
      keyPolicyLettingEventBridge({
        StringEquals: { 'aws:SourceArn': busArn, 'kms:EncryptionContext:aws:events:event-bus:arn': busArn },
      }),
    );
    full.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'kms:DescribeKey',
            Condition: { StringEquals: { 'aws:SourceArn': busArn } },
          }),
        ]),
      },
    });
  });

  test('bus DLQ: standard, retained, encrypted with its CMK, policy and key grant conditioned on the bus ARN', () => {
    full.hasResourceProperties('AWS::Events::EventBus', {
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BusDlqQueue'), 'Arn'] } },
    });
    full.hasResource('AWS::SQS::Queue', {
      Properties: { QueueName: 'bus-dlq', KmsMasterKeyId: Match.anyValue(), MessageRetentionPeriod: 1209600 },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    full.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Condition: {
              ArnEquals: { 'aws:SourceArn': busArn },
              StringEquals: { 'aws:SourceAccount': '111111111111' },
            },
          }),
        ]),
      },
    });
    full.hasResourceProperties(
      'AWS::KMS::Key',
      keyPolicyLettingEventBridge(Match.objectLike({ ArnEquals: { 'aws:SourceArn': busArn } })),
    );
  });

  test('logging: level and detail on the bus, delivered to the log group', () => {
    full.hasResourceProperties('AWS::Events::EventBus', { LogConfig: { Level: 'INFO', IncludeDetail: 'FULL' } });
    full.hasResourceProperties('AWS::Logs::DeliverySource', {
      LogType: 'INFO_LOGS',
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
    });
    full.hasResourceProperties('AWS::Logs::DeliveryDestination', {
      DestinationResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BusLogs'), 'Arn'] },
    });
    full.resourceCountIs('AWS::Logs::Delivery', 1);
  });

  test('cross-account: named accounts, or an organization with a condition; never * alone', () => {
    full.hasResourceProperties('AWS::Events::EventBusPolicy', {
      StatementId: 'AllowAccounts1',
      Statement: {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Principal: { AWS: ['arn:aws:iam::222222222222:root', 'arn:aws:iam::333333333333:root'] },
        Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
      },
    });
    full.hasResourceProperties('AWS::Events::EventBusPolicy', {
      StatementId: 'AllowOrg',
      Statement: { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdef1234' } } },
    });
    for (const policy of Object.values(full.findResources('AWS::Events::EventBusPolicy'))) {
      const statement = policy.Properties.Statement;
      if (statement.Principal === '*') expect(statement.Condition).toBeDefined();
    }
  });

  test('grantPutEvents: events:PutEvents on this bus only', () => {
    full.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'events:PutEvents',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
          },
        ],
      },
    });
  });

  test('import by name and by ARN; rules on an imported bus; imported queue gets a warning, not a policy', () => {
    const stack = fixture('imported');
    const t = template('imported');
    t.hasResourceProperties('AWS::Events::Rule', { EventBusName: 'existing-bus' });
    t.resourceCountIs('AWS::SQS::QueuePolicy', 0);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('existing-queue is imported'));
    const s = new Stack(new App(), 'S', { env: ENV });
    const byArn = EventBus.fromEventBusArn(s, 'X', 'arn:aws:events:eu-west-1:444444444444:event-bus/central');
    expect(byArn.eventBusName).toBe('central');
    expect(byArn.env.account).toBe('444444444444');
    expect(byArn.isDefaultBus).toBe(false);
    expect(EventBus.defaultBus(s).isDefaultBus).toBe(true);
    expect(EventBus.defaultBus(s)).toBe(EventBus.defaultBus(s));
  });

  test('a bus whose rules live in another stack: no cyclic reference, rules stack depends on bus stack', () => {
    const { app, busStack, rulesStack } = splitApp();
    const assembly = app.synth();
    expect(assembly.getStackByName(rulesStack.stackName).dependencies.map((d) => d.id)).toContain(busStack.artifactId);
    expect(assembly.getStackByName(busStack.stackName).dependencies.map((d) => d.id)).not.toContain(
      rulesStack.artifactId,
    );
    const bus = Template.fromStack(busStack);
    const rules = Template.fromStack(rulesStack);
    rules.resourceCountIs('AWS::Events::Rule', 3);
    rules.resourceCountIs('AWS::Lambda::Permission', 3);
    // One statement per queue and bus, scoped to every rule of the bus by pattern: nothing refers back to RulesStack.
    expect(JSON.stringify(bus.toJSON())).not.toContain('RulesStack');
    const policies = Object.values(bus.findResources('AWS::SQS::QueuePolicy'));
    for (const p of policies) {
      expect(
        p.Properties.PolicyDocument.Statement.filter((s: { Effect: string }) => s.Effect === 'Allow'),
      ).toHaveLength(1);
    }
  });

  describe('limits', () => {
    const stack = () => new Stack(new App(), 'S', { env: ENV });

    test.each([
      ['too long', 'x'.repeat(257)],
      ['bad characters', 'orders bus'],
    ])('bus name %s -> EVENTS_BUS_NAME', (_, name) => {
      expectEventformError(
        () => new EventBus(stack(), 'B', { eventBusName: name }),
        'EVENTS_BUS_NAME',
        /eventBusName must be/,
      );
    });

    test('the name default -> EVENTS_BUS_NAME', () => {
      expectEventformError(
        () => new EventBus(stack(), 'B', { eventBusName: 'default' }),
        'EVENTS_BUS_NAME',
        /EventBus.defaultBus/,
      );
    });

    test('description over 512 characters -> EVENTS_DESCRIPTION', () => {
      expectEventformError(
        () => new EventBus(stack(), 'B', { description: 'd'.repeat(513) }),
        'EVENTS_DESCRIPTION',
        /0-512 characters/,
      );
    });

    test('bus DLQ encrypted with alias/aws/sqs -> EVENTS_SQS_AWS_MANAGED_KEY', () => {
      const s = stack();
      const q = new sqs.Queue(s, 'Q', { encryption: sqs.QueueEncryption.KMS_MANAGED });
      expectEventformError(
        () => new EventBus(s, 'B', { deadLetterQueue: q }),
        'EVENTS_SQS_AWS_MANAGED_KEY',
        /alias\/aws\/sqs/,
      );
    });

    test('FIFO bus DLQ -> EVENTS_DLQ_FIFO', () => {
      const s = stack();
      const q = queue(s, 'Q', { fifo: true });
      expectEventformError(
        () => new EventBus(s, 'B', { deadLetterQueue: q }),
        'EVENTS_DLQ_FIFO',
        /must be a standard SQS queue/,
      );
    });

    test('bus DLQ in another region -> EVENTS_QUEUE_REGION', () => {
      const s = stack();
      const q = sqs.Queue.fromQueueArn(s, 'Q', 'arn:aws:sqs:eu-west-1:111111111111:far');
      expectEventformError(
        () => new EventBus(s, 'B', { deadLetterQueue: q }),
        'EVENTS_QUEUE_REGION',
        /same region.*us-east-1.*eu-west-1/,
      );
    });

    test('log group without a log level -> EVENTS_LOG_LEVEL', () => {
      const s = stack();
      expectEventformError(
        () => new EventBus(s, 'B', { logGroup: new logs.LogGroup(s, 'L'), logLevel: events.Level.OFF }),
        'EVENTS_LOG_LEVEL',
        /set logLevel to ERROR, INFO or TRACE/,
      );
    });

    test('several problems are reported together', () => {
      const err = expectEventformError(
        () => new EventBus(stack(), 'B', { eventBusName: 'a b', description: 'd'.repeat(600) }),
        'EVENTS_BUS_NAME',
        /eventBusName/,
      );
      expect(err.issues.map((i) => i.code).sort()).toEqual(['EVENTS_BUS_NAME', 'EVENTS_DESCRIPTION']);
      expect(err.path).toBe('S/B');
    });

    test('account ids must be 12 digits -> EVENTS_ACCOUNT_ID; organization ids o-... -> EVENTS_ORGANIZATION_ID', () => {
      expectEventformError(() => PutEventsPrincipal.accounts('1234'), 'EVENTS_ACCOUNT_ID', /12-digit/);
      expectEventformError(() => PutEventsPrincipal.accounts(), 'EVENTS_ACCOUNT_ID', /12-digit/);
      expectEventformError(() => PutEventsPrincipal.organization('*'), 'EVENTS_ORGANIZATION_ID', /o-a1b2c3d4e5/);
    });

    test('bus policy statement id -> EVENTS_POLICY_STATEMENT_ID', () => {
      const bus = new EventBus(stack(), 'B');
      expectEventformError(
        () => bus.allowPutEventsFrom(PutEventsPrincipal.accounts('123456789012'), 'has space'),
        'EVENTS_POLICY_STATEMENT_ID',
        /statementId must be/,
      );
    });

    test('DeadLetterQueue retention and name -> EVENTS_DLQ_RETENTION, EVENTS_DLQ_NAME', () => {
      const s = stack();
      expectEventformError(
        () => new DeadLetterQueue(s, 'D', { retentionPeriod: { toSeconds: () => 30 } as never }),
        'EVENTS_DLQ_RETENTION',
        /between 60 s and 1209600 s/,
      );
      expectEventformError(
        () => new DeadLetterQueue(s, 'E', { queueName: 'x.fifo' }),
        'EVENTS_DLQ_NAME',
        /cannot be FIFO/,
      );
    });
  });

  test('DeadLetterQueue defaults: SSE-SQS, TLS only, 14 days, retained', () => {
    minimal.hasResource('AWS::SQS::Queue', {
      Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 },
      DeletionPolicy: 'Retain',
    });
    minimal.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*' })]) },
    });
  });

  test('grantPutEvents on an imported bus targets its ARN', () => {
    const s = new Stack(new App(), 'S', { env: ENV });
    const role = new iam.Role(s, 'R', { assumedBy: new iam.AccountRootPrincipal() });
    EventBus.fromEventBusName(s, 'B', 'other').grantPutEvents(role);
    Template.fromStack(s).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'events:PutEvents', Resource: Match.anyValue() })] },
    });
  });
});
