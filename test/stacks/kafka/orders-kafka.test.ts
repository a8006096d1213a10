import { capture, stubDynamicProviderSerialization } from '../../constructs/kafka/capture-helpers';
import { EXAMPLE_CONFIG, EXAMPLE_SECRET_CONFIG, PROJECT } from '../../../stacks/kafka/example-config';

stubDynamicProviderSerialization();

const run = () =>
  capture(() => import('../../../stacks/kafka/orders-kafka').then((m) => m.ordersKafka()), {
    project: PROJECT,
    stack: 'dev',
    config: EXAMPLE_CONFIG,
    secretConfig: EXAMPLE_SECRET_CONFIG,
  });

let c: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  c = await run();
});

describe('stacks/kafka orders program', () => {
  it('registers the resources architecture.md lists', () => {
    const count = (type: string) => c.ofType(type).length;
    expect(count('kafka:index/topic:Topic')).toBe(2);
    expect(count('kafka:index/acl:Acl')).toBe(7);
    expect(count('pulumi-nodejs:dynamic/eventform:SchemaSubject')).toBe(1);
    expect(count('pulumi-nodejs:dynamic/eventform:Connector')).toBe(2);
    expect(count('pulumi:providers:kafka')).toBe(1);
    expect(c.resources).toHaveLength(20);
  });

  it('topic orders: 3 partitions, replication 3, 7 days, lz4, at-least-once configs', () => {
    expect(c.find('kafka:index/topic:Topic', 'orders').inputs).toEqual({
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: {
        'compression.type': 'lz4',
        'min.insync.replicas': '2',
        'retention.ms': '604800000',
        'unclean.leader.election.enable': 'false',
      },
    });
    expect(c.find('kafka:index/topic:Topic', 'orders-dead-letter').inputs).toMatchObject({
      name: 'orders-dead-letter',
      config: { 'retention.ms': '1209600000' },
    });
    expect(c.outputs).toMatchObject({
      ordersTopic: 'orders',
      deadLetterTopic: 'orders-dead-letter',
      ordersClientSettings: {
        guarantee: 'at-least-once',
        producer: { acks: 'all' },
        consumer: { 'enable.auto.commit': 'false' },
      },
    });
  });

  it('connection settings come from config, password as a secret, TLS explicit', () => {
    expect(c.find('pulumi:providers:kafka', 'orders-cluster').inputs).toEqual({
      bootstrapServers: JSON.stringify(EXAMPLE_CONFIG.bootstrapServers.split(',')),
      tlsEnabled: 'true',
      skipTlsVerify: 'false',
      saslMechanism: 'scram-sha512',
      saslUsername: 'eventform-admin',
      saslPassword: '[secret]',
    });
  });

  it('ACLs: the producer writes orders, the consumer group reads orders and writes the dead-letter topic', () => {
    const rules = c
      .ofType('kafka:index/acl:Acl')
      .map(
        (r) =>
          `${r.inputs.aclPrincipal} ${r.inputs.aclOperation} ${r.inputs.aclResourceType}:${r.inputs.aclResourceName}`,
      )
      .sort();
    expect(rules).toEqual([
      'User:order-processor Describe Topic:orders',
      'User:order-processor Describe Topic:orders-dead-letter',
      'User:order-processor Read Group:order-processors',
      'User:order-processor Read Topic:orders',
      'User:order-processor Write Topic:orders-dead-letter',
      'User:order-service Describe Topic:orders',
      'User:order-service Write Topic:orders',
    ]);
  });

  it('subject orders-value: BACKWARD, the Order Avro schema', () => {
    const s = c.find('pulumi-nodejs:dynamic/eventform:SchemaSubject', 'orders-value').inputs;
    expect(s).toMatchObject({
      subject: 'orders-value',
      compatibility: 'BACKWARD',
      schemaType: 'AVRO',
      registryPassword: '[secret]',
    });
    expect(JSON.parse(s.schema as string)).toMatchObject({ name: 'Order', namespace: 'com.example.orders' });
  });

  it('connectors: Debezium source with pgoutput and a secret password, BigQuery sink', () => {
    const src = c.find('pulumi-nodejs:dynamic/eventform:Connector', 'orders-postgres-source').inputs;
    expect(src).toMatchObject({
      connectUrl: 'https://connect.example.internal:8083',
      connectorName: 'orders-postgres-source',
      secretConfig: '[secret]',
      config: {
        'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
        'plugin.name': 'pgoutput',
        'topic.prefix': 'orders-db',
        'slot.name': 'orders_debezium',
        'publication.name': 'orders_publication',
        'table.include.list': 'public.orders,public.customers',
        'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
      },
    });
    expect((src.config as Record<string, string>)['database.password']).toBeUndefined();
    expect(c.find('pulumi-nodejs:dynamic/eventform:Connector', 'orders-bigquery-sink').inputs.config).toMatchObject({
      'connector.class': 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
      project: 'my-gcp-project',
      defaultDataset: 'kafka_dataset',
      topics: 'orders-db.public.orders,orders-db.public.customers',
      keySource: 'FILE',
      keyfile: '/opt/kafka/secrets/bigquery-key.json',
    });
  });

  it('no secret value appears anywhere in the captured output', () => {
    expect(c.secretLeaks).toEqual([]);
    const text = JSON.stringify({ resources: c.resources, outputs: c.outputs });
    for (const secret of Object.values(EXAMPLE_SECRET_CONFIG)) expect(text).not.toContain(secret);
  });

  it('matches the reviewed pulumi.out snapshot', () => {
    expect(c.resources).toMatchSnapshot();
  });
});
