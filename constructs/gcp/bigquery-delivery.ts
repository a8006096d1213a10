import type { BigQueryField } from '../../lib';
import {
  type BigqueryDataset,
  type BigqueryTable,
  Construct,
  type ITerraformDependable,
  loadBigqueryDataset,
  loadBigqueryTable,
  loadBigqueryTableIamMember,
  type PubsubSubscriptionConfig,
} from './cdktf';
import type { BigQueryDeliveryOptions } from './subscription-spec';

/** The roles the Pub/Sub service agent needs on the table of a BigQuery subscription. */
export const BIGQUERY_AGENT_ROLES = ['roles/bigquery.dataEditor', 'roles/bigquery.metadataViewer'] as const;

/** What {@link bigQueryDelivery} creates. */
export interface BigQueryDelivery {
  /** The subscription's `bigquery_config` block. */
  readonly config: NonNullable<PubsubSubscriptionConfig['bigqueryConfig']>;
  /** The grants the subscription must wait for (Pub/Sub checks them when it is created). */
  readonly dependsOn: ITerraformDependable[];
  /** The dataset, when created. */
  readonly dataset?: BigqueryDataset;
  /** The table, when created. */
  readonly table?: BigqueryTable;
}

/**
 * Creates (or references) the dataset and table of a BigQuery subscription and grants the Pub/Sub service agent
 * `roles/bigquery.dataEditor` and `roles/bigquery.metadataViewer` on that table only.
 * @param settings the table's project, the agent, the columns of a created table, the resolved `useTopicSchema`
 * (its default depends on the topic) and whether created resources are kept on destroy
 */
export function bigQueryDelivery(
  scope: Construct,
  options: BigQueryDeliveryOptions,
  settings: {
    readonly project?: string;
    readonly agentMember: string;
    readonly columns?: readonly BigQueryField[];
    readonly useTopicSchema: boolean;
    readonly preventDestroy: boolean;
  },
): BigQueryDelivery {
  const lifecycle = settings.preventDestroy ? { preventDestroy: true } : undefined;
  const createTable = options.createTable ?? true;
  const dataset =
    (options.createDataset ?? createTable)
      ? new (loadBigqueryDataset())(scope, 'Dataset', {
          datasetId: options.datasetId,
          project: settings.project,
          location: options.location,
          deleteContentsOnDestroy: false,
          lifecycle,
        })
      : undefined;
  const table = createTable
    ? new (loadBigqueryTable())(scope, 'Table', {
        datasetId: dataset ? dataset.datasetId : options.datasetId,
        tableId: options.tableId,
        project: settings.project,
        schema: JSON.stringify(settings.columns ?? []),
        deletionProtection: true,
        lifecycle,
      })
    : undefined;
  const datasetId = table ? table.datasetId : options.datasetId;
  const tableId = table ? table.tableId : options.tableId;
  const BigqueryTableIamMember = loadBigqueryTableIamMember();
  const dependsOn = BIGQUERY_AGENT_ROLES.map(
    (role) =>
      new BigqueryTableIamMember(
        scope,
        role === 'roles/bigquery.dataEditor' ? 'AgentDataEditor' : 'AgentMetadataViewer',
        {
          project: settings.project,
          datasetId,
          tableId,
          role,
          member: settings.agentMember,
        },
      ),
  );
  return {
    config: {
      table: `${table ? table.project : settings.project}.${datasetId}.${tableId}`,
      useTopicSchema: settings.useTopicSchema,
      useTableSchema: options.useTableSchema ?? false,
      writeMetadata: options.writeMetadata ?? false,
      dropUnknownFields: options.dropUnknownFields ?? false,
    },
    dependsOn,
    dataset,
    table,
  };
}
