/**
 * The Pub/Sub service agent: the Google-managed identity that forwards dead letters, writes to BigQuery and Cloud
 * Storage, and uses a topic's KMS key. Pure: no engine imports.
 * @module
 */

/** A Google Cloud project number: digits only (not the project ID). */
export const PROJECT_NUMBER_PATTERN = /^[0-9]{1,20}$/;

/**
 * The e-mail of a project's Pub/Sub service agent, `service-<PROJECT_NUMBER>@gcp-sa-pubsub.iam.gserviceaccount.com`.
 * The project number may be a deploy-time token (it is only interpolated).
 */
export function pubsubServiceAgentEmail(projectNumber: string): string {
  return `service-${projectNumber}@gcp-sa-pubsub.iam.gserviceaccount.com`;
}

/** The IAM member string for the Pub/Sub service agent of a project. */
export function pubsubServiceAgentMember(projectNumber: string): string {
  return `serviceAccount:${pubsubServiceAgentEmail(projectNumber)}`;
}
