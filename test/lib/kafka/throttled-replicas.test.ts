import { renderTopicConfig } from '../../../lib/kafka/topic-config';

const KEYS = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'];

function check(key: string, value: string) {
  return renderTopicConfig({ extraConfig: { [key]: value } });
}

describe('throttled-replica lists (the broker ThrottledReplicaListValidator rules)', () => {
  // Items are trimmed as Java's String.trim() does: characters up to U+0020 (controls included), not U+00A0.
  test.each(
    KEYS.flatMap((key) =>
      ['*', ' * ', '0:101', '0:101,1:102', '0:101, 1:102', '', '0:1\u0001', '\t0:1'].map((v) => [key, v]),
    ),
  )('%s = %j is accepted and written as given', (key, value) => {
    const result = check(key, value);
    expect(result.issues).toEqual([]);
    expect(result.config[key]).toBe(value);
  });

  test.each(
    KEYS.flatMap((key) =>
      ['garbage', '0 : 101', '0:1\u00a0', '0', '0:', ':1', '0:1:2', '*,0:1', 'a:1', '0:-1', '**'].map((v) => [key, v]),
    ),
  )('%s = %j is refused with KAFKA_TOPIC_CONFIG_VALUE naming the key, the value and the format', (key, value) => {
    const result = check(key, value);
    expect(result.config[key]).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].code).toBe('KAFKA_TOPIC_CONFIG_VALUE');
    expect(result.issues[0].path).toBe(`extraConfig["${key}"]`);
    expect(result.issues[0].message).toContain(key);
    expect(result.issues[0].message).toContain(JSON.stringify(value));
    expect(result.issues[0].message).toMatch(/literal '\*' or a comma-separated list of partitionId:brokerId pairs/);
  });
});
