import { Client } from 'pg';
import {
  assertConnectorConfigValid,
  connectorProvider,
  validateConnectorConfig,
  type ConnectorProviderInputs,
  type ConnectorProviderOutputs,
} from '../../../constructs/kafka';
import { EventformError } from '../../../lib';
import { SECRET_MARKER } from '../../../scripts/pulumi-capture';
import { consumeUntil } from './support/consume';
import { describeWithKafka, integrationEnvironment } from './support/env';
import { captureOrdersProgram } from './support/example-program';

const CONNECTOR_TYPE = 'pulumi-nodejs:dynamic/eventform:Connector';

/** A change event's row: JsonConverter wraps it in `{schema, payload}` when schemas are enabled. */
function row(value: string | null): Record<string, unknown> | null {
  if (value === null) return null;
  const parsed = JSON.parse(value) as Record<string, unknown>;
  return (parsed.payload as Record<string, unknown> | undefined) ?? parsed;
}

async function connectGet(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describeWithKafka('the Debezium PostgreSQL source through the connector dynamic provider and a real Connect', () => {
  const env = integrationEnvironment();
  const pg = new Client({ ...env.postgres });
  let inputs: ConnectorProviderInputs;
  let created: ConnectorProviderOutputs;
  const topic = 'orders-db.public.orders';

  beforeAll(async () => {
    await pg.connect();
    await pg.query(
      'CREATE TABLE orders (id serial PRIMARY KEY, customer_id text NOT NULL, amount numeric(10, 2) NOT NULL)',
    );
    await pg.query('CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL)');
    await pg.query("INSERT INTO orders (customer_id, amount) VALUES ('C-1', 10.50)");

    // The orders example's connector, as the program registers it, pointed at this machine's Connect and PostgreSQL.
    const captured = await captureOrdersProgram({
      connectUrl: env.connectUrl,
      ordersDbHost: env.postgres.host,
      ordersDbName: env.postgres.database,
      ordersDbUser: env.postgres.user,
    });
    const resource = captured.resources.find((r) => r.type === CONNECTOR_TYPE && r.name === 'orders-postgres-source');
    expect(resource).toBeDefined();
    const registered = resource!.inputs as unknown as ConnectorProviderInputs;
    // Pulumi keeps the password a secret; the engine hands the provider the decrypted value.
    expect(registered.secretConfig).toBe(SECRET_MARKER);
    expect(JSON.stringify(registered)).not.toContain(env.postgres.password);
    inputs = {
      ...registered,
      // The example uses the default port 5432; the test cluster listens on a free port.
      config: { ...registered.config, 'database.port': String(env.postgres.port) },
      secretConfig: { 'database.password': env.postgres.password },
    };
  });

  afterAll(async () => {
    await pg.end();
  });

  const endpoint = () => ({ url: env.connectUrl });
  const fullConfig = () => ({ ...inputs.config, ...inputs.secretConfig });

  it('the plugin validate endpoint surfaces a wrong value per field', async () => {
    const v = await validateConnectorConfig(endpoint(), 'orders-postgres-source', {
      ...fullConfig(),
      'plugin.name': 'wal2nothing',
    });
    expect(v.errors.find((e) => e.name === 'plugin.name')?.errors.join(' ')).toMatch(
      /must be one of decoderbufs, pgoutput/,
    );
    const e = await assertConnectorConfigValid(endpoint(), 'orders-postgres-source', {
      ...fullConfig(),
      'plugin.name': 'wal2nothing',
    }).catch((x: unknown) => x as EventformError);
    expect(e).toBeInstanceOf(EventformError);
    expect(e!.issues).toContainEqual({
      code: 'CONNECT_CONFIG_INVALID',
      path: 'config["plugin.name"]',
      message: expect.stringMatching(/plugin\.name.*must be one of decoderbufs, pgoutput/),
    });
  });

  // Kafka Connect counts a validate request without the connector's "name" as an error; the provider sends it.
  it('the example connector config passes the plugin validation done before create', async () => {
    await assertConnectorConfigValid(endpoint(), 'orders-postgres-source', fullConfig());
  });

  it('create: PUTs the config, and the connector and its task reach RUNNING', async () => {
    created = (await connectorProvider.create(inputs)).outs as ConnectorProviderOutputs;
    expect(created.connectorState).toBe('RUNNING');
    const status = await connectGet(`${env.connectUrl}/connectors/orders-postgres-source/status`);
    expect(status.body).toMatchObject({ connector: { state: 'RUNNING' }, tasks: [{ state: 'RUNNING' }] });
    const stored = await connectGet(`${env.connectUrl}/connectors/orders-postgres-source/config`);
    expect(stored.body).toMatchObject({ ...inputs.config, name: 'orders-postgres-source' });
  });

  it('rows inserted into PostgreSQL appear as change events on the Kafka topic', async () => {
    await pg.query("INSERT INTO orders (customer_id, amount) VALUES ('VIP-2', 2000.00), ('C-3', 99.99)");
    const records = await consumeUntil(env.bootstrapServers, topic, (r) => r.length >= 3, {
      timeoutMs: 60000,
      groupId: 'it-cdc-create',
    });
    // The snapshot row and the two inserts, unwrapped to the new row state by the example's unwrap transform.
    expect(records.map((r) => row(r.value)).map((v) => v && { id: v.id, customer_id: v.customer_id })).toEqual([
      { id: 1, customer_id: 'C-1' },
      { id: 2, customer_id: 'VIP-2' },
      { id: 3, customer_id: 'C-3' },
    ]);
  });

  it('update: changes the config in place (same connector, no replacement) and the change shows in new events', async () => {
    const news: ConnectorProviderInputs = {
      ...inputs,
      config: { ...inputs.config, 'decimal.handling.mode': 'string' },
    };
    const diff = await connectorProvider.diff('orders-postgres-source', created, news);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const updated = (await connectorProvider.update('orders-postgres-source', created, news))
      .outs as ConnectorProviderOutputs;
    expect(updated.connectorState).toBe('RUNNING');
    const stored = await connectGet(`${env.connectUrl}/connectors/orders-postgres-source/config`);
    expect(stored.body).toMatchObject({ 'decimal.handling.mode': 'string' });
    const connectors = await connectGet(`${env.connectUrl}/connectors`);
    expect(connectors.body).toEqual(['orders-postgres-source']);

    await pg.query("INSERT INTO orders (customer_id, amount) VALUES ('C-4', 1234.50)");
    const records = await consumeUntil(
      env.bootstrapServers,
      topic,
      (r) => r.some((x) => row(x.value)?.customer_id === 'C-4'),
      { timeoutMs: 60000, groupId: 'it-cdc-update' },
    );
    const after = records.map((r) => row(r.value)).find((v) => v?.customer_id === 'C-4');
    expect(after).toMatchObject({ id: 4, customer_id: 'C-4', amount: '1234.50' });
  });

  it('delete: removes the connector; deleting again is a no-op', async () => {
    await connectorProvider.delete('orders-postgres-source', created);
    expect((await connectGet(`${env.connectUrl}/connectors/orders-postgres-source`)).status).toBe(404);
    expect((await connectGet(`${env.connectUrl}/connectors`)).body).toEqual([]);
    await expect(connectorProvider.delete('orders-postgres-source', created)).resolves.toBeUndefined();
  });
});
