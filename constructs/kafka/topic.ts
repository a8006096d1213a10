import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import { PropsValidator } from '../../lib/validation';
import {
  planConsumerGroupAccess,
  planProducerAccess,
  planTransactionalProducerAccess,
  type AclPatternType,
} from '../../lib/kafka/acl-plan';
import type { DeliveryClientSettings, DeliveryProfile } from '../../lib/kafka/delivery-profile';
import type { KafkaBrokerVersion, TopicConfig } from '../../lib/kafka/topic-config';
import { checkTopicSpec } from '../../lib/kafka/topic-spec';
import { PartitionGuard } from './partition-guard';
import { TopicGrants } from './topic-grants';

/** Options of {@link Topic.grantProduce}. */
export interface TopicProduceGrantOptions {
  /** Client host the rules apply to. @default '*' (any host) */
  readonly host?: string;
  /**
   * The producer's `transactional.id` (or prefix): also grants Write and Describe on it, as an exactly-once
   * producer needs. @default - no transactional id
   */
  readonly transactionalId?: string;
  /** Whether `transactionalId` is exact or a prefix. @default 'LITERAL' */
  readonly transactionalIdPatternType?: AclPatternType;
}

/** Options of {@link Topic.grantConsume}. */
export interface TopicConsumeGrantOptions {
  /** Client host the rules apply to. @default '*' (any host) */
  readonly host?: string;
  /** Whether the group is an exact id or a prefix. @default 'LITERAL' */
  readonly groupPatternType?: AclPatternType;
}

/** Arguments of {@link Topic}. */
export interface TopicArgs {
  /**
   * The Kafka topic name, always explicit (Pulumi's random suffix never applies): 1-249 characters of
   * `[a-zA-Z0-9._-]`. Changing it creates a new topic.
   */
  readonly name: string;
  /** Number of partitions. Can only grow: a lower value fails preview (`KAFKA_TOPIC_PARTITIONS_DECREASE`). */
  readonly partitions: number;
  /** Replicas per partition (1-32767). */
  readonly replicationFactor: number;
  /** Typed topic config, checked against the broker's rules and written as strings. @default - broker defaults */
  readonly config?: TopicConfig;
  /** Raw topic config keys without a typed field; values are strings. @default - none */
  readonly extraConfig?: Record<string, pulumi.Input<string>>;
  /** Broker version whose config rules apply (Kafka 4.0 removed three keys). @default '4.0' */
  readonly brokerVersion?: KafkaBrokerVersion;
  /**
   * Delivery guarantee: adds the topic configs it needs and exposes the client settings as `clientSettings`.
   * @default - no profile, no client settings
   */
  readonly deliveryProfile?: DeliveryProfile;
  /**
   * Keep the topic and its messages on the cluster when the resource is deleted from the program.
   * @default true
   */
  readonly retainOnDelete?: boolean;
}

/**
 * A Kafka topic with validated config: explicit name, typed config checked at preview time, partitions that can
 * only grow (a partition guard fails preview instead of letting the provider recreate the topic), retained on
 * delete by default, and optional delivery-profile settings.
 *
 * ```ts
 * const orders = new Topic('orders', {
 *   name: 'orders', partitions: 3, replicationFactor: 3,
 *   config: { retentionMs: 7 * 24 * 3600 * 1000, compressionType: 'lz4' },
 * }, { provider });
 * ```
 */
export class Topic extends pulumi.ComponentResource {
  /** The Kafka topic name. */
  readonly topicName: pulumi.Output<string>;
  /** The partition count. */
  readonly partitions: pulumi.Output<number>;
  /** The config written to Kafka (key to string value). */
  readonly config: pulumi.Output<Record<string, string>>;
  /** Producer and consumer settings of the delivery profile; undefined without a profile. */
  readonly clientSettings: pulumi.Output<DeliveryClientSettings | undefined>;
  /** The underlying `kafka.Topic`. */
  readonly topic: kafka.Topic;
  /** The ACLs granted on this topic through grantProduce / grantConsume. */
  private readonly grants: TopicGrants;

