/**
 * The one module through which eventform's GCP constructs reach cdktf, constructs and the Google provider.
 *
 * Every provider import is a deep import (`@cdktf/provider-google/lib/<resource>`): the barrel loads ~1,470
 * modules (4-7 s); the resources below load in well under a second. The resources every topic and subscription
 * uses are loaded with this module; the ones only a feature needs (BigQuery and Cloud Storage delivery, schemas,
 * KMS, the project data source) are loaded on first use through the `load*` functions, so an app that does not
 * use the feature does not pay for parsing them (`bigquery-table` alone is ~1 MB of JavaScript plus its inline
 * source map). Moving to another CDK for Terraform distribution is a change to this file only.
 * @module
 */
import type * as bigqueryDataset from '@cdktf/provider-google/lib/bigquery-dataset';
import type * as bigqueryTable from '@cdktf/provider-google/lib/bigquery-table';
import type * as bigqueryTableIamMember from '@cdktf/provider-google/lib/bigquery-table-iam-member';
import type * as dataGoogleProject from '@cdktf/provider-google/lib/data-google-project';
import type * as kmsCryptoKeyIamMember from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type * as pubsubSchema from '@cdktf/provider-google/lib/pubsub-schema';
import type * as storageBucketIamMember from '@cdktf/provider-google/lib/storage-bucket-iam-member';

export { Construct, type IConstruct } from 'constructs';
export { Annotations, App, TerraformStack, Token, type ITerraformDependable } from 'cdktf';
export {
  MonitoringAlertPolicy,
  type MonitoringAlertPolicyConditions,
} from '@cdktf/provider-google/lib/monitoring-alert-policy';
export { PubsubSubscription, type PubsubSubscriptionConfig } from '@cdktf/provider-google/lib/pubsub-subscription';
export { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
export { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
export { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';

export type { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
export type { BigqueryTable } from '@cdktf/provider-google/lib/bigquery-table';
export type { BigqueryTableIamMember } from '@cdktf/provider-google/lib/bigquery-table-iam-member';
export type { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
export type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
export type { PubsubSchema } from '@cdktf/provider-google/lib/pubsub-schema';
export type { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';

/** `google_bigquery_dataset`, loaded on first use. */
export function loadBigqueryDataset(): typeof bigqueryDataset.BigqueryDataset {
  return (require('@cdktf/provider-google/lib/bigquery-dataset') as typeof bigqueryDataset).BigqueryDataset;
}

/** `google_bigquery_table`, loaded on first use. */
export function loadBigqueryTable(): typeof bigqueryTable.BigqueryTable {
  return (require('@cdktf/provider-google/lib/bigquery-table') as typeof bigqueryTable).BigqueryTable;
}

/** `google_bigquery_table_iam_member`, loaded on first use. */
export function loadBigqueryTableIamMember(): typeof bigqueryTableIamMember.BigqueryTableIamMember {
  return (require('@cdktf/provider-google/lib/bigquery-table-iam-member') as typeof bigqueryTableIamMember)
    .BigqueryTableIamMember;
}

/** The `google_project` data source, loaded on first use. */
export function loadDataGoogleProject(): typeof dataGoogleProject.DataGoogleProject {
  return (require('@cdktf/provider-google/lib/data-google-project') as typeof dataGoogleProject).DataGoogleProject;
}

/** `google_kms_crypto_key_iam_member`, loaded on first use. */
export function loadKmsCryptoKeyIamMember(): typeof kmsCryptoKeyIamMember.KmsCryptoKeyIamMember {
  return (require('@cdktf/provider-google/lib/kms-crypto-key-iam-member') as typeof kmsCryptoKeyIamMember)
    .KmsCryptoKeyIamMember;
}

/** `google_pubsub_schema`, loaded on first use. */
export function loadPubsubSchema(): typeof pubsubSchema.PubsubSchema {
  return (require('@cdktf/provider-google/lib/pubsub-schema') as typeof pubsubSchema).PubsubSchema;
}

/** `google_storage_bucket_iam_member`, loaded on first use. */
export function loadStorageBucketIamMember(): typeof storageBucketIamMember.StorageBucketIamMember {
  return (require('@cdktf/provider-google/lib/storage-bucket-iam-member') as typeof storageBucketIamMember)
    .StorageBucketIamMember;
}
