import type { EventformIssue } from '../errors';
import { show, type UnresolvedPredicate } from '../validation';

/** Kafka broker versions whose topic-config rules eventform knows. */
export type KafkaBrokerVersion = '3.6' | '3.7' | '3.8' | '3.9' | '4.0' | '4.1' | '4.2' | '4.3' | '4.4';

/** The broker versions eventform knows, oldest first. */
export const KAFKA_BROKER_VERSIONS: readonly KafkaBrokerVersion[] = [
  '3.6',
  '3.7',
  '3.8',
  '3.9',
  '4.0',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
];

/** Broker version assumed when none is given. */
export const DEFAULT_KAFKA_BROKER_VERSION: KafkaBrokerVersion = '4.0';

/** How the broker cleans up old log segments. */
export type CleanupPolicy = 'delete' | 'compact';

/** Compression the broker applies to stored batches (`producer` keeps the producer's codec). */
export type TopicCompressionType = 'uncompressed' | 'zstd' | 'lz4' | 'snappy' | 'gzip' | 'producer';

/** Which timestamp a record carries. */
export type MessageTimestampType = 'CreateTime' | 'LogAppendTime';

/**
 * Typed topic-level configuration. Every field maps to one Kafka topic config key (named in its doc) and is written
 * as a string. Unset fields are not written, so the broker default applies.
 */
export interface TopicConfig {
  /** `retention.ms`: how long records are kept; -1 keeps them forever. @default - broker default (7 days) */
  readonly retentionMs?: number;
  /** `retention.bytes`: maximum size of a partition before old segments go; -1 means no limit. @default - broker default (-1) */
  readonly retentionBytes?: number;
  /** `cleanup.policy`: `delete`, `compact` or both. @default - broker default (delete) */
  readonly cleanupPolicy?: readonly CleanupPolicy[];
  /** `compression.type`. @default - broker default (producer) */
  readonly compressionType?: TopicCompressionType;
  /** `compression.gzip.level` (Kafka 3.8+): -1 or 1-9. @default - broker default */
  readonly compressionGzipLevel?: number;
  /** `compression.lz4.level` (Kafka 3.8+): 1-17. @default - broker default (9) */
  readonly compressionLz4Level?: number;
  /** `compression.zstd.level` (Kafka 3.8+): -131072 to 22. @default - broker default (3) */
  readonly compressionZstdLevel?: number;
  /** `min.insync.replicas`: at most the replication factor. @default - broker default (1) */
  readonly minInsyncReplicas?: number;
  /** `max.message.bytes`: largest record batch the topic accepts. @default - broker default (1048588) */
  readonly maxMessageBytes?: number;
  /** `segment.bytes`: segment file size (at least 1 MiB on Kafka 4.x, 14 bytes before). @default - broker default (1 GiB) */
  readonly segmentBytes?: number;
  /** `segment.ms`: roll a segment after this long. @default - broker default (7 days) */
  readonly segmentMs?: number;
  /** `segment.jitter.ms`. @default - broker default (0) */
  readonly segmentJitterMs?: number;
  /** `segment.index.bytes`: at least 4. @default - broker default (10 MiB) */
  readonly segmentIndexBytes?: number;
  /** `message.timestamp.type`. @default - broker default (CreateTime) */
  readonly messageTimestampType?: MessageTimestampType;
  /** `message.timestamp.before.max.ms`: how far in the past a record timestamp may be. @default - broker default (no limit) */
  readonly messageTimestampBeforeMaxMs?: number;
  /** `message.timestamp.after.max.ms`: how far in the future a record timestamp may be. @default - broker default (1 hour on 4.x) */
  readonly messageTimestampAfterMaxMs?: number;
  /** `message.timestamp.difference.max.ms` (removed in Kafka 4.0). @default - broker default */
  readonly messageTimestampDifferenceMaxMs?: number;
  /** `message.downconversion.enable` (removed in Kafka 4.0). @default - broker default */
  readonly messageDownconversionEnable?: boolean;
  /** `message.format.version` (removed in Kafka 4.0). @default - broker default */
  readonly messageFormatVersion?: string;
  /** `delete.retention.ms`: how long tombstones are kept on compacted topics. @default - broker default (1 day) */
  readonly deleteRetentionMs?: number;
  /** `min.compaction.lag.ms`. @default - broker default (0) */
  readonly minCompactionLagMs?: number;
  /** `max.compaction.lag.ms`: at least 1. @default - broker default (no limit) */
  readonly maxCompactionLagMs?: number;
  /** `min.cleanable.dirty.ratio`: 0 to 1. @default - broker default (0.5) */
  readonly minCleanableDirtyRatio?: number;
  /** `unclean.leader.election.enable`: allow an out-of-sync replica to lead (may lose data). @default - broker default (false) */
  readonly uncleanLeaderElectionEnable?: boolean;
  /** `preallocate`. @default - broker default (false) */
  readonly preallocate?: boolean;
  /** `file.delete.delay.ms`. @default - broker default (1 minute) */
  readonly fileDeleteDelayMs?: number;
  /** `flush.messages`: at least 1. @default - broker default (never forced) */
  readonly flushMessages?: number;
  /** `flush.ms`. @default - broker default (never forced) */
  readonly flushMs?: number;
  /** `index.interval.bytes`. @default - broker default (4096) */
  readonly indexIntervalBytes?: number;
  /** `remote.storage.enable`: tiered storage. @default - broker default (false) */
  readonly remoteStorageEnable?: boolean;
  /** `local.retention.ms`: -2 follows retention.ms. @default - broker default (-2) */
  readonly localRetentionMs?: number;
  /** `local.retention.bytes`: -2 follows retention.bytes. @default - broker default (-2) */
  readonly localRetentionBytes?: number;
  /**
   * `max.decompressed.message.bytes` (Kafka 4.4+): largest decompressed size of one record, 1 to 2147483639.
   * @default - broker default (2147483639, no limit)
   */
  readonly maxDecompressedMessageBytes?: number;
  /** `remote.copy.lag.ms` (Kafka 4.4+): time lag before a segment may be tiered; -1 follows local retention. @default - broker default (0) */
  readonly remoteCopyLagMs?: number;
  /** `remote.copy.lag.bytes` (Kafka 4.4+): size lag before a segment may be tiered; -1 follows local retention. @default - broker default (-1) */
  readonly remoteCopyLagBytes?: number;
  /** `errors.deadletterqueue.group.enable` (Kafka 4.4+): share groups may use this topic as their dead-letter queue. @default - broker default (false) */
  readonly errorsDeadletterqueueGroupEnable?: boolean;
}