  constructor(name: string, args: TopicArgs, opts?: pulumi.ComponentResourceOptions) {
    super('eventform:kafka:Topic', name, {}, opts);
    const rendered = Topic.validate(name, args);
    this.grants = new TopicGrants(this, name);

    const guard = new PartitionGuard(
      `${name}-partition-guard`,
      { topicName: args.name, partitions: args.partitions },
      { parent: this },
    );
    this.topic = new kafka.Topic(
      name,
      {
        name: args.name,
        partitions: args.partitions,
        replicationFactor: args.replicationFactor,
        config: rendered,
      },
      { parent: this, dependsOn: [guard], retainOnDelete: args.retainOnDelete ?? true },
    );
    this.topicName = this.topic.name;
    this.partitions = this.topic.partitions;
    this.config = pulumi.output(rendered);
    this.clientSettings = pulumi.output(args.deliveryProfile?.clientSettings());
    this.registerOutputs({
      topicName: this.topicName,
      partitions: this.partitions,
      config: this.config,
      clientSettings: this.clientSettings,
    });
  }

  /**
   * Least-privilege producer access to this topic: Write and Describe for `principal`, plus Write and Describe on its
   * transactional id when given (an exactly-once producer needs them). The ACLs are children of this topic, named
   * `<topic>-produce-<principal>[-host-<host>]-<resource>-<operation>`, so no extra component is registered and
   * adding or reordering grants renames nothing. A rule an earlier grant on this topic already created is not
   * repeated; returns the ACLs this call created. Use {@link ProducerAcls} for several topics, prefixes, or a
   * principal known only at deploy time.
   *
   * ```ts
   * orders.grantProduce('User:order-service');
   * ```
   */
  grantProduce(principal: string, options: TopicProduceGrantOptions = {}): kafka.Acl[] {
    const spec = { principal, host: options.host, topics: [this.topicName] };
    return this.grants.grant({
      kind: 'produce',
      method: 'grantProduce',
      names: { principal, transactionalId: options.transactionalId },
      plan:
        options.transactionalId === undefined
          ? planProducerAccess(spec, pulumi.Output.isInstance)
          : planTransactionalProducerAccess(
              {
                ...spec,
                transactionalId: options.transactionalId,
                transactionalIdPatternType: options.transactionalIdPatternType,
              },
              pulumi.Output.isInstance,
            ),
    });
  }

  /**
   * Least-privilege consumer-group access to this topic: Read and Describe on the topic and Read on `group` for
   * `principal`. The ACLs are children of this topic, named `<topic>-consume-<principal>[-host-<host>]-...`; a
   * second group for the same principal adds only that group's Read. Returns the ACLs this call created. Use
   * {@link ConsumerGroupAcls} for several topics, prefixes, or values known only at deploy time.
   *
   * ```ts
   * orders.grantConsume('User:order-processor', 'order-processors');
   * ```
   */
  grantConsume(principal: string, group: string, options: TopicConsumeGrantOptions = {}): kafka.Acl[] {
    return this.grants.grant({
      kind: 'consume',
      method: 'grantConsume',
      names: { principal, group },
      plan: planConsumerGroupAccess(
        {
          principal,
          host: options.host,
          topics: [this.topicName],
          group,
          groupPatternType: options.groupPatternType,
        },
        pulumi.Output.isInstance,
      ),
    });
  }

  /** Validates the args and returns the config map Kafka receives (profile configs first, explicit ones win). */
  private static validate(name: string, args: TopicArgs): Record<string, pulumi.Input<string>> {
    const spec = checkTopicSpec(
      {
        name: args?.name,
        partitions: args?.partitions,
        replicationFactor: args?.replicationFactor,
        config: args?.config,
        extraConfig: args?.extraConfig,
        brokerVersion: args?.brokerVersion,
      },
      pulumi.Output.isInstance,
    );
    const issues = [...spec.issues];
    const profile = args?.deliveryProfile;
    const rf = typeof args?.replicationFactor === 'number' ? args.replicationFactor : 1;
    if (profile) issues.push(...profile.conflicts(spec.config, rf));
    new PropsValidator(name, pulumi.Output.isInstance).addAll(issues).throwIfAny();
    const config: Record<string, pulumi.Input<string>> = { ...(profile?.topicConfig(rf) ?? {}) };
    for (const [key, value] of Object.entries(spec.config)) {
      config[key] =
        typeof value === 'string' ? value : pulumi.output(value as pulumi.Input<string>).apply((v) => String(v));
    }
    const sorted: Record<string, pulumi.Input<string>> = {};
    for (const key of Object.keys(config).sort()) sorted[key] = config[key];
    return sorted;
  }
}
