/**
 * The Kafka benchmark workload, shared by the eventform and the plain @pulumi/kafka variants: N topics (explicit
 * names, partitions, replication factor, typed config written as strings), each with least-privilege ACLs for one
 * producer and one consumer group, through one explicitly configured provider.
 */

/** Name of topic `index`. */
export function topicName(index: number): string {
  return `orders.v1.part-${index}`;
}

/** Principal of the producer of topic `index`. */
export function producerPrincipal(index: number): string {
  return `User:producer-${index}`;
}

/** Principal of the consumer of topic `index`. */
export function consumerPrincipal(index: number): string {
  return `User:consumer-${index}`;
}

/** Consumer group of topic `index`. */
export function consumerGroup(index: number): string {
  return `orders-processor-${index}`;
}

/** Partitions of every topic. */
export const PARTITIONS = 3;

/** Replication factor of every topic. */
export const REPLICATION_FACTOR = 3;

/** Topic configuration every topic gets (retention 7 days, lz4, min.insync.replicas 2). */
export const TOPIC_CONFIG: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'compression.type': 'lz4',
  'min.insync.replicas': '2',
  'retention.ms': '604800000',
};

/** Bootstrap servers of the (never contacted) cluster. */
export const BOOTSTRAP_SERVERS = ['broker-1.example.internal:9093'];
