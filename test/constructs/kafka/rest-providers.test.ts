import * as pulumi from '@pulumi/pulumi';
import {
  bigQuerySink,
  Connector,
  connectorProvider,
  debeziumPostgresSource,
  getConnectorConfig,
  SchemaSubject,
  schemaSubjectProvider,
  type ConnectorProviderInputs,
  type ConnectorProviderOutputs,
  type SchemaSubjectProviderInputs,
} from '../../../constructs/kafka';
import { EventSchema } from '../../../lib/schema';
import { capture, stubDynamicProviderSerialization, thrown } from './capture-helpers';
import { FakeRestServer } from './fake-rest-server';

// The two REST-backed dynamic providers (Kafka Connect, Schema Registry), each against its own local server on
// 127.0.0.1 that records every request; one suite so @pulumi/pulumi loads once.
stubDynamicProviderSerialization();

describe('Kafka Connect connectors', () => {
  const SECRET = 'pg-password-9d2c';
  const server = new FakeRestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const CLASS = 'io.debezium.connector.postgresql.PostgresConnector';
  const VALIDATE = `/connector-plugins/${CLASS}/config/validate`;
  const ok = { method: 'PUT', path: VALIDATE, status: 200, body: { name: CLASS, error_count: 0, configs: [] } };
  const running = {
    method: 'GET',
    path: '/connectors/orders-source/status',
    status: 200,
    body: { name: 'orders-source', connector: { state: 'RUNNING' }, tasks: [{ id: 0, state: 'RUNNING' }] },
  };

  function inputs(over: Partial<ConnectorProviderInputs> = {}): ConnectorProviderInputs {
    return {
      connectUrl: server.url,
      connectorName: 'orders-source',
      config: { 'connector.class': CLASS, 'database.hostname': 'db', 'topic.prefix': 'orders' },
      secretConfig: { 'database.password': SECRET },
      validate: true,
      runningTimeoutSeconds: 5,
      rebalanceRetries: 3,
      rebalanceRetryDelayMs: 10,
      ...over,
    };
  }

  function noSecretOutsideBodies(): void {
    for (const r of server.requests) {
      expect(r.path).not.toContain(SECRET);
      expect(JSON.stringify(r.headers)).not.toContain(SECRET);
    }
  }

  describe('connector provider against a local Connect REST server', () => {
    it('create: validates, PUTs the config (secret merged), waits for RUNNING', async () => {
      server.reset([ok, { method: 'PUT', path: '/connectors/orders-source/config', status: 201, body: {} }, running]);
      const result = await connectorProvider.create(inputs());
      expect(server.calls()).toEqual([
        `PUT ${VALIDATE}`,
        'PUT /connectors/orders-source/config',
        'GET /connectors/orders-source/status',
      ]);
      expect(JSON.parse(server.requests[1].body)).toEqual({
        'connector.class': CLASS,
        'database.hostname': 'db',
        'topic.prefix': 'orders',
        'database.password': SECRET,
        name: 'orders-source',
      });
      expect(result.id).toBe('orders-source');
      expect(result.outs.connectorState).toBe('RUNNING');
      // The secret stays only under secretConfig, which the resource marks as a secret output.
      const { secretConfig, ...rest } = result.outs as ConnectorProviderOutputs;
      expect(secretConfig).toEqual({ 'database.password': SECRET });
      expect(JSON.stringify(rest)).not.toContain(SECRET);
      noSecretOutsideBodies();
    });

    it('update: PUT answers 200, no wait when runningTimeoutSeconds is 0', async () => {
      server.reset([ok, { method: 'PUT', path: '/connectors/orders-source/config', status: 200, body: {} }]);
      const result = await connectorProvider.update('orders-source', {} as never, inputs({ runningTimeoutSeconds: 0 }));
      expect(server.calls()).toEqual([`PUT ${VALIDATE}`, 'PUT /connectors/orders-source/config']);
      expect(result.outs!.connectorState).toBe('SUBMITTED');
      // Kafka Connect counts a validate request without the connector's name as an error.
      expect(JSON.parse(server.requests[0].body)).toMatchObject({ name: 'orders-source', 'connector.class': CLASS });
    });

    it('retries while Connect rebalances (409)', async () => {
      server.reset([
        ok,
        {
          method: 'PUT',
          path: '/connectors/orders-source/config',
          status: 409,
          times: 2,
          body: { message: 'rebalance in progress' },
        },
        { method: 'PUT', path: '/connectors/orders-source/config', status: 201, body: {} },
      ]);
      await connectorProvider.create(inputs({ runningTimeoutSeconds: 0 }));
      expect(server.calls().filter((c) => c === 'PUT /connectors/orders-source/config')).toHaveLength(3);
    });

    it('gives up after the retries with CONNECT_REBALANCE_TIMEOUT', async () => {
      server.reset([
        ok,
        { method: 'PUT', path: '/connectors/orders-source/config', status: 409, body: { message: 'rebalance' } },
      ]);
      await expect(connectorProvider.create(inputs({ rebalanceRetries: 2 }))).rejects.toMatchObject({
        code: 'CONNECT_REBALANCE_TIMEOUT',
        message: expect.stringMatching(/still rebalancing \(HTTP 409\) after all retries/),
      });
      expect(server.calls().filter((c) => c.startsWith('PUT /connectors/'))).toHaveLength(3);
    });

    it('surfaces validation errors per field and does not create', async () => {
      server.reset([
        {
          method: 'PUT',
          path: VALIDATE,
          status: 200,
          body: {
            name: CLASS,
            error_count: 2,
            configs: [
              {
                definition: { name: 'database.hostname' },
                value: { name: 'database.hostname', value: 'db', errors: ['Unable to connect: db:5432'] },
              },
              {
                definition: { name: 'slot.name' },
                value: { name: 'slot.name', value: 'x', errors: ['Slot already in use'] },
              },
              {
                definition: { name: 'database.password' },
                value: { name: 'database.password', value: '[hidden]', errors: [] },
              },
            ],
          },
        },
      ]);
      const e = await connectorProvider.create(inputs()).catch((err) => err);
      expect(e.code).toBe('MULTIPLE_ISSUES');
      expect(e.issues.map((i: { code: string }) => i.code)).toEqual([
        'CONNECT_CONFIG_INVALID',
        'CONNECT_CONFIG_INVALID',
      ]);
      expect(e.message).toMatch(/Kafka Connect rejected database\.hostname: Unable to connect: db:5432/);
      expect(e.message).toMatch(/Kafka Connect rejected slot\.name: Slot already in use/);
      expect(e.message).not.toContain(SECRET);
      expect(server.calls()).toEqual([`PUT ${VALIDATE}`]);
    });

    it('fails with the trace when the connector fails', async () => {
      server.reset([
        ok,
        { method: 'PUT', path: '/connectors/orders-source/config', status: 201, body: {} },
        {
          method: 'GET',
          path: '/connectors/orders-source/status',
          status: 200,
          body: {
            connector: { state: 'RUNNING' },
            tasks: [{ id: 0, state: 'FAILED', trace: 'org.postgresql.util.PSQLException: FATAL\n at ...' }],
          },
        },
      ]);
      await expect(connectorProvider.create(inputs())).rejects.toMatchObject({
        code: 'CONNECT_CONNECTOR_FAILED',
        message: expect.stringMatching(
          /connector orders-source is FAILED: org\.postgresql\.util\.PSQLException: FATAL$/,
        ),
      });
    });

    it('reports a non-2xx answer with the server message', async () => {
      server.reset([
        ok,
        {
          method: 'PUT',
          path: '/connectors/orders-source/config',
          status: 400,
          body: { message: 'Connector name mismatch' },
        },
      ]);
      await expect(connectorProvider.create(inputs())).rejects.toMatchObject({
        code: 'CONNECT_PUT_FAILED',
        message: expect.stringMatching(/answered HTTP 400: Connector name mismatch/),
      });
    });

    it('reports an unreachable Connect', async () => {
      await expect(connectorProvider.create(inputs({ connectUrl: 'http://127.0.0.1:1' }))).rejects.toMatchObject({
        code: 'CONNECT_UNREACHABLE',
      });
    });

    it('delete: DELETE, retried on 409; a missing connector counts as deleted', async () => {
      server.reset([
        { method: 'DELETE', path: '/connectors/orders-source', status: 409, times: 1 },
        { method: 'DELETE', path: '/connectors/orders-source', status: 204 },
      ]);
      await connectorProvider.delete('orders-source', { ...inputs(), connectorState: 'RUNNING' });
      expect(server.calls()).toEqual(['DELETE /connectors/orders-source', 'DELETE /connectors/orders-source']);
      server.reset([]);
      await connectorProvider.delete('orders-source', { ...inputs(), connectorState: 'RUNNING' });
      expect(server.calls()).toEqual(['DELETE /connectors/orders-source']);
    });

    it('sends basic auth when configured', async () => {
      server.reset([{ method: 'PUT', path: '/connectors/orders-source/config', status: 201, body: {} }]);
      await connectorProvider.create(
        inputs({ validate: false, runningTimeoutSeconds: 0, connectUsername: 'ops', connectPassword: 'pw' }),
      );
      expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('ops:pw').toString('base64')}`);
    });

    it('reads a connector config back without its name', async () => {
      server.reset([
        {
          method: 'GET',
          path: '/connectors/orders-source/config',
          status: 200,
          body: { name: 'orders-source', 'connector.class': CLASS },
        },
      ]);
      expect(await getConnectorConfig({ url: server.url }, 'orders-source')).toEqual({ 'connector.class': CLASS });
    });

    it('config provider references never put a secret on the wire', async () => {
      server.reset([ok, { method: 'PUT', path: '/connectors/orders-source/config', status: 201, body: {} }, running]);
      const settings = debeziumPostgresSource({
        hostname: 'db',
        user: 'debezium',
        password: '${file:/opt/kafka/secrets/orders-db.properties:password}',
        databaseName: 'orders',
        topicPrefix: 'orders',
        tableIncludeList: ['public.orders'],
      });
      await connectorProvider.create(inputs({ config: settings.config as Record<string, string>, secretConfig: {} }));
      const log = JSON.stringify(server.requests);
      expect(log).toContain('${file:/opt/kafka/secrets/orders-db.properties:password}');
      expect(log).not.toContain(SECRET);
    });
  });

  describe('Connect client failures', () => {
    const put = { method: 'PUT', path: '/connectors/orders-source/config', status: 201, body: {} };
    it.each([
      [
        'validate',
        [{ method: 'PUT', path: VALIDATE, status: 500, body: { message: 'boom' } }],
        'CONNECT_VALIDATE_FAILED',
      ],
      [
        'status',
        [ok, put, { method: 'GET', path: '/connectors/orders-source/status', status: 500, body: { message: 'boom' } }],
        'CONNECT_STATUS_FAILED',
      ],
    ])('%s answering 500 fails with %s', async (_label, routes, code) => {
      server.reset(routes);
      await expect(connectorProvider.create(inputs())).rejects.toMatchObject({
        code,
        message: expect.stringMatching(/HTTP 500: boom/),
      });
    });

    it('DELETE answering 500 fails with CONNECT_DELETE_FAILED', async () => {
      server.reset([{ method: 'DELETE', path: '/connectors/orders-source', status: 500, body: { message: 'boom' } }]);
      await expect(
        connectorProvider.delete('orders-source', { ...inputs(), connectorState: 'RUNNING' }),
      ).rejects.toMatchObject({
        code: 'CONNECT_DELETE_FAILED',
      });
    });

    it('GET config answering 500 fails with CONNECT_GET_FAILED', async () => {
      server.reset([
        { method: 'GET', path: '/connectors/orders-source/config', status: 500, body: { message: 'boom' } },
      ]);
      await expect(getConnectorConfig({ url: server.url }, 'orders-source')).rejects.toMatchObject({
        code: 'CONNECT_GET_FAILED',
      });
    });

    it('a connector that never runs fails with CONNECT_NOT_RUNNING', async () => {
      server.reset([
        ok,
        put,
        {
          method: 'GET',
          path: '/connectors/orders-source/status',
          status: 200,
          body: { connector: { state: 'UNASSIGNED' }, tasks: [] },
        },
      ]);
      await expect(connectorProvider.create(inputs({ runningTimeoutSeconds: 1 }))).rejects.toMatchObject({
        code: 'CONNECT_NOT_RUNNING',
        message: expect.stringMatching(/did not reach RUNNING within 1000 ms \(state UNASSIGNED, tasks none\)/),
      });
    });
  });

  describe('connector provider check and diff', () => {
    it('check fails on bad name, URL, missing class, config name and clear-text secrets', async () => {
      const r = await connectorProvider.check(
        {},
        inputs({
          connectorName: 'bad name',
          connectUrl: 'ftp://x',
          config: { name: 'x', 'database.password': 'clear' },
        }),
      );
      expect(r.failures!.map((f) => f.reason.match(/^\[(\w+)\]/)![1])).toEqual([
        'CONNECT_CONNECTOR_NAME',
        'CONNECT_URL',
        'CONNECT_CONNECTOR_CLASS',
        'CONNECT_CONFIG_NAME',
        'CONNECT_CONFIG_DUPLICATE',
        'CONNECT_SECRET_PLAIN_TEXT',
      ]);
      expect((await connectorProvider.check({}, inputs())).failures).toEqual([]);
    });

    it('diff replaces on a new name or URL and updates in place on config changes', async () => {
      const old = { ...inputs(), connectorState: 'RUNNING' };
      expect(await connectorProvider.diff('x', old, inputs({ connectorName: 'other' }))).toEqual({
        changes: true,
        replaces: ['connectorName'],
        deleteBeforeReplace: false,
      });
      expect(await connectorProvider.diff('x', old, inputs({ config: { ...old.config, 'slot.name': 's' } }))).toEqual({
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
      expect((await connectorProvider.diff('x', old, inputs())).changes).toBe(false);
      expect(
        (await connectorProvider.diff('x', old, inputs({ secretConfig: { 'database.password': 'new' } }))).changes,
      ).toBe(true);
    });
  });

  describe('Connector resource', () => {
    it('registers plain config, secrets as secrets, and defaults', async () => {
      const c = await capture(
        () => {
          const cfg = new pulumi.Config();
          new Connector('orders-cdc', {
            connectUrl: 'http://connect:8083',
            name: 'orders-postgres-source',
            ...debeziumPostgresSource({
              hostname: 'db',
              user: 'debezium',
              password: cfg.requireSecret('dbPassword'),
              databaseName: 'orders',
              topicPrefix: 'orders',
              tableIncludeList: ['public.orders'],
            }),
          });
        },
        { secretConfig: { dbPassword: SECRET } },
      );
      expect(c.secretLeaks).toEqual([]);
      expect(JSON.stringify(c.resources)).not.toContain(SECRET);
      expect(c.find('pulumi-nodejs:dynamic/eventform:Connector', 'orders-cdc').inputs).toEqual({
        __provider: '[dynamic provider]',
        connectUrl: 'http://connect:8083',
        connectorName: 'orders-postgres-source',
        config: {
          'connector.class': CLASS,
          'database.dbname': 'orders',
          'database.hostname': 'db',
          'database.port': '5432',
          'database.user': 'debezium',
          'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
          'plugin.name': 'pgoutput',
          'publication.name': 'dbz_publication',
          'slot.name': 'debezium',
          'table.include.list': 'public.orders',
          'topic.prefix': 'orders',
          transforms: 'unwrap',
          'transforms.unwrap.drop.tombstones': 'false',
          'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        },
        secretConfig: '[secret]',
        validate: true,
        runningTimeoutSeconds: 60,
        rebalanceRetries: 10,
        rebalanceRetryDelayMs: 1000,
      });
    });

    describe('refuses', () => {
      beforeAll(() =>
        pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
      );
      const base = { connectUrl: 'http://connect:8083', name: 'c', config: { 'connector.class': CLASS } };
      it.each([
        ['bad URL', { ...base, connectUrl: 'connect:8083' }, 'CONNECT_URL', /connectUrl must be an http\(s\) URL/],
        [
          'bad name',
          { ...base, name: 'a/b' },
          'CONNECT_CONNECTOR_NAME',
          /name must be 1-249 characters of \[A-Za-z0-9\._-\]; got "a\/b"/,
        ],
        ['no class', { ...base, config: {} }, 'CONNECT_CONNECTOR_CLASS', /connector\.class"\] is required/],
        [
          'clear-text secret',
          { ...base, config: { ...base.config, 'database.password': 'pw' } },
          'CONNECT_SECRET_PLAIN_TEXT',
          /holds a secret in clear text.*\$\{file:/,
        ],
        [
          'clear-text auth',
          { ...base, connectAuth: { username: 'u', password: 'p' } },
          'CONNECT_SECRET_PLAIN_TEXT',
          /connectAuth\.password is clear text/,
        ],
        ['timeout', { ...base, runningTimeoutSeconds: -1 }, 'CONNECT_RUNNING_TIMEOUT', /between 0 and 3600; got -1/],
        ['retries', { ...base, rebalanceRetries: 1000 }, 'CONNECT_REBALANCE_RETRIES', /between 0 and 100; got 1000/],
      ])('%s', (_label, args, code, message) => {
        const e = thrown(() => new Connector('c', args as never));
        expect(e.code).toBe(code);
        expect(e.message).toMatch(message);
      });
    });
  });

  describe('connector config builders', () => {
    const pg = {
      hostname: 'db',
      user: 'debezium',
      password: '${file:/s/db.properties:password}',
      databaseName: 'orders',
      topicPrefix: 'orders',
      tableIncludeList: ['public.orders', 'public.customers'],
    };
    it('debezium: pgoutput, slot, publication, tables, unwrap; reference stays plain', () => {
      const s = debeziumPostgresSource({
        ...pg,
        slotName: 'orders_slot',
        publicationName: 'orders_pub',
        dropTombstones: true,
        port: 6432,
      });
      expect(s.secretConfig).toEqual({});
      expect(s.config).toMatchObject({
        'plugin.name': 'pgoutput',
        'slot.name': 'orders_slot',
        'publication.name': 'orders_pub',
        'table.include.list': 'public.orders,public.customers',
        'database.password': '${file:/s/db.properties:password}',
        'database.port': '6432',
        'transforms.unwrap.drop.tombstones': 'true',
      });
      expect(debeziumPostgresSource({ ...pg, unwrap: false }).config.transforms).toBeUndefined();
    });

    it('bigquery: topics, key file path, defaults from the seed', () => {
      expect(
        bigQuerySink({
          project: 'my-gcp-project',
          defaultDataset: 'kafka_dataset',
          topics: ['orders', 'customers'],
          keyfile: '/etc/bq/key.json',
        }),
      ).toEqual({
        config: {
          'connector.class': 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
          allowBigQueryRequiredFieldRelaxation: 'true',
          allowNewBigQueryFields: 'true',
          autoCreateTables: 'true',
          defaultDataset: 'kafka_dataset',
          'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
          keySource: 'FILE',
          keyfile: '/etc/bq/key.json',
          project: 'my-gcp-project',
          topics: 'orders,customers',
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        },
        secretConfig: {},
      });
      const adc = bigQuerySink({
        project: 'my-gcp-project',
        defaultDataset: 'd',
        topicsRegex: 'orders\\..*',
        keySource: 'APPLICATION_DEFAULT',
      });
      expect(adc.config['topics.regex']).toBe('orders\\..*');
      expect(adc.config.keyfile).toBeUndefined();
    });

    it('bigquery: JSON key as a Pulumi secret goes to secretConfig', async () => {
      const secret = pulumi.secret('{"type":"service_account"}');
      const s = bigQuerySink({
        project: 'my-gcp-project',
        defaultDataset: 'd',
        topics: ['orders'],
        keySource: 'JSON',
        keyfile: secret,
      });
      expect(s.secretConfig.keyfile).toBe(secret);
      expect(s.config.keyfile).toBeUndefined();
    });

    it.each([
      [
        'server name',
        () => debeziumPostgresSource({ ...pg, extraConfig: { 'database.server.name': 'dbserver1' } }),
        'CONNECT_DEBEZIUM_SERVER_NAME',
        /replaced by topic\.prefix in Debezium 2\.0/,
      ],
      [
        'plugin',
        () => debeziumPostgresSource({ ...pg, extraConfig: { 'plugin.name': 'decoderbufs' } }),
        'CONNECT_DEBEZIUM_PLUGIN',
        /must be pgoutput.*got "decoderbufs"/,
      ],
      [
        'slot',
        () => debeziumPostgresSource({ ...pg, slotName: 'Orders-Slot' }),
        'CONNECT_DEBEZIUM_SLOT',
        /slotName must be 1-63 characters of \[a-z0-9_\].*got "Orders-Slot"/,
      ],
      [
        'long slot',
        () => debeziumPostgresSource({ ...pg, slotName: 'a'.repeat(64) }),
        'CONNECT_DEBEZIUM_SLOT',
        /slotName must be 1-63/,
      ],
      [
        'publication',
        () => debeziumPostgresSource({ ...pg, publicationName: '1pub' }),
        'CONNECT_DEBEZIUM_PUBLICATION',
        /PostgreSQL identifier/,
      ],
      [
        'prefix',
        () => debeziumPostgresSource({ ...pg, topicPrefix: 'orders db' }),
        'CONNECT_DEBEZIUM_TOPIC_PREFIX',
        /topicPrefix must be 1-200 characters/,
      ],
      [
        'no tables',
        () => debeziumPostgresSource({ ...pg, tableIncludeList: [] }),
        'CONNECT_DEBEZIUM_TABLES',
        /at least one schema\.table/,
      ],
      [
        'bad table',
        () => debeziumPostgresSource({ ...pg, tableIncludeList: ['orders'] }),
        'CONNECT_DEBEZIUM_TABLES',
        /schema\.table.*got \["orders"\]/,
      ],
      [
        'clear password',
        () => debeziumPostgresSource({ ...pg, password: 'hunter2' }),
        'CONNECT_SECRET_PLAIN_TEXT',
        /password is clear text/,
      ],
      [
        'no password',
        () => debeziumPostgresSource({ ...pg, password: '' }),
        'CONNECT_DEBEZIUM_CONFIG',
        /password is required/,
      ],
      [
        'port',
        () => debeziumPostgresSource({ ...pg, port: 0 }),
        'CONNECT_DEBEZIUM_CONFIG',
        /port must be an integer between 1 and 65535; got 0/,
      ],
      [
        'tombstones without unwrap',
        () => debeziumPostgresSource({ ...pg, unwrap: false, dropTombstones: true }),
        'CONNECT_DEBEZIUM_CONFIG',
        /only applies with unwrap/,
      ],
      [
        'extra secret',
        () => debeziumPostgresSource({ ...pg, extraConfig: { 'database.sslpassword': 'x' } }),
        'CONNECT_SECRET_PLAIN_TEXT',
        /database\.sslpassword/,
      ],
      [
        'extra duplicate',
        () => debeziumPostgresSource({ ...pg, extraConfig: { 'slot.name': 'x' } }),
        'CONNECT_CONFIG_DUPLICATE',
        /repeats a key/,
      ],
      [
        'both topics',
        () =>
          bigQuerySink({
            project: 'my-gcp-project',
            defaultDataset: 'd',
            topics: ['a'],
            topicsRegex: 'a.*',
            keyfile: '/k',
          }),
        'CONNECT_BIGQUERY_TOPICS',
        /topics and topicsRegex cannot be used together; choose one/,
      ],
      [
        'no topics',
        () => bigQuerySink({ project: 'my-gcp-project', defaultDataset: 'd', keyfile: '/k' }),
        'CONNECT_BIGQUERY_TOPICS',
        /exactly one of topics and topicsRegex/,
      ],
      [
        'no keyfile',
        () => bigQuerySink({ project: 'my-gcp-project', defaultDataset: 'd', topics: ['a'] }),
        'CONNECT_BIGQUERY_KEY',
        /keyfile is required/,
      ],
      [
        'keyfile with ADC',
        () =>
          bigQuerySink({
            project: 'my-gcp-project',
            defaultDataset: 'd',
            topics: ['a'],
            keySource: 'APPLICATION_DEFAULT',
            keyfile: '/k',
          }),
        'CONNECT_BIGQUERY_KEY',
        /not used with keySource APPLICATION_DEFAULT/,
      ],
      [
        'clear JSON key',
        () =>
          bigQuerySink({
            project: 'my-gcp-project',
            defaultDataset: 'd',
            topics: ['a'],
            keySource: 'JSON',
            keyfile: '{"k":1}',
          }),
        'CONNECT_SECRET_PLAIN_TEXT',
        /keyfile is clear text/,
      ],
      [
        'project',
        () => bigQuerySink({ project: 'My Project', defaultDataset: 'd', topics: ['a'], keyfile: '/k' }),
        'CONNECT_BIGQUERY_CONFIG',
        /project must be a Google Cloud project id/,
      ],
      [
        'dataset',
        () =>
          bigQuerySink({ project: 'my-gcp-project', defaultDataset: 'kafka-dataset', topics: ['a'], keyfile: '/k' }),
        'CONNECT_BIGQUERY_CONFIG',
        /defaultDataset must be 1-1024 characters of \[A-Za-z0-9_\]/,
      ],
      [
        'key source',
        () =>
          bigQuerySink({
            project: 'my-gcp-project',
            defaultDataset: 'd',
            topics: ['a'],
            keySource: 'ENV' as never,
            keyfile: '/k',
          }),
        'CONNECT_BIGQUERY_KEY',
        /FILE, JSON or APPLICATION_DEFAULT; got "ENV"/,
      ],
    ])('refuses %s', (_label, build, code, message) => {
      const e = thrown(build);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  });
});

describe('Schema Registry subjects', () => {
  const V1 = JSON.stringify({
    type: 'record',
    name: 'Order',
    namespace: 'com.example.orders',
    fields: [
      { name: 'orderId', type: 'string' },
      { name: 'amount', type: 'double' },
    ],
  });
  const V2_COMPATIBLE = JSON.stringify({
    type: 'record',
    name: 'Order',
    namespace: 'com.example.orders',
    fields: [
      { name: 'orderId', type: 'string' },
      { name: 'amount', type: 'double' },
      { name: 'currency', type: 'string', default: 'EUR' },
    ],
  });
  const V2_INCOMPATIBLE = JSON.stringify({
    type: 'record',
    name: 'Order',
    namespace: 'com.example.orders',
    fields: [
      { name: 'orderId', type: 'string' },
      { name: 'amount', type: 'double' },
      { name: 'customerId', type: 'string' },
    ],
  });
  const REG_SECRET = 'registry-pass-55aa';

  const server = new FakeRestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  function inputs(over: Partial<SchemaSubjectProviderInputs> = {}): SchemaSubjectProviderInputs {
    return {
      registryUrl: server.url,
      subject: 'orders-value',
      schemaType: 'AVRO',
      schema: V1,
      compatibility: 'BACKWARD',
      ...over,
    };
  }

  describe('schema subject provider against a local registry', () => {
    it('create: reads versions, sets the mode, registers, looks up the version', async () => {
      server.reset([
        { method: 'GET', path: '/subjects/orders-value/versions', status: 404, body: { error_code: 40401 } },
        { method: 'PUT', path: '/config/orders-value', status: 200, body: { compatibility: 'BACKWARD' } },
        { method: 'POST', path: '/subjects/orders-value/versions', status: 200, body: { id: 7 } },
        { method: 'POST', path: '/subjects/orders-value', status: 200, body: { id: 7, version: 1 } },
      ]);
      const r = await schemaSubjectProvider.create(inputs({ registryUsername: 'sr', registryPassword: REG_SECRET }));
      expect(server.calls()).toEqual([
        'GET /subjects/orders-value/versions',
        'PUT /config/orders-value',
        'POST /subjects/orders-value/versions',
        'POST /subjects/orders-value',
      ]);
      expect(JSON.parse(server.requests[1].body)).toEqual({ compatibility: 'BACKWARD' });
      expect(JSON.parse(server.requests[2].body)).toEqual({ schema: V1 });
      expect(server.requests[2].headers['content-type']).toBe('application/vnd.schemaregistry.v1+json');
      expect(r).toMatchObject({ id: 'orders-value', outs: { schemaId: 7, version: 1, history: [V1] } });
      for (const req of server.requests) expect(JSON.stringify({ p: req.path, b: req.body })).not.toContain(REG_SECRET);
    });

    it('sends schemaType for JSON and PROTOBUF', async () => {
      server.reset([
        { method: 'GET', path: '/subjects/s/versions', status: 404 },
        { method: 'PUT', path: '/config/s', status: 200, body: {} },
        { method: 'POST', path: '/subjects/s/versions', status: 200, body: { id: 1 } },
        { method: 'POST', path: '/subjects/s', status: 200, body: { version: 1 } },
      ]);
      await schemaSubjectProvider.create(inputs({ subject: 's', schemaType: 'JSON', schema: '{"type":"object"}' }));
      expect(JSON.parse(server.requests[2].body)).toEqual({ schema: '{"type":"object"}', schemaType: 'JSON' });
    });

    it('update: checks the registry versions locally before registering', async () => {
      server.reset([
        { method: 'GET', path: '/subjects/orders-value/versions', status: 200, body: [1] },
        {
          method: 'GET',
          path: '/subjects/orders-value/versions/1',
          status: 200,
          body: { version: 1, id: 7, schema: V1 },
        },
        { method: 'PUT', path: '/config/orders-value', status: 200, body: {} },
        { method: 'POST', path: '/subjects/orders-value/versions', status: 200, body: { id: 8 } },
        { method: 'POST', path: '/subjects/orders-value', status: 200, body: { version: 2 } },
      ]);
      const r = await schemaSubjectProvider.update('orders-value', {} as never, inputs({ schema: V2_COMPATIBLE }));
      expect(r.outs).toMatchObject({ schemaId: 8, version: 2, history: [V1, V2_COMPATIBLE] });
    });

    it('refuses an incompatible schema locally, before any write', async () => {
      server.reset([
        { method: 'GET', path: '/subjects/orders-value/versions', status: 200, body: [1] },
        {
          method: 'GET',
          path: '/subjects/orders-value/versions/1',
          status: 200,
          body: { version: 1, id: 7, schema: V1 },
        },
      ]);
      const e = await schemaSubjectProvider
        .update('orders-value', {} as never, inputs({ schema: V2_INCOMPATIBLE }))
        .catch((x) => x);
      expect(e.code).toBe('REGISTRY_INCOMPATIBLE_SCHEMA');
      expect(e.message).toMatch(/not compatible: .*customerId/);
      expect(server.calls()).toEqual(['GET /subjects/orders-value/versions', 'GET /subjects/orders-value/versions/1']);
    });

    it('maps the registry 409 and 422 answers', async () => {
      const routes = (status: number) => [
        { method: 'GET', path: '/subjects/orders-value/versions', status: 404 },
        { method: 'PUT', path: '/config/orders-value', status: 200, body: {} },
        {
          method: 'POST',
          path: '/subjects/orders-value/versions',
          status,
          body: { error_code: status, message: `registry says ${status}` },
        },
      ];
      server.reset(routes(409));
      await expect(schemaSubjectProvider.create(inputs())).rejects.toMatchObject({
        code: 'REGISTRY_INCOMPATIBLE_SCHEMA',
        message: expect.stringMatching(/HTTP 409\): registry says 409/),
      });
      server.reset(routes(422));
      await expect(schemaSubjectProvider.create(inputs())).rejects.toMatchObject({
        code: 'REGISTRY_INVALID_SCHEMA',
        message: expect.stringMatching(/HTTP 422\): registry says 422/),
      });
    });

    it('delete soft-deletes the subject', async () => {
      server.reset([{ method: 'DELETE', path: '/subjects/orders-value', status: 200, body: [1] }]);
      await schemaSubjectProvider.delete('orders-value', { ...inputs(), schemaId: 7, version: 1, history: [V1] });
      expect(server.calls()).toEqual(['DELETE /subjects/orders-value']);
    });
  });

  describe('schema subject diff (what preview runs)', () => {
    const old = { ...inputs(), registryUrl: 'http://sr:8081', schemaId: 7, version: 1, history: [V1] };
    it('fails preview on an incompatible change without calling the registry', async () => {
      server.reset([]);
      const e = await schemaSubjectProvider
        .diff('orders-value', old, { ...old, schema: V2_INCOMPATIBLE })
        .catch((x) => x);
      expect(e.code).toBe('REGISTRY_INCOMPATIBLE_SCHEMA');
      expect(e.message).toMatch(/customerId/);
      expect(server.requests).toHaveLength(0);
    });

    it('accepts a compatible change as an update, replaces on a new subject', async () => {
      expect(await schemaSubjectProvider.diff('orders-value', old, { ...old, schema: V2_COMPATIBLE })).toEqual({
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
      expect(
        (await schemaSubjectProvider.diff('orders-value', old, { ...old, subject: 'orders-v2-value' })).replaces,
      ).toEqual(['subject']);
      expect((await schemaSubjectProvider.diff('orders-value', old, { ...old, compatibility: 'FULL' })).changes).toBe(
        true,
      );
      expect((await schemaSubjectProvider.diff('orders-value', old, { ...old })).changes).toBe(false);
    });

    it('refuses a format change on the same subject', async () => {
      await expect(
        schemaSubjectProvider.diff('orders-value', old, { ...old, schemaType: 'JSON', schema: '{}' }),
      ).rejects.toMatchObject({
        code: 'REGISTRY_FORMAT_CHANGE',
      });
    });
  });

  describe('SchemaSubject resource', () => {
    it('registers the core schema with the mode, retained on delete, password secret', async () => {
      const c = await capture(
        () => {
          new SchemaSubject('orders-value', {
            registryUrl: 'https://sr.example:8081',
            registryAuth: { username: 'sr', password: new pulumi.Config().requireSecret('srPassword') },
            subject: 'orders-value',
            schema: EventSchema.avro(V1),
          });
        },
        { secretConfig: { srPassword: REG_SECRET } },
      );
      expect(c.secretLeaks).toEqual([]);
      expect(c.find('pulumi-nodejs:dynamic/eventform:SchemaSubject', 'orders-value').inputs).toEqual({
        __provider: '[dynamic provider]',
        registryUrl: 'https://sr.example:8081',
        registryUsername: 'sr',
        registryPassword: '[secret]',
        subject: 'orders-value',
        schemaType: 'AVRO',
        schema: V1,
        compatibility: 'BACKWARD',
      });
    });

    describe('refuses', () => {
      beforeAll(() =>
        pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
      );
      const base = { registryUrl: 'http://sr:8081', subject: 'orders-value', schema: EventSchema.avro(V1) };
      it.each([
        [
          'subject',
          { ...base, subject: 'orders value' },
          'REGISTRY_SUBJECT_NAME',
          /subject must be 1-255 characters of non-whitespace characters \(e\.g\. "orders-value"\); got "orders value"/,
        ],
        ['url', { ...base, registryUrl: 'sr:8081' }, 'REGISTRY_URL', /registryUrl must be an http\(s\) URL/],
        ['schema', { ...base, schema: V1 }, 'REGISTRY_SCHEMA', /schema must be an EventSchema/],
        [
          'mode',
          { ...base, compatibility: 'LENIENT' },
          'REGISTRY_COMPATIBILITY_MODE',
          /one of NONE, BACKWARD.*got "LENIENT"/,
        ],
        [
          'password',
          { ...base, registryAuth: { username: 'u', password: 'p' } },
          'REGISTRY_SECRET_PLAIN_TEXT',
          /clear text/,
        ],
      ])('%s', (_label, args, code, message) => {
        const e = thrown(() => new SchemaSubject('s', args as never));
        expect(e.code).toBe(code);
        expect(e.message).toMatch(message);
      });
    });
  });

  describe('SchemaSubject options', () => {
    it('retains the subject on delete by default and keeps the password a secret output', async () => {
      const seen: pulumi.ResourceOptions[] = [];
      await capture(() => {
        new SchemaSubject(
          'orders-value',
          { registryUrl: 'http://sr:8081', subject: 'orders-value', schema: EventSchema.avro(V1) },
          { transformations: [(a) => (seen.push(a.opts), undefined)] },
        );
      });
      expect(seen[0].retainOnDelete).toBe(true);
      expect((seen[0] as pulumi.CustomResourceOptions).additionalSecretOutputs).toEqual(['registryPassword']);
    });
  });

  describe('registry client failures', () => {
    it.each([
      [
        'PUT /config',
        [
          { method: 'GET', path: '/subjects/orders-value/versions', status: 404 },
          { method: 'PUT', path: '/config/orders-value', status: 500, body: { message: 'boom' } },
        ],
        'REGISTRY_CONFIG_FAILED',
      ],
      [
        'GET versions',
        [{ method: 'GET', path: '/subjects/orders-value/versions', status: 500, body: { message: 'boom' } }],
        'REGISTRY_READ_FAILED',
      ],
      [
        'POST version',
        [
          { method: 'GET', path: '/subjects/orders-value/versions', status: 404 },
          { method: 'PUT', path: '/config/orders-value', status: 200, body: {} },
          { method: 'POST', path: '/subjects/orders-value/versions', status: 500, body: { message: 'boom' } },
        ],
        'REGISTRY_REGISTER_FAILED',
      ],
    ])('%s answering 500 fails with %s', async (_label, routes, code) => {
      server.reset(routes);
      await expect(schemaSubjectProvider.create(inputs())).rejects.toMatchObject({
        code,
        message: expect.stringMatching(/answered HTTP 500: boom/),
      });
    });

    it('DELETE answering 500 fails with REGISTRY_DELETE_FAILED', async () => {
      server.reset([{ method: 'DELETE', path: '/subjects/orders-value', status: 500, body: { message: 'boom' } }]);
      await expect(
        schemaSubjectProvider.delete('orders-value', { ...inputs(), schemaId: 1, version: 1, history: [] }),
      ).rejects.toMatchObject({ code: 'REGISTRY_DELETE_FAILED' });
    });
  });
});
