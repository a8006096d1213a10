import { EventformError, type EventformIssue } from '../errors';
import { show } from '../validation';

/** The three delivery guarantees of the seed's comparison table. */
export type DeliveryGuarantee = 'at-most-once' | 'at-least-once' | 'exactly-once';

/** Kafka client properties (Java client names), every value a string, ready to pass to a producer or consumer. */
export type KafkaClientProperties = Readonly<Record<string, string>>;

/** What a profile asks of producers and consumers. */
export interface DeliveryClientSettings {
  /** The guarantee these settings give. */
  readonly guarantee: DeliveryGuarantee;
  /** Producer properties: `acks`, `enable.idempotence`, `retries`, `max.in.flight.requests.per.connection`, and `transactional.id` for exactly-once. */
  readonly producer: KafkaClientProperties;
  /** Consumer properties: `enable.auto.commit` and `isolation.level`. */
  readonly consumer: KafkaClientProperties;
}

/** Options of {@link DeliveryProfile.exactlyOnce}. */
export interface ExactlyOnceOptions {
  /**
   * The producer's `transactional.id`: unique per producer instance (the seed uses `order-processor-1`), at most 249
   * characters. Add an instance suffix when you run several producers.
   */
  readonly transactionalId: string;
}

const MAX_ISR_WANTED = 2;

/**
 * A delivery guarantee as producer, consumer and topic settings, after the seed's guarantee table:
 *
 * | profile | producer | consumer | topic |
 * |---|---|---|---|
 * | at-most-once | acks=0, no idempotence, no retries | auto commit | - |
 * | at-least-once | acks=all, retries, 1 request in flight (order kept) | manual commit after processing | min.insync.replicas=min(2, RF), no unclean election |
 * | exactly-once | acks=all, idempotence, transactional.id | read_committed, manual commit | min.insync.replicas=min(2, RF), no unclean election |
 *
 * The seed's table lists `acks=1` for at-least-once, but its own at-least-once code uses `acks=all`: with `acks=1` a
 * leader crash before replication loses acknowledged records, which at-least-once forbids, so eventform uses `acks=all`.
 */
export class DeliveryProfile {
  /** Fire and forget: records may be lost, never duplicated. For metrics and logs. */
  static atMostOnce(): DeliveryProfile {
    return new DeliveryProfile('at-most-once');
  }

  /** Records are never lost and may be duplicated; consumers commit after processing. For most uses. */
  static atLeastOnce(): DeliveryProfile {
    return new DeliveryProfile('at-least-once');
  }

  /** Idempotent, transactional producer and read_committed consumers: no loss, no duplicates. */
  static exactlyOnce(options: ExactlyOnceOptions): DeliveryProfile {
    const id = options?.transactionalId;
    if (typeof id !== 'string' || id.length === 0 || id.length > 249 || /\s/.test(id)) {
      throw new EventformError({
        code: 'KAFKA_DELIVERY_TRANSACTIONAL_ID',
        path: 'transactionalId',
        message: `transactionalId must be 1-249 characters without whitespace, unique per producer instance (e.g. "order-processor-1"); got ${show(id)}.`,
      });
    }
    return new DeliveryProfile('exactly-once', id);
  }

  private constructor(
    /** The guarantee this profile gives. */
    readonly guarantee: DeliveryGuarantee,
    /** The producer's transactional id (exactly-once only). */
    readonly transactionalId?: string,
  ) {}

  /** Topic configs the guarantee needs, for a topic with the given replication factor. */
  topicConfig(replicationFactor: number): Readonly<Record<string, string>> {
    if (this.guarantee === 'at-most-once') return {};
    return {
      'min.insync.replicas': String(Math.max(1, Math.min(MAX_ISR_WANTED, replicationFactor))),
      'unclean.leader.election.enable': 'false',
    };
  }

  /** The producer and consumer settings users pass to their clients. */
  clientSettings(): DeliveryClientSettings {
    switch (this.guarantee) {
      case 'at-most-once':
        return {
          guarantee: this.guarantee,
          producer: {
            acks: '0',
            'enable.idempotence': 'false',
            retries: '0',
            'max.in.flight.requests.per.connection': '5',
          },
          consumer: { 'enable.auto.commit': 'true', 'isolation.level': 'read_uncommitted' },
        };
      case 'at-least-once':
        return {
          guarantee: this.guarantee,
          producer: {
            acks: 'all',
            'enable.idempotence': 'false',
            retries: '2147483647',
            'max.in.flight.requests.per.connection': '1',
          },
          consumer: { 'enable.auto.commit': 'false', 'isolation.level': 'read_uncommitted' },
        };
      default:
        return {
          guarantee: this.guarantee,
          producer: {
            acks: 'all',
            'enable.idempotence': 'true',
            retries: '2147483647',
            'max.in.flight.requests.per.connection': '5',
            'transactional.id': this.transactionalId!,
          },
          consumer: { 'enable.auto.commit': 'false', 'isolation.level': 'read_committed' },
        };
    }
  }

  /**
   * Problems of a topic's explicit config that would break this guarantee: a lower `min.insync.replicas` than the
   * profile needs, or unclean leader election turned on.
   */
  conflicts(config: Readonly<Record<string, unknown>>, replicationFactor: number): EventformIssue[] {
    const wanted = this.topicConfig(replicationFactor);
    const issues: EventformIssue[] = [];
    const isr = config['min.insync.replicas'];
    if (
      wanted['min.insync.replicas'] &&
      typeof isr === 'string' &&
      Number(isr) < Number(wanted['min.insync.replicas'])
    ) {
      issues.push({
        code: 'KAFKA_DELIVERY_PROFILE_CONFLICT',
        path: 'config.minInsyncReplicas',
        message: `config.minInsyncReplicas is ${isr}, but the ${this.guarantee} profile needs at least ${wanted['min.insync.replicas']} with replicationFactor ${replicationFactor}; remove it or raise it.`,
      });
    }
    if (wanted['unclean.leader.election.enable'] && config['unclean.leader.election.enable'] === 'true') {
      issues.push({
        code: 'KAFKA_DELIVERY_PROFILE_CONFLICT',
        path: 'config.uncleanLeaderElectionEnable',
        message: `config.uncleanLeaderElectionEnable is true, which loses acknowledged records and breaks the ${this.guarantee} profile; remove it.`,
      });
    }
    return issues;
  }
}
