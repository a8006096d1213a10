/**
 * eventform version of the Kafka workload (see kafka-shape.ts) under Pulumi's mock runtime: kafkaProvider, Topic and
 * its grantProduce / grantConsume (ACLs as children of the topic) from `eventform/kafka` (the built package).
 */
import type * as pulumi from '@pulumi/pulumi';
import { runScenario } from '../lib/scenario';
import { installMocks } from './kafka-mocks';
import {
  BOOTSTRAP_SERVERS,
  PARTITIONS,
  REPLICATION_FACTOR,
  consumerGroup,
  consumerPrincipal,
  producerPrincipal,
  topicName,
} from './kafka-shape';

const eventform = require('eventform/kafka') as typeof import('../../constructs/kafka');

runScenario(async (size) => {
  const { settle } = await installMocks();
  const created: pulumi.Resource[] = [];
  const provider = eventform.kafkaProvider('kafka', { bootstrapServers: BOOTSTRAP_SERVERS, tlsEnabled: true });
  created.push(provider);
  for (let i = 0; i < size; i++) {
    const name = topicName(i);
    const topic = new eventform.Topic(
      name,
      {
        name,
        partitions: PARTITIONS,
        replicationFactor: REPLICATION_FACTOR,
        config: { cleanupPolicy: ['delete'], compressionType: 'lz4', minInsyncReplicas: 2, retentionMs: 604_800_000 },
      },
      { provider },
    );
    const producerAcls = topic.grantProduce(producerPrincipal(i));
    const consumerAcls = topic.grantConsume(consumerPrincipal(i), consumerGroup(i));
    created.push(topic.topic, ...producerAcls, ...consumerAcls);
  }
  return settle(created);
});
