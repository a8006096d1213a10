import { checkPartitionChange, checkTopicSpec, KAFKA_BROKER_VERSIONS, type TopicSpec } from '../../../lib/kafka';
import { AdminSession, type BrokerOutcome } from './support/admin-probe';
import { describeWithKafka, integrationEnvironment } from './support/env';
import { captureOrdersProgram, capturedTopics, type CapturedTopic } from './support/example-program';
import { sweepCases } from './support/topic-cases';

/** The newest broker version eventform's validator knows: the closest to the broker under test. */
const NEWEST_KNOWN = KAFKA_BROKER_VERSIONS[KAFKA_BROKER_VERSIONS.length - 1];

describeWithKafka('topics on a real broker', () => {
  const env = integrationEnvironment();
  let admin: AdminSession;
  beforeAll(async () => {
    admin = await AdminSession.open(env);
  });
  afterAll(async () => {
    await admin?.close();
  });

  describe('the orders example (stacks/kafka)', () => {
    let topics: CapturedTopic[];
    beforeAll(async () => {
      const captured = await captureOrdersProgram();
      topics = capturedTopics(captured.resources);
    });

    it('registers the seed topics', () => {
      expect(topics.map((t) => t.name).sort()).toEqual(['orders', 'orders-dead-letter']);
    });

    it('creates every topic with its exact captured config, and the broker stores exactly that', async () => {
      const requests = topics.map((t) => ({
        name: t.name,
        partitions: t.partitions,
        replicationFactor: t.replicationFactor,
        configs: t.config,
      }));
      // Another suite (access.test.ts) may have created these names first: start from none.
      await admin.deleteTopics(requests.map((r) => r.name));
      // Deletion finishes in the background: retry while a name still exists.
      const outcome = new Map<string, BrokerOutcome>();
      let pending = requests;
      for (let attempt = 0; pending.length > 0 && attempt < 80; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
        const answers = await admin.createTopics(pending);
        answers.forEach((a) => outcome.set(a.name, a));
        pending = pending.filter((_, j) => answers[j].error === 'TopicExistsException');
      }
      const outcomes = requests.map((r) => outcome.get(r.name));
      expect(outcomes).toEqual(topics.map((t) => ({ name: t.name, ok: true })));
      const described = await admin.describeTopics(topics.map((t) => t.name));
      for (const t of topics) {
        const d = described[t.name];
        expect({ name: t.name, partitions: d.partitions, replicationFactor: d.replicationFactor }).toEqual({
          name: t.name,
          partitions: t.partitions,
          replicationFactor: t.replicationFactor,
        });
        for (const [key, value] of Object.entries(t.config)) {
          expect({ key, ...d.configs[key] }).toEqual({ key, value, source: 'DYNAMIC_TOPIC_CONFIG' });
        }
      }
    });

    it('refuses to lower partitions, like eventform: the broker cannot, and only growth is allowed', async () => {
      const orders = topics.find((t) => t.name === 'orders')!;
      const lower = orders.partitions - 1;
      expect(checkPartitionChange(orders.name, orders.partitions, lower)?.code).toBe('KAFKA_TOPIC_PARTITIONS_DECREASE');
      expect(checkPartitionChange(orders.name, orders.partitions, orders.partitions + 1)).toBeUndefined();
      const [down, up] = await admin.setPartitions([
        { name: orders.name, totalCount: lower, validateOnly: true },
        { name: orders.name, totalCount: orders.partitions + 1, validateOnly: true },
      ]);
      expect(down).toMatchObject({ ok: false, error: 'InvalidPartitionsException' });
      expect(down.message).toMatch(/would not be an increase/);
      expect(up).toEqual({ name: orders.name, ok: true });
    });
  });

  describe("eventform's negative topic tests (test/constructs/kafka), put to the broker", () => {
    // Each case: the invalid input as a user writes it, the code eventform reports, and the raw request a provider
    // without eventform's checks would send. Cases with no raw equivalent (a typed field that does not exist, the
    // same key set twice, version rules of older brokers) are left out: the broker cannot see them.
    const cases: [
      label: string,
      spec: Partial<TopicSpec>,
      code: string,
      raw: Record<string, string>,
      brokerAccepts?: string,
    ][] = [
      ['retention below -1', { config: { retentionMs: -2 } }, 'KAFKA_TOPIC_CONFIG_VALUE', { 'retention.ms': '-2' }],
      ['fractional retention', { config: { retentionMs: 1.5 } }, 'KAFKA_TOPIC_CONFIG_VALUE', { 'retention.ms': '1.5' }],
      [
        'unknown compression',
        { extraConfig: { 'compression.type': 'brotli' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'compression.type': 'brotli' },
      ],
      [
        'bad cleanup policy',
        { extraConfig: { 'cleanup.policy': 'delete,archive' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'cleanup.policy': 'delete,archive' },
      ],
      [
        'empty cleanup policy',
        { extraConfig: { 'cleanup.policy': '' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'cleanup.policy': '' },
        'Kafka 4.x accepts an empty cleanup.policy (no deletion, no compaction)',
      ],
      [
        'repeated cleanup policy',
        { extraConfig: { 'cleanup.policy': 'delete,delete' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'cleanup.policy': 'delete,delete' },
        'the broker accepts a repeated value',
      ],
      [
        'dirty ratio above 1',
        { config: { minCleanableDirtyRatio: 1.5 } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'min.cleanable.dirty.ratio': '1.5' },
      ],
      ['min isr 0', { config: { minInsyncReplicas: 0 } }, 'KAFKA_TOPIC_CONFIG_VALUE', { 'min.insync.replicas': '0' }],
      [
        'max.message.bytes above int',
        { config: { maxMessageBytes: 2 ** 31 } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'max.message.bytes': String(2 ** 31) },
      ],
      [
        'segment.bytes below 1 MiB on 4.x',
        { config: { segmentBytes: 1000 } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'segment.bytes': '1000' },
      ],
      [
        'segment.index.bytes below 4',
        { config: { segmentIndexBytes: 3 } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'segment.index.bytes': '3' },
      ],
      ['segment.ms 0', { config: { segmentMs: 0 } }, 'KAFKA_TOPIC_CONFIG_VALUE', { 'segment.ms': '0' }],
      [
        'lz4 level 18',
        { config: { compressionLz4Level: 18 } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'compression.lz4.level': '18' },
      ],
      [
        'gzip level 0',
        { config: { compressionGzipLevel: 0 } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'compression.gzip.level': '0' },
      ],
      [
        'timestamp type',
        { extraConfig: { 'message.timestamp.type': 'Now' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'message.timestamp.type': 'Now' },
      ],
      ['raw boolean text', { extraConfig: { preallocate: 'yes' } }, 'KAFKA_TOPIC_CONFIG_VALUE', { preallocate: 'yes' }],
      [
        'raw long text',
        { extraConfig: { 'retention.ms': '7d' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'retention.ms': '7d' },
      ],
      [
        'raw long beyond Long',
        { extraConfig: { 'retention.ms': '9223372036854775808' } },
        'KAFKA_TOPIC_CONFIG_VALUE',
        { 'retention.ms': '9223372036854775808' },
      ],
      [
        'unknown raw key',
        { extraConfig: { 'retention.days': '7' } },
        'KAFKA_TOPIC_CONFIG_UNKNOWN',
        { 'retention.days': '7' },
      ],
      [
        'removed key on 4.x',
        { extraConfig: { 'message.format.version': '3.0' } },
        'KAFKA_TOPIC_CONFIG_REMOVED',
        { 'message.format.version': '3.0' },
      ],
      [
        'removed typed field on 4.x',
        { config: { messageTimestampDifferenceMaxMs: 1000 } },
        'KAFKA_TOPIC_CONFIG_REMOVED',
        { 'message.timestamp.difference.max.ms': '1000' },
      ],
      [
        'downconversion on 4.x',
        { config: { messageDownconversionEnable: true } },
        'KAFKA_TOPIC_CONFIG_REMOVED',
        { 'message.downconversion.enable': 'true' },
      ],
    ];
    let outcomes: BrokerOutcome[];
    beforeAll(async () => {
      outcomes = await admin.createTopics(
        cases.map(([, , , configs], i) => ({
          name: `eventform-negative-${i}`,
          partitions: 1,
          replicationFactor: 1,
          configs,
          validateOnly: true,
        })),
      );
    });

    it.each(
      cases.map((c, i) => [c[0], c[4] ? `eventform is stricter: ${c[4]}` : 'the broker refuses it too', i] as const),
    )('%s: eventform refuses it; %s', (_label, _verdict, i) => {
      const [, spec, code, , brokerAccepts] = cases[i];
      const issues = checkTopicSpec({
        name: 'orders',
        partitions: 1,
        replicationFactor: 1,
        brokerVersion: NEWEST_KNOWN,
        ...spec,
      }).issues;
      expect(issues.map((x) => x.code)).toContain(code);
      if (brokerAccepts) expect(outcomes[i]).toEqual({ name: `eventform-negative-${i}`, ok: true });
      else expect(outcomes[i]).toMatchObject({ ok: false, error: 'InvalidConfigurationException' });
    });

    it('min.insync.replicas above the replication factor: eventform refuses it, the broker accepts it (every acks=all write would then fail)', async () => {
      const issues = checkTopicSpec({
        name: 'orders',
        partitions: 1,
        replicationFactor: 2,
        config: { minInsyncReplicas: 3 },
      }).issues;
      expect(issues.map((x) => x.code)).toEqual(['KAFKA_TOPIC_MIN_ISR_ABOVE_REPLICATION']);
      const [outcome] = await admin.createTopics([
        {
          name: 'eventform-isr',
          partitions: 1,
          replicationFactor: 2,
          configs: { 'min.insync.replicas': '3' },
          validateOnly: true,
        },
      ]);
      expect(outcome.ok).toBe(true);
    });
  });

  describe('validator and broker on a boundary sweep of every topic config key', () => {
    it('agree, except where eventform is stricter on purpose or the answer depends on the cluster', async () => {
      const [reference] = await admin.createTopics([
        { name: 'eventform-defaults', partitions: 1, replicationFactor: 1, configs: {} },
      ]);
      expect(reference.ok).toBe(true);
      const defaults = (await admin.describeTopics(['eventform-defaults']))['eventform-defaults'].configs;
      const cases = sweepCases(Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, v.value])));
      const broker = await admin.createTopics(cases.map((c) => ({ ...c, validateOnly: true })));
      const rows = cases.map((c, i) => {
        const issues = checkTopicSpec({
          name: c.name,
          partitions: c.partitions,
          replicationFactor: c.replicationFactor,
          extraConfig: c.configs,
          brokerVersion: NEWEST_KNOWN,
        }).issues;
        return { label: c.label, validator: issues.map((x) => x.code), broker: broker[i] };
      });
      const disagreements = rows.filter((r) => (r.validator.length === 0) !== r.broker.ok);
      const lines = disagreements.map(
        (d) =>
          `${d.label} | eventform: ${d.validator.join(',') || 'accepts'} | broker: ${d.broker.ok ? 'accepts' : `${d.broker.error}: ${d.broker.message}`}`,
      );
      console.log(
        `Topic config sweep: ${rows.length} requests, ${rows.length - disagreements.length} agree, ${disagreements.length} disagree ` +
          `(eventform rules of Kafka ${NEWEST_KNOWN}, broker ${env.versions.kafka}):\n${lines.join('\n')}`,
      );

      // eventform accepts, the broker refuses: these fail at deploy instead of preview. Only answers that depend on
      // the cluster (broker count, tiered storage switched on) may be here.
      const brokerOnly = disagreements.filter((d) => d.broker.ok === false);
      const dependsOnCluster = (d: (typeof rows)[number]) =>
        /^replicationFactor \d+ \(> brokers\)$/.test(d.label) ||
        (d.label.startsWith('remote.storage.enable') &&
          /Tiered Storage functionality is disabled/.test(d.broker.message ?? ''));
      expect(brokerOnly.filter((d) => !dependsOnCluster(d)).map((d) => d.label)).toEqual([]);

      // eventform refuses, the broker accepts: min.insync.replicas above the replication factor (on purpose), keys
      // newer than the newest broker version eventform knows, and cleanup.policy lists that are empty or repeat a
      // value (eventform is stricter than the broker there; reported).
      const stricter = disagreements.filter((d) => d.broker.ok);
      const known = (d: (typeof rows)[number]) =>
        d.validator.every((c) => c === 'KAFKA_TOPIC_MIN_ISR_ABOVE_REPLICATION') ||
        (d.validator.every((c) => c === 'KAFKA_TOPIC_CONFIG_UNKNOWN') && d.label.endsWith('(broker default)')) ||
        ['cleanup.policy = ""', 'cleanup.policy = "delete,delete"'].includes(d.label);
      expect(stricter.filter((d) => !known(d)).map((d) => d.label)).toEqual([]);
      expect(rows.length).toBeGreaterThan(200);
    });
  });
});
