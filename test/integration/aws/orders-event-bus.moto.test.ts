// Deploys the OrdersEventBus example's CloudFormation to a local moto_server and proves, by PutEvents and reading
// the SQS queues, that each rule with an SQS target routes the events its pattern matches, and only those.
// moto 5.2.1 cannot run Lambda or Step Functions targets (PutEvents fails with HTTP 500): a copy of the template
// is adapted for it (moto-template.ts); the real template is not changed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { EventBridgeClient, ListArchivesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { matchEvent } from '../../../lib';
import { buildOrdersApp } from '../../../stacks/aws/app';
import { forMoto } from './moto-template';

const haveMoto = spawnSync('moto_server', ['--help'], { encoding: 'utf8' }).status === 0;
if (!haveMoto) {
  if (process.env.CI === 'true') throw new Error('moto_server is required under CI=true but was not found');
  console.warn('\n\n!!! moto_server not found on PATH: SKIPPING the EventBridge deployment test !!!\n');
}
const describeMoto = haveMoto ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`moto_server did not answer at ${url} within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

type OrderEvent = { source: string; 'detail-type': string; detail: Record<string, unknown> };
const order = (
  orderId: string,
  detailType: string,
  detail: Record<string, unknown>,
  source = 'order-service',
): OrderEvent => ({
  source,
  'detail-type': detailType,
  detail: { orderId, ...detail },
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

describeMoto('OrdersEventBus on moto_server', () => {
  let moto: ChildProcess;
  let workdir: string;
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
  const phase = (name: string, since: number) => timings.push(`${name} ${Date.now() - since} ms`);
  const timings: string[] = [];

  beforeAll(async () => {
    process.env.AWS_MAX_ATTEMPTS = '1';
    workdir = mkdtempSync(join(tmpdir(), 'eventform-moto-'));
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    const log = createWriteStream(join(workdir, 'moto.log'));
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    moto.stdout?.pipe(log);
    moto.stderr?.pipe(log);
    // Synthesize while moto starts.
    let t0 = Date.now();
    const real = Template.fromStack(buildOrdersApp(new App(), { nag: false, bootstrapVersionRule: false })).toJSON();
    template = forMoto(real).template;
    phase('synth', t0);
    t0 = Date.now();
    await waitFor(`${endpoint}/moto-api/`, 20_000);
    phase('rest of moto start', t0);
    t0 = Date.now();
    const cfn = client(CloudFormationClient);
    await cfn.send(new CreateStackCommand({ StackName: 'OrdersEventBus', TemplateBody: JSON.stringify(template) }));
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'OrdersEventBus' }))).Stacks?.[0];
    if (stack?.StackStatus !== 'CREATE_COMPLETE') {
      throw new Error(
        `stack ${stack?.StackStatus}: ${stack?.StackStatusReason}\n${readFileSync(join(workdir, 'moto.log'), 'utf8').slice(-3000)}`,
      );
    }
    phase('create-stack', t0);
    outputs = Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  }, 60_000);

  afterAll(async () => {
    console.log(`moto test phases: ${timings.join(', ')}`);
    for (const c of clients) c.destroy();
    if (moto && moto.exitCode === null) {
      const exited = new Promise((resolve) => moto.once('exit', resolve));
      moto.kill('SIGTERM');
      await exited;
    }
    if (workdir) rmSync(workdir, { recursive: true, force: true });
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
    const archives = await client(EventBridgeClient).send(new ListArchivesCommand({}));
    expect(archives.Archives?.map((a) => a.ArchiveName)).toContain('orders-archive');
  });

  test('PutEvents: each SQS rule delivers exactly the events its pattern matches', async () => {
    const events = client(EventBridgeClient);
    const put = await events.send(
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
    const t0 = Date.now();

    const resources = template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const rules = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Events::Rule');
    const sqsRules = rules.filter(([, r]) => (r.Properties.Targets as unknown[] | undefined)?.length);
    expect(sqsRules.map(([, r]) => r.Properties.Name).sort()).toEqual(['content-filtered-orders', 'order-processing']);
    const queueOutput: Record<string, string> = {
      'order-processing': 'OrderProcessingQueueUrl',
      'content-filtered-orders': 'ContentFilteredOrdersQueueUrl',
    };
    const received: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const [, rule] of sqsRules) {
      const name = String(rule.Properties.Name);
      const pattern = rule.Properties.EventPattern as object;
      expected[name] = EVENTS.filter((e) => matchEvent(pattern, { ...e, account: '123456789012', region: 'us-east-1' }))
        .map((e) => String(e.detail.orderId))
        .sort();
      received[name] = await drain(outputs[queueOutput[name]]);
    }
    phase('drain', t0);
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
});
