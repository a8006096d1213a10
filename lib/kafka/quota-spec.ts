import type { EventformIssue } from '../errors';
import { show, type UnresolvedPredicate } from '../validation';

/** Who a quota applies to. */
export type QuotaEntityType = 'user' | 'client-id';

/** Engine-independent client quota. */
export interface QuotaSpec {
  /** `user` (a SASL/TLS principal name) or `client-id`. */
  readonly entityType: unknown;
  /** The user name or client id. */
  readonly entityName: unknown;
  /** `producer_byte_rate`: bytes per second per broker. @default - no limit */
  readonly producerByteRate?: number;
  /** `consumer_byte_rate`: bytes per second per broker. @default - no limit */
  readonly consumerByteRate?: number;
  /** `request_percentage`: percent of one I/O and network thread per broker. @default - no limit */
  readonly requestPercentage?: number;
  /** `controller_mutation_rate`: partition mutations per second. @default - no limit */
  readonly controllerMutationRate?: number;
}

const KEYS: [keyof QuotaSpec, string][] = [
  ['producerByteRate', 'producer_byte_rate'],
  ['consumerByteRate', 'consumer_byte_rate'],
  ['requestPercentage', 'request_percentage'],
  ['controllerMutationRate', 'controller_mutation_rate'],
];

/** Checks a quota and returns Kafka's quota config (values as strings) and every problem found. */
export function checkQuotaSpec(
  spec: QuotaSpec,
  unresolved: UnresolvedPredicate = () => false,
): { config: Record<string, unknown>; issues: EventformIssue[] } {
  const issues: EventformIssue[] = [];
  const config: Record<string, unknown> = {};
  if (spec.entityType !== 'user' && spec.entityType !== 'client-id') {
    issues.push({
      code: 'KAFKA_QUOTA_ENTITY',
      path: 'entityType',
      message: `entityType must be "user" or "client-id"; got ${show(spec.entityType)}.`,
    });
  }
  if (!unresolved(spec.entityName) && (typeof spec.entityName !== 'string' || spec.entityName.trim() === '')) {
    issues.push({
      code: 'KAFKA_QUOTA_ENTITY',
      path: 'entityName',
      message: `entityName must name one ${String(spec.entityType)}; got ${show(spec.entityName)}.`,
    });
  }
  for (const [prop, key] of KEYS) {
    const v = spec[prop];
    if (v === undefined) continue;
    if (unresolved(v)) {
      config[key] = v;
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      issues.push({
        code: 'KAFKA_QUOTA_VALUE',
        path: prop,
        message: `${prop} (${key}) must be a number > 0; got ${show(v)}. Leave it out for no limit.`,
      });
    } else {
      config[key] = String(v);
    }
  }
  if (issues.length === 0 && Object.keys(config).length === 0) {
    issues.push({
      code: 'KAFKA_QUOTA_EMPTY',
      path: 'producerByteRate',
      message:
        'a quota needs at least one of producerByteRate, consumerByteRate, requestPercentage, controllerMutationRate.',
    });
  }
  return { config, issues };
}
