import * as pulumi from '@pulumi/pulumi';
import { checkPartitionChange } from '../../lib/kafka/topic-spec';

/** Inputs of the partition guard: the topic it protects and its partition count. */
export interface PartitionGuardInputs {
  /** The Kafka topic name. */
  readonly topicName: string;
  /** The partition count the program asks for. */
  readonly partitions: number;
}

/**
 * Dynamic provider that remembers a topic's partition count and fails `check` (so `pulumi preview` fails) when the
 * program lowers it, before the Kafka provider could plan a delete-and-recreate of the topic.
 */
export const partitionGuardProvider: pulumi.dynamic.ResourceProvider = {
  async check(olds: Partial<PartitionGuardInputs>, news: PartitionGuardInputs): Promise<pulumi.dynamic.CheckResult> {
    const issue =
      olds && typeof olds.partitions === 'number'
        ? checkPartitionChange(news.topicName, olds.partitions, news.partitions)
        : undefined;
    return {
      inputs: news,
      failures: issue ? [{ property: 'partitions', reason: `[${issue.code}] ${issue.message}` }] : [],
    };
  },
  async diff(_id: string, olds: PartitionGuardInputs, news: PartitionGuardInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces = olds.topicName !== news.topicName ? ['topicName'] : [];
    return {
      changes: olds.topicName !== news.topicName || olds.partitions !== news.partitions,
      replaces,
      deleteBeforeReplace: false,
    };
  },
  async create(inputs: PartitionGuardInputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: inputs.topicName, outs: { topicName: inputs.topicName, partitions: inputs.partitions } };
  },
  async update(
    _id: string,
    _olds: PartitionGuardInputs,
    news: PartitionGuardInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: { topicName: news.topicName, partitions: news.partitions } };
  },
  async delete(): Promise<void> {
    // Nothing to remove: the guard only lives in Pulumi state.
  },
};

/**
 * Remembers a topic's partition count in Pulumi state and refuses a lower one at preview time. {@link Topic} creates
 * one per topic and makes the Kafka topic depend on it.
 */
export class PartitionGuard extends pulumi.dynamic.Resource {
  /** The guarded partition count. */
  declare readonly partitions: pulumi.Output<number>;

  constructor(name: string, inputs: PartitionGuardInputs, opts?: pulumi.CustomResourceOptions) {
    super(
      partitionGuardProvider,
      name,
      { ...inputs, partitions: inputs.partitions },
      opts,
      'eventform',
      'PartitionGuard',
    );
  }
}
