import * as pulumi from '@pulumi/pulumi';
import { DeliveryProfile, kafkaProvider, partitionGuardProvider, Topic } from '../../../constructs/kafka';
import { capture, stubDynamicProviderSerialization, thrown } from './capture-helpers';

stubDynamicProviderSerialization();

const TOPIC = 'kafka:index/topic:Topic';
const GUARD = 'pulumi-nodejs:dynamic/eventform:PartitionGuard';
const PROVIDER = 'pulumi:providers:kafka';

describe('Topic', () => {
  it('registers the topic with explicit name, string config, guard and defaults', async () => {
    const c = await capture(() => {
      const t = new Topic('orders', {
        name: 'orders',
        partitions: 3,
        replicationFactor: 3,
        config: { retentionMs: 604800000, compressionType: 'lz4' },
      });
      return { name: t.topicName, config: t.config, settings: t.clientSettings };
    });
    expect(c.find(TOPIC, 'orders').inputs).toEqual({
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { 'compression.type': 'lz4', 'retention.ms': '604800000' },
    });
    expect(c.find(GUARD, 'orders-partition-guard').inputs).toEqual({
      __provider: '[dynamic provider]',
      topicName: 'orders',
      partitions: 3,
    });
    expect(c.find('eventform:kafka:Topic', 'orders').inputs).toEqual({});
    expect(c.outputs).toEqual({
      name: 'orders',
      config: { 'compression.type': 'lz4', 'retention.ms': '604800000' },
    });
    expect(c.resources).toHaveLength(3);
  });

  it('applies a delivery profile: topic configs and client settings output', async () => {
    const c = await capture(() => {
      const t = new Topic('payments', {
        name: 'payments',
        partitions: 6,
        replicationFactor: 3,
        deliveryProfile: DeliveryProfile.exactlyOnce({ transactionalId: 'payments-1' }),
        config: { minInsyncReplicas: 3 },
      });
      return t.clientSettings;
    });
    expect(c.find(TOPIC, 'payments').inputs.config).toEqual({
      'min.insync.replicas': '3',
      'unclean.leader.election.enable': 'false',
    });
    expect(c.outputs).toMatchObject({
      guarantee: 'exactly-once',
      producer: { acks: 'all', 'enable.idempotence': 'true', 'transactional.id': 'payments-1' },
      consumer: { 'isolation.level': 'read_committed', 'enable.auto.commit': 'false' },
    });
  });

  it('passes Output config values through as strings', async () => {
    const c = await capture(() => {
      new Topic('late', {
        name: 'late',
        partitions: 1,
        replicationFactor: 1,
        config: { retentionMs: pulumi.output(1000) as unknown as number },
        extraConfig: { 'segment.ms': pulumi.output('60000') },
      });
    });
    expect(c.find(TOPIC, 'late').inputs.config).toEqual({ 'retention.ms': '1000', 'segment.ms': '60000' });
  });

  describe('refuses bad args with every problem in one error', () => {
    beforeAll(() =>
      pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
    );

    it('reports name, partitions, config and min.insync.replicas together', () => {
      const e = thrown(
        () =>
          new Topic('bad', {
            name: 'bad name!',
            partitions: 0,
            replicationFactor: 2,
            config: { minInsyncReplicas: 3, compressionType: 'brotli' as never },
            extraConfig: { 'message.format.version': '3.0' },
          }),
      );
      expect(e.code).toBe('MULTIPLE_ISSUES');
      expect(e.issues!.map((i) => i.code).sort()).toEqual([
        'KAFKA_TOPIC_CONFIG_REMOVED',
        'KAFKA_TOPIC_CONFIG_VALUE',
        'KAFKA_TOPIC_MIN_ISR_ABOVE_REPLICATION',
        'KAFKA_TOPIC_NAME',
        'KAFKA_TOPIC_PARTITIONS',
      ]);
      expect(e.message).toMatch(/^bad: 5 problems/);
    });

    it('refuses a config that breaks the delivery profile', () => {
      const e = thrown(
        () =>
          new Topic('weak', {
            name: 'weak',
            partitions: 1,
            replicationFactor: 3,
            config: { minInsyncReplicas: 1 },
            deliveryProfile: DeliveryProfile.atLeastOnce(),
          }),
      );
      expect(e.code).toBe('KAFKA_DELIVERY_PROFILE_CONFLICT');
      expect(e.message).toMatch(/needs at least 2 with replicationFactor 3/);
    });
  });
});

