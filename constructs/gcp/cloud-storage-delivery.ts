import {
  Construct,
  type ITerraformDependable,
  loadStorageBucketIamMember,
  type PubsubSubscriptionConfig,
} from './cdktf';
import { durationString } from './limits';
import { CloudStorageFileFormat, type CloudStorageDeliveryOptions, SUBSCRIPTION_DEFAULTS } from './subscription-spec';

/** The roles the Pub/Sub service agent needs on the bucket of a Cloud Storage subscription. */
export const CLOUD_STORAGE_AGENT_ROLES = ['roles/storage.objectCreator', 'roles/storage.legacyBucketReader'] as const;

/**
 * The `cloud_storage_config` block of a subscription, and the grants on the bucket (only) the subscription must wait
 * for: the service agent's object creator and legacy bucket reader roles.
 */
export function cloudStorageDelivery(
  scope: Construct,
  options: CloudStorageDeliveryOptions,
  agentMember: string,
): { config: NonNullable<PubsubSubscriptionConfig['cloudStorageConfig']>; dependsOn: ITerraformDependable[] } {
  const StorageBucketIamMember = loadStorageBucketIamMember();
  const dependsOn = CLOUD_STORAGE_AGENT_ROLES.map(
    (role) =>
      new StorageBucketIamMember(
        scope,
        role === 'roles/storage.objectCreator' ? 'AgentObjectCreator' : 'AgentBucketReader',
        {
          bucket: options.bucket,
          role,
          member: agentMember,
        },
      ),
  );
  const avro = options.format === CloudStorageFileFormat.AVRO;
  return {
    config: {
      bucket: options.bucket,
      filenamePrefix: options.filenamePrefix,
      filenameSuffix: options.filenameSuffix,
      filenameDatetimeFormat: options.filenameDatetimeFormat,
      maxDuration: durationString(options.maxDurationSeconds ?? SUBSCRIPTION_DEFAULTS.cloudStorageMaxDurationSeconds),
      maxBytes: options.maxBytes,
      maxMessages: options.maxMessages,
      avroConfig: avro
        ? { writeMetadata: options.writeMetadata ?? false, useTopicSchema: options.useTopicSchema ?? false }
        : undefined,
    },
    dependsOn,
  };
}
