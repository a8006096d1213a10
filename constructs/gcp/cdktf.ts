/**
 * The one module through which eventform's GCP constructs reach cdktf, constructs and the Google provider.
 *
 * Every provider import is a deep import (`@cdktf/provider-google/lib/<resource>`): the barrel loads ~1,470
 * modules (4-7 s); the resources below load in well under a second. Moving to another CDK for Terraform
 * distribution is a change to this file only.
 * @module
 */
export { Construct, type IConstruct } from 'constructs';
export { Annotations, App, TerraformStack, Token, type ITerraformDependable } from 'cdktf';
export { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
export { BigqueryTable } from '@cdktf/provider-google/lib/bigquery-table';
export { BigqueryTableIamMember } from '@cdktf/provider-google/lib/bigquery-table-iam-member';
export { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
export { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
export {
  MonitoringAlertPolicy,
  type MonitoringAlertPolicyConditions,
} from '@cdktf/provider-google/lib/monitoring-alert-policy';
export { PubsubSchema } from '@cdktf/provider-google/lib/pubsub-schema';
export { PubsubSubscription, type PubsubSubscriptionConfig } from '@cdktf/provider-google/lib/pubsub-subscription';
export { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
export { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
export { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
export { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