describe('partition guard provider', () => {
  it('fails check (and so preview) when partitions go down', async () => {
    const r = await partitionGuardProvider.check!(
      { topicName: 'orders', partitions: 6 },
      { topicName: 'orders', partitions: 3 },
    );
    expect(r.failures).toEqual([
      {
        property: 'partitions',
        reason: expect.stringMatching(
          /^\[KAFKA_TOPIC_PARTITIONS_DECREASE\] partitions of topic "orders" cannot go from 6 down to 3/,
        ),
      },
    ]);
  });

  it('accepts a first create and growth, updates in place', async () => {
    expect((await partitionGuardProvider.check!({}, { topicName: 'orders', partitions: 3 })).failures).toEqual([]);
    expect(
      (
        await partitionGuardProvider.check!(
          { topicName: 'orders', partitions: 3 },
          { topicName: 'orders', partitions: 6 },
        )
      ).failures,
    ).toEqual([]);
    expect(
      await partitionGuardProvider.diff!(
        'orders',
        { topicName: 'orders', partitions: 3 },
        { topicName: 'orders', partitions: 6 },
      ),
    ).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await partitionGuardProvider.create({ topicName: 'orders', partitions: 3 })).toEqual({
      id: 'orders',
      outs: { topicName: 'orders', partitions: 3 },
    });
    expect(
      await partitionGuardProvider.update!(
        'orders',
        { topicName: 'orders', partitions: 3 },
        { topicName: 'orders', partitions: 6 },
      ),
    ).toEqual({
      outs: { topicName: 'orders', partitions: 6 },
    });
  });
});