type Kind = 'int' | 'long' | 'double' | 'boolean' | 'enum' | 'list' | 'replicaList' | 'string';

/** One topic config key as the broker defines it. */
export interface TopicConfigKeyRule {
  /** The Kafka key, e.g. `retention.ms`. */
  readonly key: string;
  /** The {@link TopicConfig} field that writes it, if any. */
  readonly prop?: keyof TopicConfig;
  /** The broker's type for the value. */
  readonly kind: Kind;
  /** Smallest allowed number (inclusive). */
  readonly min?: number;
  /** Largest allowed number (inclusive). */
  readonly max?: number;
  /** Allowed values for `enum` and `list`. */
  readonly values?: readonly string[];
  /** Numbers allowed outside [min, max] (gzip's -1 = codec default). */
  readonly alsoAllowed?: readonly number[];
  /** First broker version that knows the key. */
  readonly since?: KafkaBrokerVersion;
  /** First broker version that no longer knows the key. */
  readonly removedIn?: KafkaBrokerVersion;
}

const INT_MAX = 2147483647;

/** Every topic config key eventform knows, with the broker's own type, range and version rules. */
export const TOPIC_CONFIG_RULES: readonly TopicConfigKeyRule[] = [
  { key: 'cleanup.policy', prop: 'cleanupPolicy', kind: 'list', values: ['delete', 'compact'] },
  {
    key: 'compression.type',
    prop: 'compressionType',
    kind: 'enum',
    values: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'],
  },
  {
    key: 'compression.gzip.level',
    prop: 'compressionGzipLevel',
    kind: 'int',
    min: 1,
    max: 9,
    alsoAllowed: [-1],
    since: '3.8',
  },
  { key: 'compression.lz4.level', prop: 'compressionLz4Level', kind: 'int', min: 1, max: 17, since: '3.8' },
  { key: 'compression.zstd.level', prop: 'compressionZstdLevel', kind: 'int', min: -131072, max: 22, since: '3.8' },
  { key: 'delete.retention.ms', prop: 'deleteRetentionMs', kind: 'long', min: 0 },
  {
    key: 'errors.deadletterqueue.group.enable',
    prop: 'errorsDeadletterqueueGroupEnable',
    kind: 'boolean',
    since: '4.4',
  },
  { key: 'file.delete.delay.ms', prop: 'fileDeleteDelayMs', kind: 'long', min: 0 },
  { key: 'flush.messages', prop: 'flushMessages', kind: 'long', min: 1 },
  { key: 'flush.ms', prop: 'flushMs', kind: 'long', min: 0 },
  { key: 'follower.replication.throttled.replicas', kind: 'replicaList' },
  { key: 'index.interval.bytes', prop: 'indexIntervalBytes', kind: 'int', min: 0 },
  { key: 'leader.replication.throttled.replicas', kind: 'replicaList' },
  { key: 'local.retention.bytes', prop: 'localRetentionBytes', kind: 'long', min: -2 },
  { key: 'local.retention.ms', prop: 'localRetentionMs', kind: 'long', min: -2 },
  { key: 'max.compaction.lag.ms', prop: 'maxCompactionLagMs', kind: 'long', min: 1 },
  {
    key: 'max.decompressed.message.bytes',
    prop: 'maxDecompressedMessageBytes',
    kind: 'int',
    min: 1,
    max: 2147483639,
    since: '4.4',
  },
  { key: 'max.message.bytes', prop: 'maxMessageBytes', kind: 'int', min: 0 },
  { key: 'message.downconversion.enable', prop: 'messageDownconversionEnable', kind: 'boolean', removedIn: '4.0' },
  { key: 'message.format.version', prop: 'messageFormatVersion', kind: 'string', removedIn: '4.0' },
  {
    key: 'message.timestamp.difference.max.ms',
    prop: 'messageTimestampDifferenceMaxMs',
    kind: 'long',
    min: 0,
    removedIn: '4.0',
  },
  { key: 'message.timestamp.before.max.ms', prop: 'messageTimestampBeforeMaxMs', kind: 'long', min: 0 },
  { key: 'message.timestamp.after.max.ms', prop: 'messageTimestampAfterMaxMs', kind: 'long', min: 0 },
  {
    key: 'message.timestamp.type',
    prop: 'messageTimestampType',
    kind: 'enum',
    values: ['CreateTime', 'LogAppendTime'],
  },
  { key: 'min.cleanable.dirty.ratio', prop: 'minCleanableDirtyRatio', kind: 'double', min: 0, max: 1 },
  { key: 'min.compaction.lag.ms', prop: 'minCompactionLagMs', kind: 'long', min: 0 },
  { key: 'min.insync.replicas', prop: 'minInsyncReplicas', kind: 'int', min: 1 },
  { key: 'preallocate', prop: 'preallocate', kind: 'boolean' },
  { key: 'remote.storage.enable', prop: 'remoteStorageEnable', kind: 'boolean' },
  { key: 'remote.copy.lag.bytes', prop: 'remoteCopyLagBytes', kind: 'long', min: -1, since: '4.4' },
  { key: 'remote.copy.lag.ms', prop: 'remoteCopyLagMs', kind: 'long', min: -1, since: '4.4' },
  { key: 'remote.log.copy.disable', kind: 'boolean', since: '3.9' },
  { key: 'remote.log.delete.on.disable', kind: 'boolean', since: '3.9' },
  { key: 'retention.bytes', prop: 'retentionBytes', kind: 'long' },
  { key: 'retention.ms', prop: 'retentionMs', kind: 'long', min: -1 },
  { key: 'segment.bytes', prop: 'segmentBytes', kind: 'int', min: 14 },
  { key: 'segment.index.bytes', prop: 'segmentIndexBytes', kind: 'int', min: 4 },
  { key: 'segment.jitter.ms', prop: 'segmentJitterMs', kind: 'long', min: 0 },
  { key: 'segment.ms', prop: 'segmentMs', kind: 'long', min: 1 },
  { key: 'unclean.leader.election.enable', prop: 'uncleanLeaderElectionEnable', kind: 'boolean' },
];

