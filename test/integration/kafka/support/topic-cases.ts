import { TOPIC_CONFIG_RULES, type TopicConfigKeyRule } from '../../../../lib/kafka';

/** One topic request to put to both eventform's validator and the broker. */
export interface TopicCase {
  /** Short description, e.g. `retention.ms = "-2"`. */
  readonly label: string;
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string>>;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Values just inside and just outside the key's type, enum and range, as the strings Kafka receives. */
function valuesFor(rule: TopicConfigKeyRule): string[] {
  switch (rule.kind) {
    case 'boolean':
      return ['true', 'false', 'TRUE', 'yes', '1'];
    case 'enum':
      return [...(rule.values ?? []), 'bogus', ''];
    case 'list':
      return [
        ...(rule.values ?? []),
        (rule.values ?? []).join(','),
        `${rule.values?.[0]},${rule.values?.[0]}`,
        '',
        'bogus',
        `${rule.values?.[0]},bogus`,
      ];
    case 'double':
      return [
        ...(rule.min !== undefined ? [String(rule.min), String(rule.min - 0.01)] : []),
        ...(rule.max !== undefined ? [String(rule.max), String(rule.max + 0.01)] : []),
        '0.5',
        'abc',
      ];
    case 'int':
    case 'long': {
      const out = new Set<string>();
      if (rule.min !== undefined) {
        out.add(String(rule.min));
        out.add(String(rule.min - 1));
      }
      if (rule.max !== undefined) {
        out.add(String(rule.max));
        out.add(String(rule.max + 1));
      }
      out.add('1048576');
      out.add('1.5');
      out.add('abc');
      if (rule.kind === 'int') {
        out.add(String(INT_MAX));
        out.add(String(INT_MAX + 1));
        out.add(String(INT_MIN - 1));
      } else {
        out.add('9223372036854775807');
        out.add('9223372036854775808');
      }
      return [...out];
    }
    default:
      // Throttled-replica lists: "*" or "partition:broker,..." pairs (an empty list clears the throttle).
      return ['*', ' * ', '0:1,1:2', '0:1, 1:2', '', 'garbage', '0 : 1', '0:1:2', '*,0:1', '0:'];
  }
}

let counter = 0;

function topicName(): string {
  counter += 1;
  return `eventform-sweep-${counter}`;
}

/**
 * The sweep: for every config key eventform knows (including keys removed in Kafka 4.0), values at and beyond its
 * boundaries; keys only the broker knows (from `brokerKeys`, with the broker's default value); an unknown key; and
 * name, partition and replication-factor edges. Every request has 1 partition and replication 1 unless the case
 * is about those.
 */
export function sweepCases(brokerDefaults: Readonly<Record<string, string | null>>): TopicCase[] {
  const cases: TopicCase[] = [];
  const add = (label: string, configs: Record<string, string>, over: Partial<TopicCase> = {}) =>
    cases.push({ label, name: topicName(), partitions: 1, replicationFactor: 1, configs, ...over });

  for (const rule of TOPIC_CONFIG_RULES) {
    for (const value of valuesFor(rule)) add(`${rule.key} = ${JSON.stringify(value)}`, { [rule.key]: value });
  }
  const known = new Set(TOPIC_CONFIG_RULES.map((r) => r.key));
  for (const [key, value] of Object.entries(brokerDefaults)) {
    if (!known.has(key) && value !== null) add(`${key} = ${JSON.stringify(value)} (broker default)`, { [key]: value });
  }
  add('unknown key retention.hours = "1"', { 'retention.hours': '1' });
  add('min.insync.replicas = "3" with replicationFactor 2', { 'min.insync.replicas': '3' }, { replicationFactor: 2 });
  add('min.insync.replicas = "2" with replicationFactor 2', { 'min.insync.replicas': '2' }, { replicationFactor: 2 });
  add('name of 249 characters', {}, { name: 'n'.repeat(249) });
  add('name of 250 characters', {}, { name: 'n'.repeat(250) });
  add('name "."', {}, { name: '.' });
  add('name ".."', {}, { name: '..' });
  add('name "orders v2" (space)', {}, { name: 'orders v2' });
  add('name "orders/v2"', {}, { name: 'orders/v2' });
  add('name "orders.v2_x-y"', {}, { name: 'orders.v2_x-y' });
  add('partitions 0', {}, { partitions: 0 });
  add('replicationFactor 0', {}, { replicationFactor: 0 });
  add('replicationFactor 3 (= brokers)', {}, { replicationFactor: 3 });
  add('replicationFactor 4 (> brokers)', {}, { replicationFactor: 4 });
  return cases;
}
