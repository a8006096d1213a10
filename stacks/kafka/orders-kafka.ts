import * as pulumi from '@pulumi/pulumi';
import {
  bigQuerySink,
  Connector,
  ConsumerGroupAcls,
  debeziumPostgresSource,
  DeliveryProfile,
  kafkaConnectionFromConfig,
  kafkaProvider,
  ProducerAcls,
  SchemaSubject,
  Topic,
} from '../../constructs/kafka';
import { ORDER_SCHEMA } from '../shared/order-schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The orders Kafka program from the seed: topic `orders` (3 partitions, replication 3, 7-day retention, lz4) and its
 * dead-letter topic, least-privilege ACLs for the order service (producer) and the `order-processors` consumer
 * group, the Schema Registry subject `orders-value` (BACKWARD) with the Order Avro schema, a Debezium PostgreSQL
 * source and a BigQuery sink connector.
 *
 * Every connection setting and secret comes from Pulumi config (project `orders-kafka`):
 * `bootstrapServers` (comma-separated host:port), `tlsEnabled`, `saslMechanism`, `saslUsername`, secret
 * `saslPassword`; `schemaRegistryUrl`, `schemaRegistryUsername`, secret `schemaRegistryPassword`; `connectUrl`;
 * `ordersDbHost`, `ordersDbName`, `ordersDbUser`, secret `ordersDbPassword`; `bigqueryProject`, `bigqueryDataset`,
 * `bigqueryKeyfile` (path of the service-account key file on the Connect workers).
 */
export function ordersKafka() {
  const cfg = new pulumi.Config();
  const provider = kafkaProvider('orders-cluster', kafkaConnectionFromConfig(cfg));
  const kafkaOpts = { providers: [provider] };

  const orders = new Topic(
    'orders',
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { retentionMs: 7 * DAY_MS, compressionType: 'lz4' },
      deliveryProfile: DeliveryProfile.atLeastOnce(),
    },
    kafkaOpts,
  );
  const deadLetter = new Topic(
    'orders-dead-letter',
    {
      name: 'orders-dead-letter',
      partitions: 3,
      replicationFactor: 3,
      config: { retentionMs: 14 * DAY_MS, compressionType: 'lz4' },
      deliveryProfile: DeliveryProfile.atLeastOnce(),
    },
    kafkaOpts,
  );

  new ProducerAcls(
    'order-service',
    { principal: 'User:order-service', topics: ['orders'] },
    { ...kafkaOpts, dependsOn: [orders] },
  );
  new ConsumerGroupAcls(
    'order-processors',
    { principal: 'User:order-processor', topics: ['orders'], group: 'order-processors' },
    { ...kafkaOpts, dependsOn: [orders] },
  );
  new ProducerAcls(
    'order-processors-dead-letter',
    { principal: 'User:order-processor', topics: ['orders-dead-letter'] },
    { ...kafkaOpts, dependsOn: [deadLetter] },
  );

  const subject = new SchemaSubject('orders-value', {
    registryUrl: cfg.require('schemaRegistryUrl'),
    registryAuth: {
      username: cfg.require('schemaRegistryUsername'),
      password: cfg.requireSecret('schemaRegistryPassword'),
    },
    subject: 'orders-value',
    schema: ORDER_SCHEMA,
    compatibility: 'BACKWARD',
  });

  const connectUrl = cfg.require('connectUrl');
  const source = new Connector('orders-postgres-source', {
    connectUrl,
    name: 'orders-postgres-source',
    ...debeziumPostgresSource({
      hostname: cfg.require('ordersDbHost'),
      user: cfg.require('ordersDbUser'),
      password: cfg.requireSecret('ordersDbPassword'),
      databaseName: cfg.require('ordersDbName'),
      topicPrefix: 'orders-db',
      tableIncludeList: ['public.orders', 'public.customers'],
      slotName: 'orders_debezium',
      publicationName: 'orders_publication',
    }),
  });
  const sink = new Connector('orders-bigquery-sink', {
    connectUrl,
    name: 'orders-bigquery-sink',
    ...bigQuerySink({
      project: cfg.require('bigqueryProject'),
      defaultDataset: cfg.require('bigqueryDataset'),
      topics: ['orders-db.public.orders', 'orders-db.public.customers'],
      keyfile: cfg.require('bigqueryKeyfile'),
    }),
  });

  return {
    ordersTopic: orders.topicName,
    deadLetterTopic: deadLetter.topicName,
    ordersClientSettings: orders.clientSettings,
    ordersValueSchemaId: subject.schemaId,
    sourceConnector: source.connectorName,
    sinkConnector: sink.connectorName,
  };
}
