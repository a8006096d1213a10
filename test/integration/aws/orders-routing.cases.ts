// Deploys the OrdersEventBus example's CloudFormation to a local moto_server and proves, by PutEvents and reading
// the SQS queues, that each rule with an SQS target routes the events its pattern matches, and only those.
// moto 5.2.1 cannot run Lambda or Step Functions targets (PutEvents fails with HTTP 500): a copy of the template
// is adapted for it (moto-template.ts); the real template is not changed. Registered by the example's test file,
// which starts moto_server while it synthesizes the template both use.
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { EventBridgeClient, ListArchivesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { matchEvent } from '../../../lib';
import type { MotoServer } from './moto-server';
import { forMoto } from './moto-template';

type OrderEvent = { source: string; 'detail-type': string; detail: Record<string, unknown> };
const order = (
  id: string,
  detailType: string,
  detail: Record<string, unknown>,
  source = 'order-service',
): OrderEvent => ({
  source,
  'detail-type': detailType,
  detail: { orderId: id, ...detail },
});

const EVENTS: OrderEvent[] = [
  order('o1-high-value', 'OrderPlaced', { amount: 1500, customerId: 'C-1', region: 'us-east-1' }),
  order('o2-vip', 'OrderPlaced', { amount: 50, customerId: 'VIP-9', region: 'us-west-2' }),
  order('o3-plain', 'OrderPlaced', { amount: 50, customerId: 'C-2', region: 'us-east-1' }),
  order('o4-other-region', 'OrderPlaced', { amount: 5000, customerId: 'VIP-1', region: 'eu-west-1' }),
  order('o5-shipped', 'OrderShipped', { amount: 5000, customerId: 'VIP-1', region: 'us-east-1' }),
  order(
    'o6-other-source',
    'OrderPlaced',
    { amount: 5000, customerId: 'VIP-1', region: 'us-east-1' },
    'billing-service',
  ),
];

/** What the cases need from the test file that registers them. */
export interface RoutingContext {
  /** The example's synthesized template. */
  template(): Record<string, unknown>;
  /** The moto_server started for this file. */
  moto(): Promise<MotoServer>;
}

/** Registers the deployment cases (call inside a describe that is skipped when moto_server is missing). */
export function orderRoutingCases(ctx: RoutingContext): void {
  let endpoint: string;
  let outputs: Record<string, string>;
  let template: Record<string, unknown>;
  const clients: Array<{ destroy(): void }> = [];
  const client = <T extends { destroy(): void }>(Client: new (config: object) => T): T => {
    const c = new Client({
      endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    process.env.AWS_MAX_ATTEMPTS = '1';
    // The project runs on Node 20 (facts.md); the SDK's notice about its 2027 Node 22 requirement is noise here.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const moto = await ctx.moto();
    endpoint = moto.endpoint;
    template = forMoto(ctx.template()).template;
    const cfn = client(CloudFormationClient);
    await cfn.send(new CreateStackCommand({ StackName: 'OrdersEventBus', TemplateBody: JSON.stringify(template) }));
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'OrdersEventBus' }))).Stacks?.[0];
    if (stack?.StackStatus !== 'CREATE_COMPLETE') {
      throw new Error(`stack ${stack?.StackStatus}: ${stack?.StackStatusReason}\n${moto.logTail()}`);
    }
    outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  }, 60_000);

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function drain(queueUrl: string): Promise<string[]> {
    const sqs = client(SQSClient);
    const ids: string[] = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (Messages.length === 0) return ids.sort();
      for (const m of Messages) {
        ids.push(String(JSON.parse(m.Body ?? '{}').detail?.orderId));
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
      }
    }
  }

  test('the stack deploys with the bus, the archive and every queue output', async () => {
    expect(outputs.EventBusName).toBe('orders-event-bus');
    expect(outputs.EventBusArn).toMatch(/:event-bus\/orders-event-bus$/);
    expect(Object.keys(outputs).filter((k) => k.endsWith('Url'))).toHaveLength(7);
    const archives = await client(EventBridgeClient).send(new ListArchivesCommand({}));
    expect(archives.Archives?.map((a) => a.ArchiveName)).toContain('orders-archive');
  });

  test('PutEvents: each SQS rule delivers exactly the events its pattern matches', async () => {
    const put = await client(EventBridgeClient).send(
      new PutEventsCommand({
        Entries: EVENTS.map((e) => ({
          EventBusName: outputs.EventBusName,
          Source: e.source,
          DetailType: e['detail-type'],
          Detail: JSON.stringify(e.detail),
        })),
      }),
    );
    expect(put.FailedEntryCount).toBe(0);

    const resources = template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const sqsRules = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Events::Rule' && (r.Properties.Targets as unknown[] | undefined)?.length,
    );
    expect(sqsRules.map((r) => r.Properties.Name).sort()).toEqual(['content-filtered-orders', 'order-processing']);
    const queueOutput: Record<string, string> = {
      'order-processing': 'OrderProcessingQueueUrl',
      'content-filtered-orders': 'ContentFilteredOrdersQueueUrl',
    };
    const received: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const rule of sqsRules) {
      const name = String(rule.Properties.Name);
      const pattern = rule.Properties.EventPattern as object;
      expected[name] = EVENTS.filter((e) => matchEvent(pattern, { ...e, account: '123456789012', region: 'us-east-1' }))
        .map((e) => String(e.detail.orderId))
        .sort();
      received[name] = await drain(outputs[queueOutput[name]]);
    }
    expect(received).toEqual(expected);
    // What the patterns mean, spelled out, so an agreeing but wrong matcher cannot pass the test.
    expect(received['order-processing']).toEqual([
      'o1-high-value',
      'o2-vip',
      'o3-plain',
      'o4-other-region',
      'o5-shipped',
    ]);
    expect(received['content-filtered-orders']).toEqual(['o1-high-value', 'o2-vip']);
    for (const dlq of ['HighValueOrdersDlqUrl', 'OrderTargetsDlqUrl']) expect(await drain(outputs[dlq])).toEqual([]);
  });
}
