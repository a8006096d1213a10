/**
 * The orders-pubsub example against the Pub/Sub emulator: every schema, topic and subscription is created from the
 * synthesized Terraform JSON through the REST API, then delivery behaviour is checked.
 *
 * Emulator adjustments (facts.md), each applied to a copy and named here:
 * - the push endpoint is rewritten to a local http://127.0.0.1 server (the example's is an https URL on the internet);
 * - dead-lettering is proven on an extra subscription with order-processor's settings minus ordering, because the
 *   emulator never dead-letters from an ordered subscription (the real service does), and without the retry policy,
 *   because the emulator honours the 10-600 s exponential backoff (five attempts would take over two minutes; even
 *   a 0 s policy spaces them about 2 s apart, while no policy redelivers at once).
 */
import * as http from 'node:http';
import { type CreateRequest, pubsubCreateRequests } from './terraform-to-rest';
import { emulatorCommand, type PubsubEmulator, startPubsubEmulator } from './emulator';

const available = emulatorCommand(0) !== undefined;
if (!available) {
  console.warn(
    '\n*** SKIPPED: the Google Cloud Pub/Sub emulator is not installed (package google-cloud-cli-pubsub-emulator, ' +
      'java). test/integration/gcp did NOT run. ***\n',
  );
}
const suite = available ? describe : describe.skip;

type Received = { ackId: string; message: { data: string; attributes?: Record<string, string>; orderingKey?: string } };

