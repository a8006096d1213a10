import * as pulumi from '@pulumi/pulumi';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { connectorProvider, partitionGuardProvider, schemaSubjectProvider } from '../../../constructs/kafka';
import { FakeRestServer } from './fake-rest-server';

/**
 * `pulumi up` runs dynamic providers from the code Pulumi's closure serializer writes into state. This serializes
 * each eventform provider for real, loads the text the way the dynamic-provider host does, and runs it.
 */
async function load<T>(provider: T): Promise<{ provider: T; text: string }> {
  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  const module = { exports: {} as { handler: () => T } };
  const nodeRequire = createRequire(resolve(__dirname, '../../../package.json'));
  new Function('exports', 'require', 'module', sf.text)(module.exports, nodeRequire, module);
  return { provider: module.exports.handler(), text: sf.text };
}

const server = new FakeRestServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

describe('serialized dynamic providers', () => {
  it('partition guard: still refuses a partition decrease', async () => {
    const { provider } = await load(partitionGuardProvider);
    const r = await provider.check!({ topicName: 'orders', partitions: 6 }, { topicName: 'orders', partitions: 3 });
    expect(r.failures![0].reason).toMatch(/^\[KAFKA_TOPIC_PARTITIONS_DECREASE\]/);
  });

  it('connector: creates through the REST API; no secret baked into the code', async () => {
    const { provider, text } = await load(connectorProvider);
    expect(text).toContain('require("http")');
    server.reset([
      { method: 'PUT', path: '/connectors/c/config', status: 409, times: 1 },
      { method: 'PUT', path: '/connectors/c/config', status: 201, body: {} },
    ]);
    const r = await provider.create({
      connectUrl: server.url,
      connectorName: 'c',
      config: { 'connector.class': 'x.Y' },
      secretConfig: { 'database.password': 'pw-in-state-only' },
      validate: false,
      runningTimeoutSeconds: 0,
      rebalanceRetries: 2,
      rebalanceRetryDelayMs: 5,
    });
    expect(r.id).toBe('c');
    expect(server.calls()).toEqual(['PUT /connectors/c/config', 'PUT /connectors/c/config']);
    expect(text).not.toContain('pw-in-state-only');
  });

  it('schema subject: the local compatibility check runs from the serialized code', async () => {
    const { provider } = await load(schemaSubjectProvider);
    const v1 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] });
    const v2 = JSON.stringify({
      type: 'record',
      name: 'Order',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'currency', type: 'string' },
      ],
    });
    const olds = { registryUrl: server.url, subject: 'orders-value', schemaType: 'AVRO', schema: v1 };
    const news = { ...olds, schema: v2, compatibility: 'BACKWARD' };
    await expect(provider.diff('orders-value', olds as never, news as never)).rejects.toMatchObject({
      code: 'REGISTRY_INCOMPATIBLE_SCHEMA',
    });
  });
});
