import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import {
  planConsumerGroupAccess,
  planProducerAccess,
  planTransactionalProducerAccess,
  type AclPatternType,
} from '../../lib/kafka/acl-plan';
import { createAcls } from './acl-resources';

/** Who gets access. */
export interface AclSubjectArgs {
  /** Kafka principal, e.g. `User:order-service`. */
  readonly principal: pulumi.Input<string>;
  /** Client host the rules apply to. @default '*' (any host) */
  readonly host?: string;
}

/** Arguments of {@link ProducerAcls}. */
export interface ProducerAclsArgs extends AclSubjectArgs {
  /** Topics (or prefixes) the producer writes to. */
  readonly topics: pulumi.Input<string>[];
  /** Whether `topics` are exact names or prefixes. @default 'LITERAL' */
  readonly topicPatternType?: AclPatternType;
}

/** Arguments of {@link ConsumerGroupAcls}. */
export interface ConsumerGroupAclsArgs extends AclSubjectArgs {
  /** Topics (or prefixes) the group reads. */
  readonly topics: pulumi.Input<string>[];
  /** Whether `topics` are exact names or prefixes. @default 'LITERAL' */
  readonly topicPatternType?: AclPatternType;
  /** Consumer group id (or prefix). */
  readonly group: pulumi.Input<string>;
  /** Whether `group` is an exact id or a prefix. @default 'LITERAL' */
  readonly groupPatternType?: AclPatternType;
}

/** Arguments of {@link TransactionalProducerAcls}. */
export interface TransactionalProducerAclsArgs extends ProducerAclsArgs {
  /** The producer's `transactional.id` (or a prefix for several instances). */
  readonly transactionalId: pulumi.Input<string>;
  /** Whether `transactionalId` is exact or a prefix. @default 'LITERAL' */
  readonly transactionalIdPatternType?: AclPatternType;
}

/**
 * Least-privilege ACLs for a producer: Write and Describe on its topics only.
 *
 * ```ts
 * new ProducerAcls('order-service', { principal: 'User:order-service', topics: ['orders'] }, { provider });
 * ```
 */
export class ProducerAcls extends pulumi.ComponentResource {
  /** The ACLs created. */
  readonly acls: kafka.Acl[];
  constructor(name: string, args: ProducerAclsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('eventform:kafka:ProducerAcls', name, {}, opts);
    this.acls = createAcls(this, name, planProducerAccess(args, pulumi.Output.isInstance));
    this.registerOutputs({});
  }
}

/**
 * Least-privilege ACLs for a consumer group: Read and Describe on its topics, Read on its group id.
 *
 * ```ts
 * new ConsumerGroupAcls('order-processors', {
 *   principal: 'User:order-processor', topics: ['orders'], group: 'order-processors',
 * }, { provider });
 * ```
 */
export class ConsumerGroupAcls extends pulumi.ComponentResource {
  /** The ACLs created. */
  readonly acls: kafka.Acl[];
  constructor(name: string, args: ConsumerGroupAclsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('eventform:kafka:ConsumerGroupAcls', name, {}, opts);
    this.acls = createAcls(this, name, planConsumerGroupAccess(args, pulumi.Output.isInstance));
    this.registerOutputs({});
  }
}

/**
 * Least-privilege ACLs for a transactional (exactly-once) producer: Write and Describe on its topics and on its
 * transactional id.
 */
export class TransactionalProducerAcls extends pulumi.ComponentResource {
  /** The ACLs created. */
  readonly acls: kafka.Acl[];
  constructor(name: string, args: TransactionalProducerAclsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('eventform:kafka:TransactionalProducerAcls', name, {}, opts);
    this.acls = createAcls(this, name, planTransactionalProducerAccess(args, pulumi.Output.isInstance));
    this.registerOutputs({});
  }
}