suite('orders-pubsub on the Pub/Sub emulator', () => {
  let emulator: PubsubEmulator | undefined;
  let pushServer: http.Server;
  const pushed: Array<{ subscription: string; message: Received['message'] }> = [];
  let tf: Record<string, any>;
  let requests: CreateRequest[];
  let project: string;
  const run = `run${Date.now()}`;

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${emulator!.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : {} };
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await call(method, path, body);
    if (r.status !== 200) throw new TypeError(`${method} ${path} -> ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const order = (orderId: string, customerId: string) => ({
    orderId,
    customerId,
    amount: 99.5,
    orderTime: 1764320000000,
    items: [{ productId: 'p-1', quantity: 2, price: 49.75 }],
  });
  const publish = (
    topic: string,
    messages: Array<{ data: unknown; attributes?: Record<string, string>; orderingKey?: string }>,
  ) =>
    ok('POST', `/v1/projects/${project}/topics/${topic}:publish`, {
      messages: messages.map((m) => ({
        data: Buffer.from(JSON.stringify(m.data)).toString('base64'),
        attributes: { run, ...m.attributes },
        orderingKey: m.orderingKey,
      })),
    });
  const pull = async (sub: string): Promise<Received[]> =>
    ((
      await ok('POST', `/v1/projects/${project}/subscriptions/${sub}:pull`, {
        maxMessages: 50,
        returnImmediately: true,
      })
    ).receivedMessages ?? []) as Received[];
  const ack = (sub: string, ids: string[]) =>
    ids.length ? ok('POST', `/v1/projects/${project}/subscriptions/${sub}:acknowledge`, { ackIds: ids }) : undefined;
  const nack = (sub: string, ids: string[]) =>
    ok('POST', `/v1/projects/${project}/subscriptions/${sub}:modifyAckDeadline`, {
      ackIds: ids,
      ackDeadlineSeconds: 0,
    });
  const decode = (m: Received['message']) => JSON.parse(Buffer.from(m.data, 'base64').toString('utf8'));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const until = async <T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new TypeError(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };

  beforeAll(async () => {
    const started = startPubsubEmulator();
    pushServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const envelope = JSON.parse(body);
        pushed.push({ subscription: envelope.subscription, message: envelope.message });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => pushServer.listen(0, '127.0.0.1', () => r()));
    const pushPort = (pushServer.address() as { port: number }).port;

    // cdktf and the example load while the emulator starts
    const { Testing } = require('cdktf') as typeof import('cdktf');
    const { OrdersPubsubStack } =
      require('../../../stacks/gcp/orders-pubsub-stack') as typeof import('../../../stacks/gcp/orders-pubsub-stack');
    const stack = new OrdersPubsubStack(Testing.app(), 'orders-pubsub', {
      projectId: 'eventform-demo',
      projectNumber: '000000000000',
      region: 'europe-west1',
      pushEndpoint: 'https://orders.example.com/pubsub/push',
    });
    tf = JSON.parse(Testing.synth(stack, true));
    requests = pubsubCreateRequests(tf);
    project = tf.variable.project_id.default;

    emulator = await started;
    if (!emulator) throw new TypeError('the emulator is installed but did not start');
    for (const req of requests) {
      const body = { ...req.body };
      if (req.name === 'order-notifier') {
        body.pushConfig = { ...body.pushConfig, pushEndpoint: `http://127.0.0.1:${pushPort}/pubsub/push` };
      }
      await ok(req.method, req.path, body);
    }
    // order-processor's settings without ordering and retry policy (see the file comment)
    const processor = requests.find((r) => r.name === 'order-processor')!;
    const { enableMessageOrdering: _ordering, retryPolicy: _retry, ...unordered } = processor.body;
    await ok('PUT', `/v1/projects/${project}/subscriptions/order-processor-unordered`, unordered);
  }, 90_000);

  afterAll(async () => {
    await emulator?.stop();
    await new Promise((r) => pushServer?.close(r));
  });

  test('every schema, topic and subscription of the Terraform JSON exists with its settings', async () => {
    expect(requests.map((r) => `${r.kind}:${r.name}`).sort()).toEqual([
      'schema:order-schema',
      'subscription:order-ledger',
      'subscription:order-notifier',
      'subscription:order-processor',
      'subscription:orders-dead-letter-sub',
      'subscription:orders-to-bigquery',
      'topic:orders',
      'topic:orders-dead-letter',
    ]);
    const topic = await ok('GET', `/v1/projects/${project}/topics/orders`);
    expect(topic).toMatchObject({
      messageRetentionDuration: '604800s',
      schemaSettings: { schema: `projects/${project}/schemas/order-schema`, encoding: 'JSON' },
    });
    const processor = await ok('GET', `/v1/projects/${project}/subscriptions/order-processor`);
    expect(processor).toMatchObject({
      topic: `projects/${project}/topics/orders`,
      ackDeadlineSeconds: 60,
      enableMessageOrdering: true,
      retryPolicy: { minimumBackoff: '10s', maximumBackoff: '600s' },
      deadLetterPolicy: { deadLetterTopic: `projects/${project}/topics/orders-dead-letter`, maxDeliveryAttempts: 5 },
    });
    const ledger = await ok('GET', `/v1/projects/${project}/subscriptions/order-ledger`);
    expect(ledger.enableExactlyOnceDelivery).toBe(true);
  });

  test('the topic schema rejects an invalid message and accepts a valid one', async () => {
    const bad = await call('POST', `/v1/projects/${project}/topics/orders:publish`, {
      messages: [{ data: Buffer.from(JSON.stringify({ orderId: 42 })).toString('base64') }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.status).toBe('INVALID_ARGUMENT');
    const good = await publish('orders', [{ data: order('o-valid', 'c-0'), attributes: { case: 'schema' } }]);
    expect(good.messageIds).toHaveLength(1);
  });

  test('order-processor delivers messages in publish order per ordering key', async () => {
    const keys = ['cust_123', 'cust_456'];
    const messages = [1, 2, 3, 4, 5].flatMap((n) =>
      keys.map((k) => ({ data: order(`${k}-${n}`, k), attributes: { case: 'ordering' }, orderingKey: k })),
    );
    await publish('orders', messages);
    const seen: Record<string, string[]> = { cust_123: [], cust_456: [] };
    await until('10 ordered messages', async () => {
      const got = await pull('order-processor');
      for (const m of got) {
        if (m.message.attributes?.run === run && m.message.attributes.case === 'ordering') {
          seen[m.message.orderingKey!].push(decode(m.message).orderId);
        }
      }
      await ack(
        'order-processor',
        got.map((m) => m.ackId),
      );
      return seen.cust_123.length + seen.cust_456.length >= 10 ? true : undefined;
    });
    for (const k of keys) expect(seen[k]).toEqual([1, 2, 3, 4, 5].map((n) => `${k}-${n}`));
  });

  test('after 5 failed deliveries a message is forwarded to orders-dead-letter and kept by its subscription', async () => {
    await publish('orders', [{ data: order('o-poison', 'c-9'), attributes: { case: 'dead-letter' } }]);
    let attempts = 0;
    const isPoison = (m: Received) => m.message.attributes?.run === run && m.message.attributes.case === 'dead-letter';
    const deadLetter = await until(
      'the dead letter',
      async () => {
        const got = await pull('order-processor-unordered');
        const poison = got.filter(isPoison);
        attempts += poison.length;
        if (poison.length)
          await nack(
            'order-processor-unordered',
            poison.map((m) => m.ackId),
          );
        await ack(
          'order-processor-unordered',
          got.filter((m) => !isPoison(m)).map((m) => m.ackId),
        );
        const dead = (await pull('orders-dead-letter-sub')).find(isPoison);
        if (dead) await ack('orders-dead-letter-sub', [dead.ackId]);
        return dead;
      },
      30_000,
    );
    expect(attempts).toBe(5);
    expect(decode(deadLetter.message).orderId).toBe('o-poison');
    expect(deadLetter.message.attributes).toMatchObject({
      CloudPubSubDeadLetterSourceSubscription: 'order-processor-unordered',
      CloudPubSubDeadLetterSourceDeliveryCount: '5',
    });
  });

  test('order-notifier pushes to the endpoint with the JSON envelope', async () => {
    await publish('orders', [{ data: order('o-push', 'c-1'), attributes: { case: 'push' } }]);
    const delivery = await until('the push', async () =>
      pushed.find((p) => p.message.attributes?.run === run && p.message.attributes.case === 'push'),
    );
    expect(delivery.subscription).toBe(`projects/${project}/subscriptions/order-notifier`);
    expect(decode(delivery.message)).toEqual(order('o-push', 'c-1'));
  });
});