/** Kafka 4.0 raised the smallest `segment.bytes` from 14 bytes to 1 MiB (KIP-1030). */
const SEGMENT_BYTES_MIN_4X = 1024 * 1024;

const RULES_BY_KEY: ReadonlyMap<string, TopicConfigKeyRule> = new Map(TOPIC_CONFIG_RULES.map((r) => [r.key, r]));
const RULES_BY_PROP: ReadonlyMap<string, TopicConfigKeyRule> = new Map(
  TOPIC_CONFIG_RULES.filter((r) => r.prop).map((r) => [r.prop as string, r]),
);

function versionIndex(v: KafkaBrokerVersion): number {
  return KAFKA_BROKER_VERSIONS.indexOf(v);
}

/** Whether the broker version knows the key (added by `since`, gone from `removedIn`). */
export function topicConfigKeyAllowed(rule: TopicConfigKeyRule, version: KafkaBrokerVersion): boolean {
  const at = versionIndex(version);
  if (rule.since !== undefined && at < versionIndex(rule.since)) return false;
  if (rule.removedIn !== undefined && at >= versionIndex(rule.removedIn)) return false;
  return true;
}

/** The topic config keys a broker version accepts, sorted. */
export function allowedTopicConfigKeys(version: KafkaBrokerVersion = DEFAULT_KAFKA_BROKER_VERSION): string[] {
  return TOPIC_CONFIG_RULES.filter((r) => topicConfigKeyAllowed(r, version))
    .map((r) => r.key)
    .sort();
}

