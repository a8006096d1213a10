// The OrdersEventBus example, synthesized once the way `cdk synth` does it: aws-cdk-lib's built-in CloudFormation
// validation on and strict (@aws-cdk/core:validateAgainstDefaultRules) and cdk-nag's AwsSolutions and Serverless
// packs as validation plugins (any finding makes app.synth() throw). The fine-grained assertions, the snapshot and
// the moto_server deployment (test/integration/aws, started while synth runs) all use the template synth wrote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { matchEvent } from '../../../lib';
import { haveMotoServer, startMotoServer, type MotoServer } from '../../integration/aws/moto-server';
import { orderRoutingCases } from '../../integration/aws/orders-routing.cases';
import { buildOrdersApp, crossAccountIdOf, DEFAULT_CROSS_ACCOUNT_ID } from '../../../stacks/aws/app';
import {
  CONTENT_FILTER_PATTERN,
  HIGH_VALUE_ORDERS_PATTERN,
  ORDER_PROCESSING_PATTERN,
} from '../../../stacks/aws/orders-patterns';

/** The template without anything that changes between runs or machines (asset hashes, versions, paths). */
export function normalized(template: unknown): unknown {
  return JSON.parse(
    JSON.stringify(template)
      .replace(/[0-9a-f]{64}/g, '<hash>')
      .replace(/"\/[^"]*\/(cdk\.out|tmp)[^"]*"/g, '"<path>"'),
  );
}

const busName = { Ref: Match.stringLikeRegexp('^OrdersEventBus') };
const ruleOf = (name: string) => ({ Name: name, EventBusName: busName, State: 'ENABLED' });

const withMoto = haveMotoServer();
let moto: Promise<MotoServer> | undefined;
let templateJson: Record<string, unknown>;

afterAll(async () => {
  await (await moto?.catch(() => undefined))?.stop();
});

