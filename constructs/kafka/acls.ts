import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import { PropsValidator } from '../../lib/validation';
import {
  planConsumerGroupAccess,
  planProducerAccess,
  planTransactionalProducerAccess,
  type AclPatternType,
  type AclPlan,
} from '../../lib/kafka/acl-plan';

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

const PATTERN = { LITERAL: 'Literal', PREFIXED: 'Prefixed' } as const;

function slug(value: unknown, index: number): string {
  return typeof value === 'string' ? value.replace(/[^A-Za-z0-9._-]/g, '_') : String(index);
}

/** Creates one `kafka.Acl` per allow rule of the plan, named `<name>-<resource>-<operation>`. */
function createAcls(parent: pulumi.ComponentResource, name: string, plan: AclPlan): kafka.Acl[] {
  new PropsValidator(name, pulumi.Output.isInstance).addAll(plan.issues).throwIfAny();
  const seen = new Map<string, number>();
  return plan.bindings.map((b) => {
    const base = `${name}-${b.resourceType.toLowerCase()}-${slug(b.resourceName, seen.size)}-${b.operation.toLowerCase()}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return new kafka.Acl(
      n === 0 ? base : `${base}-${n}`,
      {
        aclResourceType: b.resourceType,
        aclResourceName: b.resourceName as pulumi.Input<string>,
        resourcePatternTypeFilter: PATTERN[b.patternType],
        aclOperation: b.operation,
        aclPermissionType: 'Allow',
        aclPrincipal: b.principal as pulumi.Input<string>,
        aclHost: b.host,
      },
      { parent },
    );
  });
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
