import type { EventformIssue } from '../errors';
import { show, type UnresolvedPredicate } from '../validation';
import { renderTopicConfig, type KafkaBrokerVersion, type TopicConfig } from './topic-config';

/** Longest topic name Kafka accepts. */
export const TOPIC_NAME_MAX_LENGTH = 249;

const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

/** The engine-independent description of a topic. */
export interface TopicSpec {
  /** Topic name: 1-249 characters of `[a-zA-Z0-9._-]`, not `.` or `..`. */
  readonly name: unknown;
  /** Number of partitions (integer >= 1). Can only grow. */
  readonly partitions: unknown;
  /** Number of replicas per partition (integer 1-32767). */
  readonly replicationFactor: unknown;
  /** Typed config. */
  readonly config?: TopicConfig;
  /** Raw config keys. */
  readonly extraConfig?: Readonly<Record<string, unknown>>;
  /** Broker version whose config rules apply. */
  readonly brokerVersion?: KafkaBrokerVersion;
}

/** Problems of a topic name, or [] when Kafka accepts it. */
export function checkTopicName(name: unknown, prop = 'name'): EventformIssue[] {
  if (typeof name !== 'string' || name.length === 0 || name.length > TOPIC_NAME_MAX_LENGTH || !TOPIC_NAME.test(name)) {
    return [
      {
        code: 'KAFKA_TOPIC_NAME',
        path: prop,
        message: `${prop} must be 1-${TOPIC_NAME_MAX_LENGTH} characters of [a-zA-Z0-9._-]; got ${show(name)}${typeof name === 'string' ? ` (${name.length} characters)` : ''}.`,
      },
    ];
  }
  if (name === '.' || name === '..') {
    return [{ code: 'KAFKA_TOPIC_NAME', path: prop, message: `${prop} cannot be "." or ".."; got ${show(name)}.` }];
  }
  return [];
}

function integerIn(prop: string, value: unknown, min: number, max: number, code: string): EventformIssue[] {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return [];
  return [{ code, path: prop, message: `${prop} must be an integer between ${min} and ${max}; got ${show(value)}.` }];
}

/**
 * Checks a whole topic: name, partitions, replication factor and config. Returns the rendered config map (values as
 * strings) and every problem found; unresolved values are skipped.
 */
export function checkTopicSpec(
  spec: TopicSpec,
  isUnresolved: UnresolvedPredicate = () => false,
): { config: Record<string, unknown>; issues: EventformIssue[] } {
  const issues: EventformIssue[] = [];
  if (!isUnresolved(spec.name)) issues.push(...checkTopicName(spec.name));
  if (!isUnresolved(spec.partitions)) {
    issues.push(...integerIn('partitions', spec.partitions, 1, 2147483647, 'KAFKA_TOPIC_PARTITIONS'));
  }
  if (!isUnresolved(spec.replicationFactor)) {
    issues.push(...integerIn('replicationFactor', spec.replicationFactor, 1, 32767, 'KAFKA_TOPIC_REPLICATION'));
  }
  const rendered = renderTopicConfig({
    config: spec.config,
    extraConfig: spec.extraConfig,
    replicationFactor: spec.replicationFactor,
    brokerVersion: spec.brokerVersion,
    isUnresolved,
  });
  issues.push(...rendered.issues);
  return { config: rendered.config, issues };
}

/**
 * Kafka partitions can only grow; lowering them would make the provider delete and recreate the topic (data loss).
 * Returns the issue for a decrease, or undefined.
 */
export function checkPartitionChange(topicName: string, previous: number, next: number): EventformIssue | undefined {
  if (next >= previous) return undefined;
  return {
    code: 'KAFKA_TOPIC_PARTITIONS_DECREASE',
    path: 'partitions',
    message: `partitions of topic ${show(topicName)} cannot go from ${previous} down to ${next}: Kafka can only add partitions, and lowering them would delete and recreate the topic (data loss). Keep partitions >= ${previous}, or create a new topic and migrate.`,
  };
}
