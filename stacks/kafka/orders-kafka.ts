import * as pulumi from '@pulumi/pulumi';
import { DeliveryProfile, Topic, kafkaProvider, type SaslMechanism } from '../../constructs/kafka';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The orders Kafka program from the seed: topic `orders` (3 partitions, replication 3, 7-day retention, lz4) and
 * its dead-letter topic. Every connection setting and secret comes from Pulumi config.
 *
 * Config (project `orders-kafka`): `bootstrapServers` (comma-separated host:port), `tlsEnabled`, `saslMechanism`,
 * `saslUsername`, secret `saslPassword`.
 */
export function ordersKafka() {
  const cfg = new pulumi.Config();
  const provider = kafkaProvider('orders-cluster', {
    bootstrapServers: cfg
      .require('bootstrapServers')
      .split(',')
      .map((s) => s.trim()),
    tlsEnabled: cfg.requireBoolean('tlsEnabled'),
    sasl: {
      mechanism: cfg.require('saslMechanism') as SaslMechanism,
      username: cfg.require('saslUsername'),
      password: cfg.requireSecret('saslPassword'),
    },
  });
  const opts = { providers: [provider] };

  const orders = new Topic(
    'orders',
    {
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { retentionMs: 7 * DAY_MS, compressionType: 'lz4' },
      deliveryProfile: DeliveryProfile.atLeastOnce(),
    },
    opts,
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
    opts,
  );

  return {
    ordersTopic: orders.topicName,
    deadLetterTopic: deadLetter.topicName,
    ordersClientSettings: orders.clientSettings,
  };
}