describe('kafkaProvider', () => {
  it('registers bootstrap servers, explicit TLS and SASL password as a secret', async () => {
    const c = await capture(() => {
      kafkaProvider('cluster', {
        bootstrapServers: ['b1:9093', 'b2:9093'],
        tlsEnabled: true,
        sasl: { mechanism: 'scram-sha512', username: 'admin', password: pulumi.secret('s3cret-value') },
      });
    });
    expect(c.find(PROVIDER, 'cluster').inputs).toEqual({
      bootstrapServers: '["b1:9093","b2:9093"]',
      tlsEnabled: 'true',
      skipTlsVerify: 'false',
      saslMechanism: 'scram-sha512',
      saslUsername: 'admin',
      saslPassword: '[secret]',
    });
    expect(JSON.stringify(c.resources)).not.toContain('s3cret-value');
  });

  it('registers oauthbearer with token url and mutual TLS key as a secret', async () => {
    const c = await capture(() => {
      kafkaProvider('oauth', {
        bootstrapServers: ['b1:9093'],
        tlsEnabled: true,
        caCert: 'CA-PEM',
        clientCert: 'CERT-PEM',
        clientKey: pulumi.secret('KEY-PEM-private'),
        kafkaVersion: '3.9.0',
        timeoutSeconds: 30,
        sasl: {
          mechanism: 'oauthbearer',
          username: 'client-id',
          password: pulumi.secret('client-secret-1'),
          tokenUrl: 'https://idp.example/token',
          oauthScopes: ['kafka'],
        },
      });
    });
    expect(c.find(PROVIDER, 'oauth').inputs).toEqual({
      bootstrapServers: '["b1:9093"]',
      caCert: 'CA-PEM',
      clientCert: 'CERT-PEM',
      clientKey: '[secret]',
      kafkaVersion: '3.9.0',
      timeout: '30',
      tlsEnabled: 'true',
      skipTlsVerify: 'false',
      saslMechanism: 'oauthbearer',
      saslUsername: 'client-id',
      saslPassword: '[secret]',
      saslTokenUrl: 'https://idp.example/token',
      saslOauthScopes: '["kafka"]',
    });
  });

  describe('validation', () => {
    beforeAll(() =>
      pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
    );
    it.each([
      [{ bootstrapServers: [], tlsEnabled: true } as object, 'KAFKA_BOOTSTRAP_SERVERS', /at least one host:port/],
      [
        { bootstrapServers: ['nohost'], tlsEnabled: true },
        'KAFKA_BOOTSTRAP_SERVERS',
        /bootstrapServers\[0\] must be .*host:port; got "nohost"/,
      ],
      [
        { bootstrapServers: ['b:9092'] },
        'KAFKA_TLS_NOT_EXPLICIT',
        /tlsEnabled must be set to true or false explicitly/,
      ],
      [
        { bootstrapServers: ['b:9092'], tlsEnabled: false, skipTlsVerify: true },
        'KAFKA_TLS_VERIFY_WITHOUT_TLS',
        /skipTlsVerify only makes sense/,
      ],
      [
        { bootstrapServers: ['b:9092'], tlsEnabled: true, clientCert: 'C' },
        'KAFKA_CLIENT_CERT_PAIR',
        /set both or neither/,
      ],
      [
        { bootstrapServers: ['b:9092'], tlsEnabled: true, clientCert: 'C', clientKey: 'K' },
        'KAFKA_SECRET_PLAIN_TEXT',
        /clientKey is a plain string/,
      ],
      [
        {
          bootstrapServers: ['b:9092'],
          tlsEnabled: true,
          sasl: { mechanism: 'gssapi', username: 'u', password: pulumi.secret('p') },
        },
        'KAFKA_SASL_MECHANISM',
        /one of plain, scram-sha256, scram-sha512, oauthbearer; got "gssapi"/,
      ],
      [
        {
          bootstrapServers: ['b:9092'],
          tlsEnabled: true,
          sasl: { mechanism: 'plain', username: 'u', password: 'clear' },
        },
        'KAFKA_SECRET_PLAIN_TEXT',
        /sasl\.password is a plain string.*requireSecret/,
      ],
      [
        {
          bootstrapServers: ['b:9092'],
          tlsEnabled: true,
          sasl: { mechanism: 'scram-sha256', username: '', password: pulumi.secret('p') },
        },
        'KAFKA_SASL_CREDENTIALS',
        /sasl\.username is required for scram-sha256/,
      ],
      [
        { bootstrapServers: ['b:9092'], tlsEnabled: true, sasl: { mechanism: 'scram-sha256', username: 'u' } },
        'KAFKA_SASL_CREDENTIALS',
        /sasl\.password is required/,
      ],
      [
        {
          bootstrapServers: ['b:9092'],
          tlsEnabled: true,
          sasl: { mechanism: 'oauthbearer', username: 'u', password: pulumi.secret('p') },
        },
        'KAFKA_SASL_TOKEN_URL',
        /tokenUrl is required for oauthbearer/,
      ],
      [
        {
          bootstrapServers: ['b:9092'],
          tlsEnabled: false,
          sasl: { mechanism: 'plain', username: 'u', password: pulumi.secret('p') },
        },
        'KAFKA_SASL_PLAIN_WITHOUT_TLS',
        /clear text; turn TLS on/,
      ],
      [
        { bootstrapServers: ['b:9092'], tlsEnabled: true, timeoutSeconds: 0 },
        'KAFKA_PROVIDER_TIMEOUT',
        /timeoutSeconds must be an integer between 1 s and 3600 s; got 0/,
      ],
      [
        { bootstrapServers: ['b:9092'], tlsEnabled: true, kafkaVersion: '4.0' },
        'KAFKA_PROVIDER_VERSION',
        /MAJOR\.MINOR\.PATCH; got "4\.0"/,
      ],
    ])('refuses case %#', (args, code, message) => {
      const e = thrown(() => kafkaProvider('p', args as never));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  });
});

describe('resource options eventform sets', () => {
  it('retains topics on delete by default, makes them depend on the guard, and honours an override', async () => {
    const seen: { type: string; name: string; opts: pulumi.ResourceOptions }[] = [];
    const record: pulumi.ResourceTransformation = (a) => {
      seen.push({ type: a.type, name: a.name, opts: a.opts });
      return undefined;
    };
    await capture(() => {
      new Topic('kept', { name: 'kept', partitions: 1, replicationFactor: 1 }, { transformations: [record] });
      new Topic(
        'scratch',
        { name: 'scratch', partitions: 1, replicationFactor: 1, retainOnDelete: false },
        { transformations: [record] },
      );
    });
    const topic = (name: string) => seen.find((s) => s.type === TOPIC && s.name === name)!.opts;
    expect(topic('kept').retainOnDelete).toBe(true);
    expect(topic('scratch').retainOnDelete).toBe(false);
    expect((topic('kept').dependsOn as pulumi.Resource[]).length).toBe(1);
  });
});
