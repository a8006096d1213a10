import { allowedTopicConfigKeys, renderTopicConfig, type KafkaBrokerVersion } from '../../../lib/kafka/topic-config';

const NEW_IN_4_4 = [
  'errors.deadletterqueue.group.enable',
  'max.decompressed.message.bytes',
  'remote.copy.lag.bytes',
  'remote.copy.lag.ms',
];

describe('Kafka 4.2 to 4.4 topic rules (read off the 4.4.0 broker: LogConfig and TopicConfig)', () => {
  test('4.2 and 4.3 know the same topic keys as 4.1; 4.4 adds four', () => {
    expect(allowedTopicConfigKeys('4.2')).toEqual(allowedTopicConfigKeys('4.1'));
    expect(allowedTopicConfigKeys('4.3')).toEqual(allowedTopicConfigKeys('4.1'));
    const added = allowedTopicConfigKeys('4.4').filter((k) => !allowedTopicConfigKeys('4.3').includes(k));
    expect(added).toEqual(NEW_IN_4_4);
  });

  test('the typed fields of the 4.4 keys are written as the strings the broker expects', () => {
    const result = renderTopicConfig({
      brokerVersion: '4.4',
      config: {
        maxDecompressedMessageBytes: 8 * 1024 * 1024,
        remoteCopyLagMs: -1,
        remoteCopyLagBytes: 0,
        errorsDeadletterqueueGroupEnable: true,
      },
    });
    expect(result.issues).toEqual([]);
    expect(result.config).toEqual({
      'max.decompressed.message.bytes': '8388608',
      'remote.copy.lag.ms': '-1',
      'remote.copy.lag.bytes': '0',
      'errors.deadletterqueue.group.enable': 'true',
    });
  });

  test.each([
    ['maxDecompressedMessageBytes', 0, /between 1 and 2147483639/],
    ['maxDecompressedMessageBytes', 2147483640, /between 1 and 2147483639/],
    ['remoteCopyLagMs', -2, />= -1/],
    ['remoteCopyLagBytes', -2, />= -1/],
  ] as const)('%s = %d is refused on 4.4 with the allowed range', (prop, value, allowed) => {
    const result = renderTopicConfig({ brokerVersion: '4.4', config: { [prop]: value } });
    expect(result.issues.map((i) => i.code)).toEqual(['KAFKA_TOPIC_CONFIG_VALUE']);
    expect(result.issues[0].path).toBe(`config.${prop}`);
    expect(result.issues[0].message).toMatch(allowed);
    expect(result.issues[0].message).toContain(String(value));
  });

  test('a 4.4 key on an older broker version is refused with the version it needs', () => {
    const result = renderTopicConfig({ brokerVersion: '4.3', config: { remoteCopyLagMs: 0 } });
    expect(result.issues.map((i) => i.code)).toEqual(['KAFKA_TOPIC_CONFIG_UNSUPPORTED']);
    expect(result.issues[0].message).toMatch(/needs Kafka 4\.4 or later; brokerVersion is 4\.3/);
  });

  test('an unknown broker version is an error naming the versions eventform knows, reported with the other problems', () => {
    const result = renderTopicConfig({
      brokerVersion: '5.0' as KafkaBrokerVersion,
      config: { retentionMs: 1000, minCleanableDirtyRatio: 2 },
    });
    expect(result.issues.map((i) => i.code)).toEqual(['KAFKA_BROKER_VERSION_UNKNOWN', 'KAFKA_TOPIC_CONFIG_VALUE']);
    expect(result.issues[0].path).toBe('brokerVersion');
    expect(result.issues[0].message).toMatch(
      /"5\.0".*3\.6, 3\.7, 3\.8, 3\.9, 4\.0, 4\.1, 4\.2, 4\.3, 4\.4.*checked against 4\.4/,
    );
    expect(result.issues[1].path).toBe('config.minCleanableDirtyRatio');
  });
});
