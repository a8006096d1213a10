import { Construct, type DataGoogleProject, loadDataGoogleProject, TerraformStack, Token } from './cdktf';
import { pubsubServiceAgentMember } from './service-agent';

/** Where a Pub/Sub resource lives and whose service agent acts for it. */
export interface PubsubProjectOptions {
  /**
   * The project ID the resources are created in.
   * @default - the Google provider's project
   */
  readonly project?: string;
  /**
   * The project number (digits), used to name the Pub/Sub service agent
   * (`service-<PROJECT_NUMBER>@gcp-sa-pubsub.iam.gserviceaccount.com`) in the IAM grants dead-lettering, BigQuery,
   * Cloud Storage and KMS need. May be a Terraform variable.
   * @default - read at plan time from a `google_project` data source (needs `resourcemanager.projects.get`)
   */
  readonly projectNumber?: string;
}

const DATA_SOURCE_ID = 'EventformPubsubProject';

/**
 * The IAM member of the Pub/Sub service agent for `options`: from the project number when given, otherwise from one
 * `google_project` data source per stack and project.
 */
export function serviceAgentMember(scope: Construct, options: PubsubProjectOptions): string {
  if (options.projectNumber !== undefined) return pubsubServiceAgentMember(options.projectNumber);
  const stack = TerraformStack.of(scope);
  const suffix = options.project !== undefined && !Token.isUnresolved(options.project) ? `-${options.project}` : '';
  const id = `${DATA_SOURCE_ID}${suffix}`;
  const existing = stack.node.tryFindChild(id) as DataGoogleProject | undefined;
  const data =
    existing ?? new (loadDataGoogleProject())(stack, id, options.project ? { projectId: options.project } : {});
  return pubsubServiceAgentMember(data.number);
}
