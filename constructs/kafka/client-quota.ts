import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import { PropsValidator } from '../../lib/validation';
import { checkQuotaSpec, type QuotaEntityType } from '../../lib/kafka/quota-spec';

/** Arguments of {@link ClientQuota}. */
export interface ClientQuotaArgs {
  /** `user` (principal name) or `client-id`. */
  readonly entityType: QuotaEntityType;
  /** The user name or client id the quota limits. */
  readonly entityName: pulumi.Input<string>;
  /** Produce bandwidth per broker, bytes per second. @default - no limit */
  readonly producerByteRate?: number;
  /** Fetch bandwidth per broker, bytes per second. @default - no limit */
  readonly consumerByteRate?: number;
  /** Share of one broker thread, percent. @default - no limit */
  readonly requestPercentage?: number;
  /** Topic and partition creations/deletions per second. @default - no limit */
  readonly controllerMutationRate?: number;
}

/**
 * A Kafka client quota for one user or client id.
 *
 * ```ts
 * new ClientQuota('analytics', { entityType: 'client-id', entityName: 'analytics', consumerByteRate: 5_000_000 }, { provider });
 * ```
 */
export class ClientQuota extends pulumi.ComponentResource {
  /** The underlying `kafka.Quota`. */
  readonly quota: kafka.Quota;
  constructor(name: string, args: ClientQuotaArgs, opts?: pulumi.ComponentResourceOptions) {
    super('eventform:kafka:ClientQuota', name, {}, opts);
    const { config, issues } = checkQuotaSpec(args, pulumi.Output.isInstance);
    new PropsValidator(name, pulumi.Output.isInstance).addAll(issues).throwIfAny();
    this.quota = new kafka.Quota(
      name,
      {
        entityType: args.entityType,
        entityName: args.entityName,
        config: config as Record<string, pulumi.Input<string>>,
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
