/**
 * Plain @pulumi/kafka version of the Kafka workload (see kafka-shape.ts), run under Pulumi's mock runtime, producing
 * the resources eventform's Kafka components register.
 */
import * as kafka from '@pulumi/kafka';
import type * as pulumi from '@pulumi/pulumi';
import { runScenario } from '../lib/scenario';
import { installMocks } from './kafka-mocks';
import {
  BOOTSTRAP_SERVERS,
  PARTITIONS,
  REPLICATION_FACTOR,
  TOPIC_CONFIG,
  consumerGroup,
  consumerPrincipal,
  producerPrincipal,
  topicName,
} from './kafka-shape';

runScenario(async (size) => {
  const { settle } = await installMocks();
  const created: pulumi.Resource[] = [];
  const provider = new kafka.Provider('kafka', { bootstrapServers: BOOTSTRAP_SERVERS, tlsEnabled: true });
  created.push(provider);
  const acl = (name: string, args: Omit<kafka.AclArgs, 'aclHost' | 'aclPermissionType'>): void => {
    created.push(new kafka.Acl(name, { ...args, aclHost: '*', aclPermissionType: 'Allow' }, { provider }));
  };
  for (let i = 0; i < size; i++) {
    const name = topicName(i);
    const topic = new kafka.Topic(
      name,
      { name, partitions: PARTITIONS, replicationFactor: REPLICATION_FACTOR, config: { ...TOPIC_CONFIG } },
      { provider },
    );
    created.push(topic);
    for (const operation of ['Write', 'Describe']) {
      acl(`${name}-producer-${operation.toLowerCase()}`, {
        aclResourceType: 'Topic',
        aclResourceName: topic.name,
        resourcePatternTypeFilter: 'Literal',
        aclPrincipal: producerPrincipal(i),
        aclOperation: operation,
      });
    }
    for (const operation of ['Read', 'Describe']) {
      acl(`${name}-consumer-${operation.toLowerCase()}`, {
        aclResourceType: 'Topic',
        aclResourceName: topic.name,
        resourcePatternTypeFilter: 'Literal',
        aclPrincipal: consumerPrincipal(i),
        aclOperation: operation,
      });
    }
    acl(`${name}-consumer-group-read`, {
      aclResourceType: 'Group',
      aclResourceName: consumerGroup(i),
      resourcePatternTypeFilter: 'Literal',
      aclPrincipal: consumerPrincipal(i),
      aclOperation: 'Read',
    });
  }
  return settle(created);
});
