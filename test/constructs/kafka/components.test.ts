import { transformSync } from '@swc/core';
import * as pulumi from '@pulumi/pulumi';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ClientQuota,
  kafkaConnectionFromConfig,
  ConsumerGroupAcls,
  DeliveryProfile,
  kafkaProvider,
  partitionGuardProvider,
  ProducerAcls,
  Topic,
  TransactionalProducerAcls,
} from '../../../constructs/kafka';
import { capture, stubDynamicProviderSerialization, thrown } from './capture-helpers';

// Pulumi mock tests of the engine components (topic, provider settings, ACLs, quotas, README examples), in one
// suite so @pulumi/pulumi loads once.
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

describe('kafkaConnectionFromConfig', () => {
  it('reads servers, TLS, mutual TLS and SASL oauthbearer from config, secrets stay secrets', async () => {
    const c = await capture(
      () => {
        kafkaProvider('from-config', kafkaConnectionFromConfig());
      },
      {
        config: {
          bootstrapServers: 'b1:9093, b2:9093',
          tlsEnabled: 'true',
          caCert: 'CA',
          clientCert: 'CERT',
          saslMechanism: 'oauthbearer',
          saslUsername: 'client-id',
          saslTokenUrl: 'https://idp/token',
        },
        secretConfig: { saslPassword: 'oauth-secret-123', clientKey: 'client-key-456' },
      },
    );
    expect(c.find(PROVIDER, 'from-config').inputs).toEqual({
      bootstrapServers: '["b1:9093","b2:9093"]',
      tlsEnabled: 'true',
      skipTlsVerify: 'false',
      caCert: 'CA',
      clientCert: 'CERT',
      clientKey: '[secret]',
      saslMechanism: 'oauthbearer',
      saslUsername: 'client-id',
      saslPassword: '[secret]',
      saslTokenUrl: 'https://idp/token',
    });
    expect(c.secretLeaks).toEqual([]);
  });

  it('without saslMechanism there is no SASL; plain over TLS off is still refused', async () => {
    const c = await capture(() => kafkaProvider('plain', kafkaConnectionFromConfig()), {
      config: { bootstrapServers: 'b1:9092', tlsEnabled: 'false' },
    });
    expect(c.find(PROVIDER, 'plain').inputs).toEqual({
      bootstrapServers: '["b1:9092"]',
      tlsEnabled: 'false',
      skipTlsVerify: 'false',
      saslMechanism: 'plain',
    });
    const e = await capture(() => kafkaProvider('bad', kafkaConnectionFromConfig()), {
      config: { bootstrapServers: 'b1:9092', tlsEnabled: 'false', saslMechanism: 'plain', saslUsername: 'u' },
      secretConfig: { saslPassword: 'pw-1234' },
    }).catch((x) => x);
    expect(e.code).toBe('KAFKA_SASL_PLAIN_WITHOUT_TLS');
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

const ACL = 'kafka:index/acl:Acl';
const acl = (resourceType: string, name: string, pattern: string, op: string, principal: string) => ({
  aclResourceType: resourceType,
  aclResourceName: name,
  resourcePatternTypeFilter: pattern,
  aclOperation: op,
  aclPermissionType: 'Allow',
  aclPrincipal: principal,
  aclHost: '*',
});

describe('Topic grants', () => {
  it('grantProduce and grantConsume create least-privilege ACLs on the topic itself, as its children', async () => {
    const parents: { name: string; parent?: pulumi.Resource }[] = [];
    let orders: Topic | undefined;
    const c = await capture(() => {
      orders = new Topic(
        'orders',
        { name: 'orders', partitions: 3, replicationFactor: 1 },
        {
          transformations: [
            (a) => {
              if (a.type === ACL) parents.push({ name: a.name, parent: a.opts.parent });
              return undefined;
            },
          ],
        },
      );
      orders.grantProduce('User:order-service');
      orders.grantProduce('User:payments', { transactionalId: 'payments-', transactionalIdPatternType: 'PREFIXED' });
      orders.grantConsume('User:order-processor', 'order-processors', { host: '10.0.0.7' });
    });
    const byName = Object.fromEntries(c.ofType(ACL).map((r) => [r.name, r.inputs]));
    expect(byName).toEqual({
      'orders-produce-User_order-service-topic-write': acl('Topic', 'orders', 'Literal', 'Write', 'User:order-service'),
      'orders-produce-User_order-service-topic-describe': acl(
        'Topic',
        'orders',
        'Literal',
        'Describe',
        'User:order-service',
      ),
      'orders-produce-User_payments-topic-write': acl('Topic', 'orders', 'Literal', 'Write', 'User:payments'),
      'orders-produce-User_payments-topic-describe': acl('Topic', 'orders', 'Literal', 'Describe', 'User:payments'),
      'orders-produce-User_payments-transactionalid-payments--write': acl(
        'TransactionalID',
        'payments-',
        'Prefixed',
        'Write',
        'User:payments',
      ),
      'orders-produce-User_payments-transactionalid-payments--describe': acl(
        'TransactionalID',
        'payments-',
        'Prefixed',
        'Describe',
        'User:payments',
      ),
      'orders-consume-User_order-processor-host-10.0.0.7-topic-read': {
        ...acl('Topic', 'orders', 'Literal', 'Read', 'User:order-processor'),
        aclHost: '10.0.0.7',
      },
      'orders-consume-User_order-processor-host-10.0.0.7-topic-describe': {
        ...acl('Topic', 'orders', 'Literal', 'Describe', 'User:order-processor'),
        aclHost: '10.0.0.7',
      },
      'orders-consume-User_order-processor-host-10.0.0.7-group-order-processors-read': {
        ...acl('Group', 'order-processors', 'Literal', 'Read', 'User:order-processor'),
        aclHost: '10.0.0.7',
      },
    });
    // Children of the topic component (they inherit its provider); no extra component resource is registered.
    expect(parents).toHaveLength(9);
    expect(parents.every((p) => p.parent === orders)).toBe(true);
    expect(c.resources.filter((r) => r.type.startsWith('eventform:kafka:')).map((r) => r.type)).toEqual([
      'eventform:kafka:Topic',
    ]);
  });

  it('adds only the new rules when a principal gets a second group or a transactional id, and refuses an exact repeat', async () => {
    let second: string[] = [];
    let txn: string[] = [];
    let repeated: ReturnType<typeof thrown> | undefined;
    let invalidTwice: (string | undefined)[] = [];
    await capture(() => {
      const topic = new Topic('dup', { name: 'dup', partitions: 1, replicationFactor: 1 });
      topic.grantConsume('User:a', 'g1');
      // Topic Read and Describe exist already: only the second group's Read is new.
      second = topic.grantConsume('User:a', 'g2').map((a) => (a as unknown as { __name: string }).__name);
      // Write is new, Describe on the topic was granted by the consume grant; the transactional id rules are new.
      txn = topic
        .grantProduce('User:a', { transactionalId: 'a-txn' })
        .map((a) => (a as unknown as { __name: string }).__name);
      repeated = thrown(() => topic.grantConsume('User:a', 'g1'));
      // A refused grant records nothing: the same mistake gives the same error twice.
      invalidTwice = [thrown(() => topic.grantProduce('nope')).code, thrown(() => topic.grantProduce('nope')).code];
    });
    expect(second).toEqual(['dup-consume-User_a-group-g2-read']);
    expect(txn).toEqual([
      'dup-produce-User_a-topic-write',
      'dup-produce-User_a-transactionalid-a-txn-write',
      'dup-produce-User_a-transactionalid-a-txn-describe',
    ]);
    expect(repeated?.code).toBe('KAFKA_GRANT_DUPLICATE');
    expect(repeated?.message).toMatch(
      /^dup: \[KAFKA_GRANT_DUPLICATE\] principal: grantConsume grants nothing new.*"User:a"/,
    );
    expect(invalidTwice).toEqual(['KAFKA_ACL_PRINCIPAL', 'KAFKA_ACL_PRINCIPAL']);
  });

  it('names ACLs from the principal, host and resource, never from call order', async () => {
    const c = await capture(() => {
      const topic = new Topic('t', { name: 't', partitions: 1, replicationFactor: 1 });
      topic.grantProduce('User:a@b');
      topic.grantProduce('User:a+b');
      topic.grantProduce('User:a@b', { host: '10.0.0.7' });
    });
    const names = c.ofType(ACL).map((r) => r.name);
    // Two principals that read the same once unsafe characters are replaced keep apart by a hash of the principal.
    const at = names.filter((n) => n.startsWith('t-produce-User_a_b-') && !n.includes('-host-'));
    expect(new Set(at.map((n) => n.split('-')[3])).size).toBe(2);
    expect(at.every((n) => /^t-produce-User_a_b-[0-9a-f]{8}-topic-(write|describe)$/.test(n))).toBe(true);
    expect(names.filter((n) => n.includes('-host-10.0.0.7-'))).toHaveLength(2);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses names known only at deploy time, which would make the ACL names unstable', async () => {
    let unresolved: ReturnType<typeof thrown> | undefined;
    await capture(() => {
      const topic = new Topic('late', { name: 'late', partitions: 1, replicationFactor: 1 });
      unresolved = thrown(() =>
        topic.grantConsume(pulumi.output('User:x') as unknown as string, pulumi.output('g') as unknown as string),
      );
    });
    expect(unresolved?.code).toBe('MULTIPLE_ISSUES');
    expect(unresolved?.issues?.map((i) => i.code)).toEqual([
      'KAFKA_GRANT_NAME_UNRESOLVED',
      'KAFKA_GRANT_NAME_UNRESOLVED',
    ]);
    expect(unresolved?.message).toMatch(
      /grantConsume: principal must be a plain string.*got an Output.*ConsumerGroupAcls/,
    );
  });

  it('the grant ACLs use the provider given to the topic', async () => {
    const providerOf: Record<string, string | undefined> = {};
    await pulumi.runtime.setMocks(
      {
        newResource: (a) => {
          providerOf[a.name] = a.provider;
          return { id: `${a.name}-id`, state: a.inputs };
        },
        call: (a) => a.inputs,
      },
      'project',
      'stack',
      false,
    );
    const provider = kafkaProvider('cluster', { bootstrapServers: ['b1:9093'], tlsEnabled: true });
    const topic = new Topic('p', { name: 'p', partitions: 1, replicationFactor: 1 }, { provider });
    topic.grantProduce('User:x');
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    expect(providerOf['p-produce-User_x-topic-write']).toMatch(/::pulumi:providers:kafka::cluster::/);
    expect(providerOf['p-produce-User_x-topic-describe']).toMatch(/::pulumi:providers:kafka::cluster::/);
  });
});

describe('ACL helpers', () => {
  it('grant least privilege to producer, consumer group and transactional producer', async () => {
    const c = await capture(() => {
      new ProducerAcls('order-service', { principal: 'User:order-service', topics: ['orders', 'orders-dead-letter'] });
      new ConsumerGroupAcls('order-processors', {
        principal: 'User:order-processor',
        topics: ['orders'],
        group: 'order-processors',
      });
      new TransactionalProducerAcls('payments', {
        principal: 'User:payments',
        topics: ['payments.'],
        topicPatternType: 'PREFIXED',
        transactionalId: 'payments-',
        transactionalIdPatternType: 'PREFIXED',
      });
    });
    const byName = Object.fromEntries(c.ofType(ACL).map((r) => [r.name, r.inputs]));
    expect(byName).toEqual({
      'order-service-topic-orders-write': acl('Topic', 'orders', 'Literal', 'Write', 'User:order-service'),
      'order-service-topic-orders-describe': acl('Topic', 'orders', 'Literal', 'Describe', 'User:order-service'),
      'order-service-topic-orders-dead-letter-write': acl(
        'Topic',
        'orders-dead-letter',
        'Literal',
        'Write',
        'User:order-service',
      ),
      'order-service-topic-orders-dead-letter-describe': acl(
        'Topic',
        'orders-dead-letter',
        'Literal',
        'Describe',
        'User:order-service',
      ),
      'order-processors-topic-orders-read': acl('Topic', 'orders', 'Literal', 'Read', 'User:order-processor'),
      'order-processors-topic-orders-describe': acl('Topic', 'orders', 'Literal', 'Describe', 'User:order-processor'),
      'order-processors-group-order-processors-read': acl(
        'Group',
        'order-processors',
        'Literal',
        'Read',
        'User:order-processor',
      ),
      'payments-topic-payments.-write': acl('Topic', 'payments.', 'Prefixed', 'Write', 'User:payments'),
      'payments-topic-payments.-describe': acl('Topic', 'payments.', 'Prefixed', 'Describe', 'User:payments'),
      'payments-transactionalid-payments--write': acl(
        'TransactionalID',
        'payments-',
        'Prefixed',
        'Write',
        'User:payments',
      ),
      'payments-transactionalid-payments--describe': acl(
        'TransactionalID',
        'payments-',
        'Prefixed',
        'Describe',
        'User:payments',
      ),
    });
    // Nothing on the cluster, no All/Alter operations, no Deny needed.
    expect(c.ofType(ACL).every((r) => ['Read', 'Write', 'Describe'].includes(r.inputs.aclOperation as string))).toBe(
      true,
    );
  });

  it('accepts Output topic names and a specific host', async () => {
    const c = await capture(() => {
      new ProducerAcls('late', {
        principal: pulumi.output('User:late'),
        topics: [pulumi.output('orders')],
        host: '10.0.0.7',
      });
    });
    expect(c.find(ACL, 'late-topic-0-write').inputs).toEqual({
      ...acl('Topic', 'orders', 'Literal', 'Write', 'User:late'),
      aclHost: '10.0.0.7',
    });
  });

  describe('refuses', () => {
    beforeAll(() =>
      pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
    );
    it.each([
      [
        'principal without type',
        () => new ProducerAcls('p', { principal: 'order-service', topics: ['orders'] }),
        'KAFKA_ACL_PRINCIPAL',
        /principal must be one named principal such as "User:order-service".*got "order-service"/,
      ],
      [
        'wildcard principal',
        () => new ProducerAcls('p', { principal: 'User:*', topics: ['orders'] }),
        'KAFKA_ACL_PRINCIPAL',
        /no wildcard/,
      ],
      [
        'wildcard topic',
        () => new ProducerAcls('p', { principal: 'User:a', topics: ['*'] }),
        'KAFKA_ACL_WILDCARD',
        /topics\[0\] is "\*".*not least privilege.*PREFIXED/,
      ],
      [
        'no topics',
        () => new ProducerAcls('p', { principal: 'User:a', topics: [] }),
        'KAFKA_ACL_RESOURCE_NAME',
        /topics must list at least one topic/,
      ],
      [
        'bad literal topic',
        () => new ProducerAcls('p', { principal: 'User:a', topics: ['bad topic'] }),
        'KAFKA_ACL_RESOURCE_NAME',
        /topics\[0\] must be 1-249 characters/,
      ],
      [
        'empty group',
        () => new ConsumerGroupAcls('c', { principal: 'User:a', topics: ['orders'], group: '' }),
        'KAFKA_ACL_RESOURCE_NAME',
        /group must be a non-empty Group name; got ""/,
      ],
      [
        'wildcard group',
        () => new ConsumerGroupAcls('c', { principal: 'User:a', topics: ['orders'], group: 'g*' }),
        'KAFKA_ACL_WILDCARD',
        /every Group/,
      ],
      [
        'bad pattern type',
        () =>
          new ConsumerGroupAcls('c', {
            principal: 'User:a',
            topics: ['orders'],
            group: 'g',
            groupPatternType: 'MATCH' as never,
          }),
        'KAFKA_ACL_PATTERN_TYPE',
        /groupPatternType must be LITERAL or PREFIXED; got "MATCH"/,
      ],
      [
        'bad host',
        () => new ProducerAcls('p', { principal: 'User:a', topics: ['orders'], host: '' }),
        'KAFKA_ACL_HOST',
        /host must be "\*" or a client IP address/,
      ],
      [
        'empty transactional id',
        () => new TransactionalProducerAcls('t', { principal: 'User:a', topics: ['orders'], transactionalId: '' }),
        'KAFKA_ACL_RESOURCE_NAME',
        /transactionalId must be a non-empty TransactionalID name/,
      ],
      [
        'quota entity type',
        () => new ClientQuota('q', { entityType: 'ip' as never, entityName: '1.2.3.4', producerByteRate: 1 }),
        'KAFKA_QUOTA_ENTITY',
        /entityType must be "user" or "client-id"; got "ip"/,
      ],
      [
        'quota entity name',
        () => new ClientQuota('q', { entityType: 'user', entityName: ' ', producerByteRate: 1 }),
        'KAFKA_QUOTA_ENTITY',
        /entityName must name one user/,
      ],
      [
        'quota value',
        () => new ClientQuota('q', { entityType: 'user', entityName: 'a', consumerByteRate: 0 }),
        'KAFKA_QUOTA_VALUE',
        /consumerByteRate \(consumer_byte_rate\) must be a number > 0; got 0/,
      ],
      [
        'empty quota',
        () => new ClientQuota('q', { entityType: 'user', entityName: 'a' }),
        'KAFKA_QUOTA_EMPTY',
        /at least one of producerByteRate/,
      ],
    ])('%s', (_label, build, code, message) => {
      const e = thrown(build);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  });
});

describe('ClientQuota', () => {
  it('writes Kafka quota keys as strings', async () => {
    const c = await capture(() => {
      new ClientQuota('analytics', {
        entityType: 'client-id',
        entityName: 'analytics',
        producerByteRate: 1048576,
        consumerByteRate: 5000000,
        requestPercentage: 25,
        controllerMutationRate: 10,
      });
    });
    expect(c.find('kafka:index/quota:Quota', 'analytics').inputs).toEqual({
      entityType: 'client-id',
      entityName: 'analytics',
      config: {
        producer_byte_rate: '1048576',
        consumer_byte_rate: '5000000',
        request_percentage: '25',
        controller_mutation_rate: '10',
      },
    });
  });
});

const readme = readFileSync(resolve(__dirname, '../../../constructs/kafka/README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Compiles README code and runs it with `eventform/kafka` mapped to this repository's sources. */
function runReadmeCode(code: string): unknown {
  const js = transformSync(code, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  }).code;
  const exports: Record<string, unknown> = {};
  const req = (id: string) => (id === 'eventform/kafka' ? require('../../../constructs/kafka') : require(id));
  new Function('exports', 'require', js)(exports, req);
  return exports;
}

describe('constructs/kafka README examples', () => {
  it('the smallest example and the delivery-profile example run and register what the README says', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const c = await capture(() => runReadmeCode(`${blocks[0]}\n${blocks[1]}`), {
      config: { bootstrapServers: 'b1:9093,b2:9093', tlsEnabled: 'true' },
    });
    expect(c.find('kafka:index/topic:Topic', 'orders').inputs).toEqual({
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { 'compression.type': 'lz4', 'retention.ms': '604800000' },
    });
    expect(c.find('kafka:index/topic:Topic', 'payments').inputs.config).toEqual({
      'min.insync.replicas': '2',
      'unclean.leader.election.enable': 'false',
    });
    expect(c.find('pulumi:providers:kafka', 'cluster').inputs).toMatchObject({ tlsEnabled: 'true' });
    expect(c.outputs).toMatchObject({ paymentsClientSettings: { guarantee: 'exactly-once' } });
  });
});

describe('capturePulumiProgram', () => {
  it('reports outputs unknown at preview time instead of waiting for them', async () => {
    const c = await capture(
      () => {
        const t = new Topic('previewed', { name: 'previewed', partitions: 1, replicationFactor: 1 });
        return { name: t.topicName, unknown: pulumi.output(pulumi.unknown) };
      },
      { preview: true },
    );
    expect(c.outputs).toEqual({ name: 'previewed', unknown: '[unknown]' });
    expect(c.find(TOPIC, 'previewed').inputs.name).toBe('previewed');
  });
});
