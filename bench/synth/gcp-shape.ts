/**
 * The GCP benchmark workload, shared by the eventform and the plain cdktf variants: one topic and one dead-letter
 * topic (with a subscription that keeps the dead letters), and N pull subscriptions on the topic, each with a
 * dead-letter policy, a retry policy, the Pub/Sub service agent's resource-scoped grants, and alert policies on
 * backlog and oldest unacked message age.
 */

/** The project the benchmark stack targets (never contacted: synthesis only). */
export const PROJECT_ID = 'bench-project';

/** The project number, from which the Pub/Sub service agent's e-mail is built. */
export const PROJECT_NUMBER = '123456789012';

/** The Pub/Sub service agent's IAM member. */
export const PUBSUB_AGENT = `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com`;

/** Name of subscription `index`. */
export function subscriptionName(index: number): string {
  return `orders-consumer-${index}`;
}

/** Ack deadline of the benchmark subscriptions, in seconds. */
export const ACK_DEADLINE_SECONDS = 60;

/** Message retention of the topic, in seconds (7 days). */
export const TOPIC_RETENTION_SECONDS = 7 * 24 * 3600;

/** Maximum delivery attempts before a message is dead-lettered. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** Backlog alert threshold (undelivered messages). */
export const BACKLOG_THRESHOLD = 1000;

/** Oldest unacked message age alert threshold, in seconds. */
export const OLDEST_UNACKED_SECONDS = 600;
