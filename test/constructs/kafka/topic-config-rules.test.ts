import { isEventformError } from '../../../lib';
import {
  allowedTopicConfigKeys,
  checkPartitionChange,
  checkTopicName,
  checkTopicSpec,
  DeliveryProfile,
  renderTopicConfig,
  TOPIC_CONFIG_RULES,
  type TopicConfig,
} from '../../../lib/kafka';

describe('renderTopicConfig', () => {
  it('writes typed values as strings with Kafka keys, sorted', () => {
    const { config, issues } = renderTopicConfig({
      config: {
        retentionMs: 604800000,
        compressionType: 'lz4',
        cleanupPolicy: ['compact', 'delete'],
        uncleanLeaderElectionEnable: false,
        minCleanableDirtyRatio: 0.25,
        minInsyncReplicas: 2,
      },
      extraConfig: { 'remote.log.copy.disable': 'true' },
      replicationFactor: 3,
    });
    expect(issues).toEqual([]);
    expect(config).toEqual({
      'cleanup.policy': 'compact,delete',
      'compression.type': 'lz4',
      'min.cleanable.dirty.ratio': '0.25',
      'min.insync.replicas': '2',
      'remote.log.copy.disable': 'true',
      'retention.ms': '604800000',
      'unclean.leader.election.enable': 'false',
    });
    expect(Object.keys(config)).toEqual(Object.keys(config).sort());
  });

  it('every typed field maps to exactly one rule', () => {
    const props = TOPIC_CONFIG_RULES.filter((r) => r.prop).map((r) => r.prop);
    expect(new Set(props).size).toBe(props.length);
  });

  it('knows the keys Kafka 4.0 removed and 3.8/3.9 added', () => {
    const v39 = allowedTopicConfigKeys('3.9');
    const v40 = allowedTopicConfigKeys('4.0');
    const removed = v39.filter((k) => !v40.includes(k));
    expect(removed).toEqual([
      'message.downconversion.enable',
      'message.format.version',
      'message.timestamp.difference.max.ms',
    ]);
    expect(allowedTopicConfigKeys('3.7')).not.toContain('compression.zstd.level');
    expect(allowedTopicConfigKeys('3.8')).not.toContain('remote.log.copy.disable');
    expect(v39).toContain('remote.log.copy.disable');
  });

  const bad: [string, Partial<Parameters<typeof renderTopicConfig>[0]>, string, RegExp][] = [
    [
      'retention below -1',
      { config: { retentionMs: -2 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /config\.retentionMs \(retention\.ms\) must be an integer >= -1; got -2/,
    ],
    [
      'fractional retention',
      { config: { retentionMs: 1.5 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must be an integer; got 1\.5/,
    ],
    [
      'unknown compression',
      { config: { compressionType: 'brotli' as TopicConfig['compressionType'] } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must be one of uncompressed, zstd, lz4, snappy, gzip, producer; got "brotli"/,
    ],
    [
      'bad cleanup policy',
      { config: { cleanupPolicy: ['delete', 'archive'] as never } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /comma-separated list of delete, compact/,
    ],
    ['empty cleanup policy', { config: { cleanupPolicy: [] } }, 'KAFKA_TOPIC_CONFIG_VALUE', /cleanupPolicy/],
    [
      'repeated cleanup policy',
      { extraConfig: { 'cleanup.policy': 'delete,delete' } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must not repeat a value/,
    ],
    [
      'dirty ratio above 1',
      { config: { minCleanableDirtyRatio: 1.5 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must be between 0 and 1; got 1\.5/,
    ],
    [
      'min isr 0',
      { config: { minInsyncReplicas: 0 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /min\.insync\.replicas\) must be an integer between 1 and 2147483647/,
    ],
    [
      'max.message.bytes above int',
      { config: { maxMessageBytes: 2 ** 31 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /between 0 and 2147483647/,
    ],
    [
      'segment.bytes below 1 MiB on 4.0',
      { config: { segmentBytes: 1000 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /segment\.bytes\) must be an integer between 1048576 and 2147483647; got 1000/,
    ],
    [
      'segment.index.bytes below 4',
      { config: { segmentIndexBytes: 3 } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /segment\.index\.bytes/,
    ],
    ['segment.ms 0', { config: { segmentMs: 0 } }, 'KAFKA_TOPIC_CONFIG_VALUE', /segment\.ms\) must be an integer >= 1/],
    ['lz4 level 18', { config: { compressionLz4Level: 18 } }, 'KAFKA_TOPIC_CONFIG_VALUE', /between 1 and 17/],
    ['gzip level 0', { config: { compressionGzipLevel: 0 } }, 'KAFKA_TOPIC_CONFIG_VALUE', /between 1 and 9 \(or -1\)/],
    [
      'timestamp type',
      { config: { messageTimestampType: 'Now' as never } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /CreateTime, LogAppendTime/,
    ],
    [
      'boolean as string',
      { config: { preallocate: 'yes' as never } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must be a boolean; got "yes"/,
    ],
    ['raw boolean text', { extraConfig: { preallocate: 'yes' } }, 'KAFKA_TOPIC_CONFIG_VALUE', /must be true or false/],
    [
      'raw long text',
      { extraConfig: { 'retention.ms': '7d' } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must be an integer; got "7d"/,
    ],
    [
      'raw long beyond Long',
      { extraConfig: { 'retention.ms': '9223372036854775808' } },
      'KAFKA_TOPIC_CONFIG_VALUE',
      /must be an integer >= -1/,
    ],
    [
      'raw number value',
      { extraConfig: { 'retention.ms': 1000 } },
      'KAFKA_TOPIC_CONFIG_NOT_STRING',
      /must be a string .*Write it as "1000"/,
    ],
    [
      'unknown raw key',
      { extraConfig: { 'retention.days': '7' } },
      'KAFKA_TOPIC_CONFIG_UNKNOWN',
      /"retention\.days" is not a topic config key of Kafka 4\.0.*Allowed: cleanup\.policy/,
    ],
    [
      'unknown typed field',
      { config: { retentionDays: 7 } as never },
      'KAFKA_TOPIC_CONFIG_UNKNOWN',
      /config\.retentionDays is not a topic config field/,
    ],
    [
      'removed key on 4.0',
      { extraConfig: { 'message.format.version': '3.0' } },
      'KAFKA_TOPIC_CONFIG_REMOVED',
      /was removed in Kafka 4\.0.*remove it/,
    ],
    [
      'removed typed field on 4.0',
      { config: { messageTimestampDifferenceMaxMs: 1000 } },
      'KAFKA_TOPIC_CONFIG_REMOVED',
      /config\.messageTimestampDifferenceMaxMs \(message\.timestamp\.difference\.max\.ms\) was removed in Kafka 4\.0/,
    ],
    [
      'downconversion on 4.1',
      { config: { messageDownconversionEnable: true }, brokerVersion: '4.1' },
      'KAFKA_TOPIC_CONFIG_REMOVED',
      /message\.downconversion\.enable/,
    ],
    [
      'zstd level on 3.7',
      { config: { compressionZstdLevel: 3 }, brokerVersion: '3.7' },
      'KAFKA_TOPIC_CONFIG_UNSUPPORTED',
      /needs Kafka 3\.8 or later; brokerVersion is 3\.7/,
    ],
    [
      'duplicate key',
      { config: { retentionMs: 1000 }, extraConfig: { 'retention.ms': '1000' } },
      'KAFKA_TOPIC_CONFIG_DUPLICATE',
      /extraConfig\["retention\.ms"\] and config\.retentionMs both set retention\.ms; choose one/,
    ],
    [
      'min isr above replication',
      { config: { minInsyncReplicas: 3 }, replicationFactor: 2 },
      'KAFKA_TOPIC_MIN_ISR_ABOVE_REPLICATION',
      /min\.insync\.replicas \(3\) must be <= replicationFactor \(2\)/,
    ],
  ];
  it.each(bad)('refuses %s', (_label, input, code, message) => {
    const { issues } = renderTopicConfig(input);
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe(code);
    expect(issues[0].message).toMatch(message);
  });

  it.each([
    ['segment.bytes of 14 on 3.9', { config: { segmentBytes: 14 }, brokerVersion: '3.9' as const }],
    ['removed key on 3.9', { extraConfig: { 'message.format.version': '3.0' }, brokerVersion: '3.9' as const }],
    ['retention -1', { config: { retentionMs: -1 } }],
    ['zstd level -131072', { config: { compressionZstdLevel: -131072 } }],
    ['min isr equal to replication', { config: { minInsyncReplicas: 3 }, replicationFactor: 3 }],
    ['retention.bytes negative', { config: { retentionBytes: -1 } }],
  ])('accepts %s', (_label, input) => {
    expect(renderTopicConfig(input).issues).toEqual([]);
  });

  it('passes unresolved values through unchecked', () => {
    const marker = { unresolved: true };
    const { config, issues } = renderTopicConfig({
      extraConfig: { 'retention.ms': marker },
      isUnresolved: (v) => v === marker,
    });
    expect(issues).toEqual([]);
    expect(config['retention.ms']).toBe(marker);
  });
});

describe('topic name and shape', () => {
  it.each([
    ['', /1-249 characters of \[a-zA-Z0-9\._-\]; got "" \(0 characters\)/],
    ['orders topic', /got "orders topic"/],
    ['x'.repeat(250), /\(250 characters\)/],
    ['..', /cannot be "\." or "\.\."/],
    [42, /got 42\./],
  ])('refuses name %j', (name, message) => {
    const issues = checkTopicName(name);
    expect(issues[0].code).toBe('KAFKA_TOPIC_NAME');
    expect(issues[0].message).toMatch(message);
  });

  it.each(['orders', 'orders.v1_dead-letter', 'x'.repeat(249)])('accepts name %s', (name) => {
    expect(checkTopicName(name)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const { issues } = checkTopicSpec({
      name: 'bad name',
      partitions: 0,
      replicationFactor: 1.5,
      config: { retentionMs: -5 },
    });
    expect(issues.map((i) => i.code)).toEqual([
      'KAFKA_TOPIC_NAME',
      'KAFKA_TOPIC_PARTITIONS',
      'KAFKA_TOPIC_REPLICATION',
      'KAFKA_TOPIC_CONFIG_VALUE',
    ]);
    expect(issues[1].message).toMatch(/partitions must be an integer between 1 and 2147483647; got 0/);
    expect(issues[2].message).toMatch(/replicationFactor must be an integer between 1 and 32767; got 1\.5/);
  });

  it('refuses lowering partitions, allows keeping or growing them', () => {
    expect(checkPartitionChange('orders', 3, 3)).toBeUndefined();
    expect(checkPartitionChange('orders', 3, 6)).toBeUndefined();
    const issue = checkPartitionChange('orders', 6, 3)!;
    expect(issue.code).toBe('KAFKA_TOPIC_PARTITIONS_DECREASE');
    expect(issue.message).toMatch(/cannot go from 6 down to 3.*data loss/);
  });
});

describe('DeliveryProfile', () => {
  it.each([
    [
      'at-most-once',
      DeliveryProfile.atMostOnce(),
      { acks: '0', 'enable.idempotence': 'false', retries: '0', 'max.in.flight.requests.per.connection': '5' },
      { 'enable.auto.commit': 'true', 'isolation.level': 'read_uncommitted' },
      {},
    ],
    [
      'at-least-once',
      DeliveryProfile.atLeastOnce(),
      {
        acks: 'all',
        'enable.idempotence': 'false',
        retries: '2147483647',
        'max.in.flight.requests.per.connection': '1',
      },
      { 'enable.auto.commit': 'false', 'isolation.level': 'read_uncommitted' },
      { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' },
    ],
    [
      'exactly-once',
      DeliveryProfile.exactlyOnce({ transactionalId: 'order-processor-1' }),
      {
        acks: 'all',
        'enable.idempotence': 'true',
        retries: '2147483647',
        'max.in.flight.requests.per.connection': '5',
        'transactional.id': 'order-processor-1',
      },
      { 'enable.auto.commit': 'false', 'isolation.level': 'read_committed' },
      { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' },
    ],
  ])('%s sets producer, consumer and topic settings', (guarantee, profile, producer, consumer, topic) => {
    expect(profile.clientSettings()).toEqual({ guarantee, producer, consumer });
    expect(profile.topicConfig(3)).toEqual(topic);
  });

  it('never asks for more in-sync replicas than replicas', () => {
    expect(DeliveryProfile.atLeastOnce().topicConfig(1)['min.insync.replicas']).toBe('1');
  });

  it('flags explicit config that breaks the guarantee', () => {
    const issues = DeliveryProfile.atLeastOnce().conflicts(
      { 'min.insync.replicas': '1', 'unclean.leader.election.enable': 'true' },
      3,
    );
    expect(issues.map((i) => i.code)).toEqual(['KAFKA_DELIVERY_PROFILE_CONFLICT', 'KAFKA_DELIVERY_PROFILE_CONFLICT']);
    expect(issues[0].message).toMatch(/minInsyncReplicas is 1, but the at-least-once profile needs at least 2/);
    expect(issues[1].message).toMatch(/uncleanLeaderElectionEnable is true/);
    expect(DeliveryProfile.atMostOnce().conflicts({ 'min.insync.replicas': '1' }, 3)).toEqual([]);
  });

  it.each(['', 'has space', 'x'.repeat(250)])('refuses transactional id %j', (transactionalId) => {
    try {
      DeliveryProfile.exactlyOnce({ transactionalId });
      throw new Error('expected an error');
    } catch (e) {
      expect(isEventformError(e) && e.code).toBe('KAFKA_DELIVERY_TRANSACTIONAL_ID');
      expect((e as Error).message).toMatch(/transactionalId must be 1-249 characters without whitespace/);
    }
  });
});
