import { Topic } from '../../../constructs/kafka';
import { DeliveryProfile, type DeliveryClientSettings } from '../../../lib/kafka';
import { capturePulumiProgram } from '../../../scripts/pulumi-capture';
import { AdminSession } from './support/admin-probe';
import { runDeliveryProbe, type DeliveryResult } from './support/delivery-probe';
import { describeWithKafka, integrationEnvironment } from './support/env';
import { captureOrdersProgram, capturedTopics, type CapturedTopic } from './support/example-program';

const COUNT = 200;

/** Per key (`i % 7`), the record numbers in the order they arrived. */
function perKeyOrder(received: readonly string[]): number[][] {
  const byKey: number[][] = Array.from({ length: 7 }, () => []);
  for (const v of received) {
    const i = Number(v.replace('committed-', ''));
    byKey[i % 7].push(i);
  }
  return byKey;
}

const committed = Array.from({ length: COUNT }, (_, i) => `committed-${i}`);

describeWithKafka('delivery profiles on a real cluster (3 brokers, Java clients)', () => {
  const env = integrationEnvironment();
  let topics: CapturedTopic[];
  let settings: Record<string, DeliveryClientSettings>;
  let results: Record<string, DeliveryResult>;

  beforeAll(async () => {
    // One topic per profile through eventform's Topic component, and the orders example's own client settings.
    const program = await capturePulumiProgram(() => {
      const profiles = {
        'at-most-once': DeliveryProfile.atMostOnce(),
        'at-least-once': DeliveryProfile.atLeastOnce(),
        'exactly-once': DeliveryProfile.exactlyOnce({ transactionalId: 'order-processor-1' }),
      };
      const out: Record<string, unknown> = {};
      for (const [guarantee, deliveryProfile] of Object.entries(profiles)) {
        const topic = new Topic(`delivery-${guarantee}`, {
          name: `delivery-${guarantee}`,
          partitions: 3,
          replicationFactor: 3,
          deliveryProfile,
        });
        out[guarantee] = topic.clientSettings;
      }
      return out;
    });
    topics = capturedTopics(program.resources);
    settings = program.outputs as Record<string, DeliveryClientSettings>;
    const example = await captureOrdersProgram();
    settings['orders example'] = (
      example.outputs as { ordersClientSettings: DeliveryClientSettings }
    ).ordersClientSettings;
    topics.push({
      ...capturedTopics(example.resources).find((t) => t.name === 'orders')!,
      name: 'delivery-orders-example',
    });

    const admin = await AdminSession.open(env);
    try {
      const created = await admin.createTopics(
        topics.map((t) => ({
          name: t.name,
          partitions: t.partitions,
          replicationFactor: t.replicationFactor,
          configs: t.config,
        })),
      );
      expect(created.filter((c) => !c.ok)).toEqual([]);
    } finally {
      await admin.close();
    }
    const runs = Object.entries(settings).map(([key, s]) => ({
      topic: key === 'orders example' ? 'delivery-orders-example' : `delivery-${key}`,
      count: COUNT,
      producer: s.producer,
      consumer: s.consumer,
    }));
    const out = runDeliveryProbe(env, runs);
    results = Object.fromEntries(Object.keys(settings).map((k, i) => [k, out[i]]));
  });

  it('the profiles set min.insync.replicas 2 on replication 3 (and nothing for at-most-once)', () => {
    const config = Object.fromEntries(topics.map((t) => [t.name, t.config]));
    expect(config['delivery-at-most-once']).toEqual({});
    for (const name of ['delivery-at-least-once', 'delivery-exactly-once', 'delivery-orders-example']) {
      expect(config[name]).toMatchObject({ 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' });
    }
  });

  it('exactly-once: an idempotent, transactional acks=all producer and a read_committed consumer see every committed record once, and no aborted one', () => {
    expect(settings['exactly-once'].producer).toMatchObject({
      acks: 'all',
      'enable.idempotence': 'true',
      'transactional.id': 'order-processor-1',
    });
    expect(settings['exactly-once'].consumer).toMatchObject({
      'isolation.level': 'read_committed',
      'enable.auto.commit': 'false',
    });
    const r = results['exactly-once'];
    expect(r.aborted).toBe(5);
    expect(r.received.filter((v) => v.startsWith('aborted-'))).toEqual([]);
    expect([...r.received].sort()).toEqual([...committed].sort());
    expect(new Set(r.received).size).toBe(r.received.length);
    for (const seq of perKeyOrder(r.received)) expect(seq).toEqual([...seq].sort((a, b) => a - b));
    expect(r.redeliveredAfterCommit).toBe(0);
  });

  it.each(['at-least-once', 'orders example'])(
    '%s: acks=all, one request in flight, manual commit: every record once, in order per key, nothing redelivered after commit',
    (key) => {
      expect(settings[key].producer).toMatchObject({ acks: 'all', 'max.in.flight.requests.per.connection': '1' });
      expect(settings[key].consumer).toMatchObject({ 'enable.auto.commit': 'false' });
      const r = results[key];
      expect([...r.received].sort()).toEqual([...committed].sort());
      for (const seq of perKeyOrder(r.received)) expect(seq).toEqual([...seq].sort((a, b) => a - b));
      expect(r.redeliveredAfterCommit).toBe(0);
    },
  );

  it('at-most-once: acks=0 without retries and auto commit deliver every record once on a healthy cluster', () => {
    expect(settings['at-most-once'].producer).toMatchObject({ acks: '0', retries: '0' });
    expect(settings['at-most-once'].consumer).toMatchObject({ 'enable.auto.commit': 'true' });
    const r = results['at-most-once'];
    expect([...r.received].sort()).toEqual([...committed].sort());
    expect(r.redeliveredAfterCommit).toBe(0);
  });
});
