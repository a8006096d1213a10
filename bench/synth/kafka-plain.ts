/**
 * Plain @pulumi/kafka version of the Kafka workload (see kafka-shape.ts), run under Pulumi's mock runtime, producing
 * the resources eventform's Kafka components register: per topic a hand-written dynamic resource that refuses
 * lowering the partition count (what eventform's partition guard does), the topic (retained on delete) and the
 * producer's and consumer group's ACLs.
 */
import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
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

interface GuardInputs {
  readonly topicName: string;
  readonly partitions: number;
}

const guardProvider: pulumi.dynamic.ResourceProvider = {
  async check(olds: Partial<GuardInputs>, news: GuardInputs) {
    const lowered = typeof olds?.partitions === 'number' && news.partitions < olds.partitions;
    return {
      inputs: news,
      failures: lowered ? [{ property: 'partitions', reason: 'partitions can only grow' }] : [],
    };
  },
  async create(inputs: GuardInputs) {
    return { id: inputs.topicName, outs: inputs };
  },
};

class PartitionGuard extends pulumi.dynamic.Resource {
  constructor(name: string, inputs: GuardInputs, opts?: pulumi.CustomResourceOptions) {
    super(guardProvider, name, { ...inputs }, opts, 'eventform', 'PartitionGuard');
  }
}

runScenario(async (size) => {
  const { settle } = await installMocks();
  const created: pulumi.Resource[] = [];
  const provider = new kafka.Provider('kafka', {
    bootstrapServers: BOOTSTRAP_SERVERS,
    tlsEnabled: true,
    skipTlsVerify: false,
  });
  created.push(provider);
  const acl = (name: string, args: Omit<kafka.AclArgs, 'aclHost' | 'aclPermissionType'>): void => {
    created.push(new kafka.Acl(name, { ...args, aclHost: '*', aclPermissionType: 'Allow' }, { provider }));
  };
  for (let i = 0; i < size; i++) {
    const name = topicName(i);
    const guard = new PartitionGuard(`${name}-partition-guard`, { topicName: name, partitions: PARTITIONS });
    const topic = new kafka.Topic(
      name,
      { name, partitions: PARTITIONS, replicationFactor: REPLICATION_FACTOR, config: { ...TOPIC_CONFIG } },
      { provider, dependsOn: [guard], retainOnDelete: true },
    );
    created.push(guard, topic);
    for (const operation of ['Write', 'Describe']) {
      acl(`${name}-producer-topic-${operation.toLowerCase()}`, {
        aclResourceType: 'Topic',
        aclResourceName: topic.name,
        resourcePatternTypeFilter: 'Literal',
        aclPrincipal: producerPrincipal(i),
        aclOperation: operation,
      });
    }
    for (const operation of ['Read', 'Describe']) {
      acl(`${name}-consumer-topic-${operation.toLowerCase()}`, {
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
