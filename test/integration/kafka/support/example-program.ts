import { capturePulumiProgram, type CaptureResult, type CapturedResource } from '../../../../scripts/pulumi-capture';
import { EXAMPLE_CONFIG, EXAMPLE_SECRET_CONFIG, PROJECT } from '../../../../stacks/kafka/example-config';

/** Pulumi type token of the provider's topic resource. */
export const KAFKA_TOPIC_TYPE = 'kafka:index/topic:Topic';

/**
 * Captures the orders Kafka program (stacks/kafka) under Pulumi's mock runtime with its example config, with
 * `config` overriding example values (for example to point it at this machine's servers).
 */
export function captureOrdersProgram(config: Readonly<Record<string, string>> = {}): Promise<CaptureResult> {
  return capturePulumiProgram(() => import('../../../../stacks/kafka/orders-kafka').then((m) => m.ordersKafka()), {
    project: PROJECT,
    stack: 'dev',
    config: { ...EXAMPLE_CONFIG, ...config },
    secretConfig: EXAMPLE_SECRET_CONFIG,
  });
}

/** The captured inputs of a `kafka.Topic`: what the Terraform provider would send to the broker. */
export interface CapturedTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly config: Record<string, string>;
}

/** The topics a captured program registers, as broker requests. */
export function capturedTopics(resources: readonly CapturedResource[]): CapturedTopic[] {
  return resources
    .filter((r) => r.type === KAFKA_TOPIC_TYPE)
    .map((r) => ({
      name: r.inputs.name as string,
      partitions: r.inputs.partitions as number,
      replicationFactor: r.inputs.replicationFactor as number,
      config: (r.inputs.config ?? {}) as Record<string, string>,
    }));
}
