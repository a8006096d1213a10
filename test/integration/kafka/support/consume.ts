import { Kafka, logLevel, type ConsumerConfig } from 'kafkajs';

/** One record read from a topic. */
export interface ConsumedRecord {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
}

/** A kafkajs client for the test cluster, silent unless something breaks. */
export function kafkaClient(bootstrapServers: string, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: bootstrapServers.split(','), logLevel: logLevel.ERROR });
}

/** Waits until `topic` exists (a connector creates its topics when it writes the first record). */
export async function waitForTopic(kafka: Kafka, topic: string, timeoutMs: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (!(await admin.listTopics()).includes(topic)) {
      if (Date.now() > deadline) throw new Error(`topic ${topic} did not appear within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads `topic` from the beginning with a fresh consumer group until `done` says the records are enough or
 * `timeoutMs` passes, then returns every record seen (also on timeout, so the caller's assertion shows them).
 */
export async function consumeUntil(
  bootstrapServers: string,
  topic: string,
  done: (records: readonly ConsumedRecord[]) => boolean,
  options: { timeoutMs: number; groupId: string; consumer?: Partial<ConsumerConfig> },
): Promise<ConsumedRecord[]> {
  const kafka = kafkaClient(bootstrapServers, options.groupId);
  await waitForTopic(kafka, topic, options.timeoutMs);
  const consumer = kafka.consumer({
    groupId: options.groupId,
    ...options.consumer,
  });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, options.timeoutMs);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            records.push({
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
            });
            if (done(records)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((e) => {
          clearTimeout(timer);
          reject(e);
        });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