function minFor(rule: TopicConfigKeyRule, version: KafkaBrokerVersion): number | undefined {
  if (rule.key === 'segment.bytes' && versionIndex(version) >= versionIndex('4.0')) return SEGMENT_BYTES_MIN_4X;
  return rule.min;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Converts a typed value to the string Kafka expects, or explains why it cannot. */
function toText(rule: TopicConfigKeyRule, value: unknown): { text?: string; problem?: string } {
  switch (rule.kind) {
    case 'boolean':
      if (typeof value === 'boolean') return { text: String(value) };
      return { problem: 'must be a boolean' };
    case 'list':
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { text: value.join(',') };
      return { problem: `must be a list of ${rule.values?.join(', ')}` };
    case 'int':
    case 'long':
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) {
        if (rule.kind !== 'double' && !Number.isSafeInteger(value)) return { problem: 'must be an integer' };
        return { text: String(value) };
      }
      return { problem: 'must be a finite number' };
    default:
      if (typeof value === 'string') return { text: value };
      return { problem: 'must be a string' };
  }
}

/** Java's `String.trim()`: removes leading and trailing characters up to U+0020. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Checks a config value (as the string Kafka receives) against the key's type, enum and range. */
function checkText(rule: TopicConfigKeyRule, text: string, version: KafkaBrokerVersion): string | undefined {
  const min = minFor(rule, version);
  switch (rule.kind) {
    case 'boolean':
      return /^(true|false)$/i.test(text) ? undefined : 'must be true or false';
    case 'enum':
      return rule.values!.includes(text) ? undefined : `must be one of ${rule.values!.join(', ')}`;
    case 'list': {
      const items = text.split(',').map((s) => s.trim());
      const bad = items.filter((i) => !rule.values!.includes(i));
      if (text.trim() === '' || bad.length > 0) return `must be a comma-separated list of ${rule.values!.join(', ')}`;
      return new Set(items).size === items.length ? undefined : 'must not repeat a value';
    }
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(text)) return 'must be an integer';
      const n = BigInt(text);
      const lo = rule.kind === 'int' ? -2147483648n : LONG_MIN;
      const hi = rule.kind === 'int' ? BigInt(INT_MAX) : LONG_MAX;
      const from = min !== undefined ? BigInt(min) : lo;
      const to = rule.max !== undefined ? BigInt(rule.max) : hi;
      if (rule.alsoAllowed?.some((a) => BigInt(a) === n)) return undefined;
      if (n < from || n > to) {
        const also = rule.alsoAllowed?.length ? ` (or ${rule.alsoAllowed.join(', ')})` : '';
        return `${rangeText(from, to, hi)}${also}`;
      }
      return undefined;
    }
    case 'replicaList': {
      // The broker's ThrottledReplicaListValidator: the literal `*`, or `partitionId:brokerId` pairs separated by
      // commas (an empty list clears the throttle). Items are trimmed as Java's String.trim() does: characters up to
      // U+0020 (controls included), not Unicode spaces.
      const items = text.split(',').map(javaTrim);
      if (items.join('') === '*' || items.every((item) => /^(\d+:\d+)?$/.test(item))) return undefined;
      return "must be the literal '*' or a comma-separated list of partitionId:brokerId pairs, e.g. '0:101,1:102'";
    }
    case 'double': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return 'must be a number';
      if ((min !== undefined && n < min) || (rule.max !== undefined && n > rule.max)) {
        return `must be between ${min} and ${rule.max}`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function rangeText(from: bigint, to: bigint, typeMax: bigint): string {
  return to === typeMax && typeMax === LONG_MAX
    ? `must be an integer >= ${from}`
    : `must be an integer between ${from} and ${to}`;
}

/** Input to {@link renderTopicConfig}. */
export interface RenderTopicConfigInput {
  /** Typed config. */
  readonly config?: TopicConfig;
  /** Raw `key: value` pairs for keys without a typed field; values must be strings. */
  readonly extraConfig?: Readonly<Record<string, unknown>>;
  /** Replication factor, for `min.insync.replicas <= replicationFactor`. */
  readonly replicationFactor?: unknown;
  /** Broker version whose rules apply. */
  readonly brokerVersion?: KafkaBrokerVersion;
  /** Values for which this is true are passed through unchecked (Pulumi Outputs). */
  readonly isUnresolved?: UnresolvedPredicate;
}

/** Result of {@link renderTopicConfig}: the config map Kafka receives, and every problem found. */
export interface RenderedTopicConfig {
  /** Key to string value; unresolved values are passed through as given. */
  readonly config: Record<string, unknown>;
  /** Empty when the config is valid. */
  readonly issues: EventformIssue[];
}

/**
 * Turns typed and raw topic config into Kafka's `key -> string` map and checks every entry against the broker's
 * rules: known key for the broker version, type, enum, range, and `min.insync.replicas <= replicationFactor`
 * (which the broker itself does not check).
 */
export function renderTopicConfig(input: RenderTopicConfigInput): RenderedTopicConfig {
  const issues: EventformIssue[] = [];
  const config: Record<string, unknown> = {};
  const where: Record<string, string> = {};
  let version = input.brokerVersion ?? DEFAULT_KAFKA_BROKER_VERSION;
  if (!KAFKA_BROKER_VERSIONS.includes(version)) {
    const newest = KAFKA_BROKER_VERSIONS[KAFKA_BROKER_VERSIONS.length - 1];
    issues.push({
      code: 'KAFKA_BROKER_VERSION_UNKNOWN',
      path: 'brokerVersion',
      message: `brokerVersion ${show(version)} is not a Kafka version whose topic rules eventform knows; use one of ${KAFKA_BROKER_VERSIONS.join(', ')} (the newest one not above your brokers' version). The rest of the config was checked against ${newest}.`,
    });
    version = newest;
  }
  const unresolved = input.isUnresolved ?? (() => false);
  const versionProblem = (rule: TopicConfigKeyRule, prop: string): boolean => {
    if (topicConfigKeyAllowed(rule, version)) return false;
    const removed = rule.removedIn !== undefined && versionIndex(version) >= versionIndex(rule.removedIn);
    issues.push({
      code: removed ? 'KAFKA_TOPIC_CONFIG_REMOVED' : 'KAFKA_TOPIC_CONFIG_UNSUPPORTED',
      path: prop,
      message: removed
        ? `${prop} (${rule.key}) was removed in Kafka ${rule.removedIn} and the broker (version ${version}) rejects it; remove it.`
        : `${prop} (${rule.key}) needs Kafka ${rule.since} or later; brokerVersion is ${version}. Remove it or raise brokerVersion.`,
    });
    return true;
  };

  const accept = (rule: TopicConfigKeyRule, prop: string, value: unknown, text: string | undefined) => {
    if (where[rule.key] !== undefined) {
      issues.push({
        code: 'KAFKA_TOPIC_CONFIG_DUPLICATE',
        path: prop,
        message: `${prop} and ${where[rule.key]} both set ${rule.key}; choose one.`,
      });
      return;
    }
    where[rule.key] = prop;
    if (text === undefined) {
      config[rule.key] = value;
      return;
    }
    const problem = checkText(rule, text, version);
    if (problem) {
      issues.push({
        code: 'KAFKA_TOPIC_CONFIG_VALUE',
        path: prop,
        message: `${prop} (${rule.key}) ${problem}; got ${show(value)}.`,
      });
      return;
    }
    config[rule.key] = text;
  };

  for (const [prop, value] of Object.entries(input.config ?? {})) {
    if (value === undefined) continue;
    const path = `config.${prop}`;
    const rule = RULES_BY_PROP.get(prop);
    if (!rule) {
      issues.push({
        code: 'KAFKA_TOPIC_CONFIG_UNKNOWN',
        path,
        message: `${path} is not a topic config field; use one of the TopicConfig fields or extraConfig for raw keys.`,
      });
      continue;
    }
    if (versionProblem(rule, path)) continue;
    if (unresolved(value)) {
      accept(rule, path, value, undefined);
      continue;
    }
    const converted = toText(rule, value);
    if (converted.problem !== undefined) {
      issues.push({
        code: 'KAFKA_TOPIC_CONFIG_VALUE',
        path,
        message: `${path} (${rule.key}) ${converted.problem}; got ${show(value)}.`,
      });
      continue;
    }
    accept(rule, path, value, converted.text);
  }

  for (const [key, value] of Object.entries(input.extraConfig ?? {})) {
    const path = `extraConfig["${key}"]`;
    const rule = RULES_BY_KEY.get(key);
    if (!rule) {
      issues.push({
        code: 'KAFKA_TOPIC_CONFIG_UNKNOWN',
        path,
        message: `${path}: ${show(key)} is not a topic config key of Kafka ${version}; the broker rejects unknown keys. Allowed: ${allowedTopicConfigKeys(version).join(', ')}.`,
      });
      continue;
    }
    if (versionProblem(rule, path)) continue;
    if (unresolved(value)) {
      accept(rule, path, value, undefined);
      continue;
    }
    if (typeof value !== 'string') {
      issues.push({
        code: 'KAFKA_TOPIC_CONFIG_NOT_STRING',
        path,
        message: `${path} must be a string (Kafka config values are strings); got ${show(value)}. Write it as ${show(String(value))}.`,
      });
      continue;
    }
    accept(rule, path, value, value);
  }

  const minIsr = config['min.insync.replicas'];
  const rf = input.replicationFactor;
  if (typeof minIsr === 'string' && typeof rf === 'number' && !unresolved(rf) && Number(minIsr) > rf) {
    issues.push({
      code: 'KAFKA_TOPIC_MIN_ISR_ABOVE_REPLICATION',
      path: where['min.insync.replicas'],
      message: `min.insync.replicas (${minIsr}) must be <= replicationFactor (${rf}), or every acks=all write fails; lower it or raise replicationFactor.`,
    });
  }

  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(config).sort()) sorted[key] = config[key];
  return { config: sorted, issues };
}