describe('OrdersEventBus example stack', () => {
  let t: Template;
  let report: { pluginReports: Array<{ violations?: unknown[] }> };
  const packsRan: string[] = [];

  beforeAll(() => {
    moto = withMoto ? startMotoServer() : undefined;
    moto?.catch(() => undefined); // awaited (and reported) by the deployment cases
    const previous = { validation: process.env.CDK_VALIDATION, deprecated: process.env.JSII_DEPRECATED };
    process.env.CDK_VALIDATION = 'true';
    process.env.JSII_DEPRECATED = 'quiet';
    const outdir = mkdtempSync(join(tmpdir(), 'eventform-orders-'));
    for (const Pack of [AwsSolutionsChecks, ServerlessChecks]) {
      const original = Pack.prototype.validate;
      jest.spyOn(Pack.prototype, 'validate').mockImplementation(function (this: InstanceType<typeof Pack>, ctx) {
        packsRan.push(this.name);
        return original.call(this, ctx);
      });
    }
    try {
      const app = new App({
        outdir,
        context: { '@aws-cdk/core:validateAgainstDefaultRules': true, crossAccountId: '210987654321' },
      });
      const stack = buildOrdersApp(app);
      app.synth();
      report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
      templateJson = JSON.parse(readFileSync(join(outdir, stack.templateFile), 'utf8'));
      t = Template.fromJSON(templateJson);
    } finally {
      process.env.CDK_VALIDATION = previous.validation;
      process.env.JSII_DEPRECATED = previous.deprecated;
      jest.restoreAllMocks();
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('synth passes strict built-in validation and both cdk-nag packs with no findings', () => {
    expect(packsRan.sort()).toEqual(['AwsSolutions', 'Serverless']);
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  test('bus orders-event-bus', () => {
    t.resourceCountIs('AWS::Events::EventBus', 1);
    t.hasResourceProperties('AWS::Events::EventBus', { Name: 'orders-event-bus' });
  });

  test('high-value-orders -> Lambda ProcessHighValueOrder, retry 2, max age 1 h, SQS DLQ', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      ...ruleOf('high-value-orders'),
      EventPattern: {
        source: ['order-service'],
        'detail-type': ['OrderPlaced'],
        detail: { amount: [{ numeric: ['>', 1000] }] },
      },
      Targets: [
        {
          Id: 'Target0',
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ProcessHighValueOrder'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HighValueOrdersDlq'), 'Arn'] } },
        },
      ],
    });
    t.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'ProcessHighValueOrder', Runtime: 'nodejs24.x' });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/high-value-orders$')])] },
    });
  });

  test('order-processing -> SQS FIFO queue, message group orders', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      ...ruleOf('order-processing'),
      EventPattern: { source: ['order-service'] },
      Targets: [Match.objectLike({ SqsParameters: { MessageGroupId: 'orders' } })],
    });
    t.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'order-processing.fifo',
      FifoQueue: true,
      ContentBasedDeduplication: true,
    });
  });

  test('order-workflow -> Step Functions state machine through a role', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      ...ruleOf('order-workflow'),
      Targets: [
        Match.objectLike({
          Arn: { Ref: Match.stringLikeRegexp('^OrderWorkflow') },
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersEventBusOrderWorkflowTarget0Role'), 'Arn'] },
        }),
      ],
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'states:StartExecution',
            Resource: { Ref: Match.stringLikeRegexp('^OrderWorkflow') },
          },
        ],
      },
    });
  });

  test('content filter: $or (amount > 1000 | VIP- prefix) and a region list -> standard SQS queue', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      ...ruleOf('content-filtered-orders'),
      EventPattern: {
        source: ['order-service'],
        'detail-type': ['OrderPlaced'],
        detail: {
          $or: [{ amount: [{ numeric: ['>', 1000] }] }, { customerId: [{ prefix: 'VIP-' }] }],
          region: ['us-east-1', 'us-west-2'],
        },
      },
    });
    t.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'content-filtered-orders', FifoQueue: Match.absent() });
  });

  test('the patterns mean what the seed says (core matcher)', () => {
    const order = (detail: object) => ({ source: 'order-service', 'detail-type': 'OrderPlaced', detail });
    expect(matchEvent(HIGH_VALUE_ORDERS_PATTERN, order({ amount: 1500 }))).toBe(true);
    expect(matchEvent(HIGH_VALUE_ORDERS_PATTERN, order({ amount: 1000 }))).toBe(false);
    expect(matchEvent(CONTENT_FILTER_PATTERN, order({ customerId: 'VIP-7', amount: 5, region: 'us-west-2' }))).toBe(
      true,
    );
    expect(matchEvent(CONTENT_FILTER_PATTERN, order({ customerId: 'VIP-7', amount: 5, region: 'eu-west-1' }))).toBe(
      false,
    );
    expect(matchEvent(ORDER_PROCESSING_PATTERN, { source: 'billing', 'detail-type': 'X', detail: {} })).toBe(false);
  });

  test('archive orders-archive: source order-service, 30 days, retained', () => {
    t.hasResource('AWS::Events::Archive', {
      Properties: { ArchiveName: 'orders-archive', RetentionDays: 30, EventPattern: { source: ['order-service'] } },
      DeletionPolicy: 'Retain',
    });
  });

  test('schema registry order-schemas with the OpenAPI 3 schema OrderPlaced', () => {
    t.hasResourceProperties('AWS::EventSchemas::Registry', { RegistryName: 'order-schemas' });
    const schema = Object.values(t.findResources('AWS::EventSchemas::Schema'))[0].Properties;
    expect(schema).toMatchObject({ SchemaName: 'OrderPlaced', Type: 'OpenApi3' });
    const content = JSON.parse(schema.Content);
    expect(content.openapi).toBe('3.0.0');
    expect(content.components.schemas.OrderPlaced.required).toEqual(
      expect.arrayContaining(['orderId', 'customerId', 'amount']),
    );
  });

  test('bus policy: the account from context crossAccountId may put events', () => {
    t.hasResourceProperties('AWS::Events::EventBusPolicy', {
      StatementId: 'AllowCrossAccountPutEvents',
      Statement: { Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'events:PutEvents' },
    });
    expect(crossAccountIdOf(new App())).toBe(DEFAULT_CROSS_ACCOUNT_ID);
    expect(crossAccountIdOf(new App({ context: { crossAccountId: '111122223333' } }))).toBe('111122223333');
  });

  test('one shared DLQ statement for three rules; every queue encrypted, TLS-only and retained', () => {
    const queues = t.findResources('AWS::SQS::Queue');
    for (const q of Object.values(queues)) {
      expect(q.DeletionPolicy).toBe('Retain');
      expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    }
    const policies = Object.values(t.findResources('AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(Object.keys(queues).length);
    for (const p of policies) {
      const statements = p.Properties.PolicyDocument.Statement;
      expect(statements.some((s: { Effect: string }) => s.Effect === 'Deny')).toBe(true);
      expect(statements.filter((s: { Effect: string }) => s.Effect === 'Allow').length).toBeLessThanOrEqual(1);
    }
  });

  test('alarms on DLQ depth, failed invocations and throttling', () => {
    // 5 failure queues (2 target DLQs, the async-failure queue, 2 consumer redrive queues) + 2 per rule.
    t.resourceCountIs('AWS::CloudWatch::Alarm', 5 + 4 * 2);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
    for (const metric of ['FailedInvocations', 'ThrottledRules']) {
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Events',
        MetricName: metric,
        Dimensions: Match.arrayWith([{ Name: 'RuleName', Value: 'high-value-orders' }]),
      });
    }
  });

  test('outputs: bus name and ARN, one URL per SQS queue', () => {
    const outputs = Object.keys(t.toJSON().Outputs);
    expect(outputs).toEqual(expect.arrayContaining(['EventBusName', 'EventBusArn']));
    const queueCount = Object.values(t.findResources('AWS::SQS::Queue')).length;
    expect(outputs.filter((o) => o.endsWith('Url'))).toHaveLength(queueCount);
  });

  test('snapshot (normalized)', () => {
    expect(normalized(t.toJSON())).toMatchSnapshot();
  });
});

(withMoto ? describe : describe.skip)('OrdersEventBus deployed to moto_server', () => {
  orderRoutingCases({ template: () => templateJson, moto: () => moto as Promise<MotoServer> });
});
