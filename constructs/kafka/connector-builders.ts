import * as pulumi from '@pulumi/pulumi';
import { PropsValidator } from '../../lib/validation';
import {
  planBigQuerySink,
  planDebeziumPostgresSource,
  type BigQueryKeySource,
  type ConnectorConfigPlan,
} from '../../lib/kafka/connector-config';

/** A connector config ready to spread into {@link ConnectorArgs}: plain values and Pulumi-secret values apart. */
export interface ConnectorSettings {
  /** Plain config, `connector.class` included. */
  readonly config: Record<string, pulumi.Input<string>>;
  /** Values that stay Pulumi secrets. */
  readonly secretConfig: Record<string, pulumi.Input<string>>;
}

function settings(plan: ConnectorConfigPlan, what: string): ConnectorSettings {
  new PropsValidator(what, pulumi.Output.isInstance).addAll(plan.issues).throwIfAny();
  return {
    config: plan.config as Record<string, pulumi.Input<string>>,
    secretConfig: plan.secretConfig as Record<string, pulumi.Input<string>>,
  };
}

/** Arguments of {@link debeziumPostgresSource}. */
export interface DebeziumPostgresSourceArgs {
  /** `database.hostname`. */
  readonly hostname: pulumi.Input<string>;
  /** `database.port`. @default 5432 */
  readonly port?: number;
  /** `database.user`. */
  readonly user: pulumi.Input<string>;
  /** `database.password`: a Pulumi secret (`config.requireSecret(...)`) or a config provider reference (`${file:...}`). */
  readonly password: pulumi.Input<string>;
  /** `database.dbname`. */
  readonly databaseName: pulumi.Input<string>;
  /** `topic.prefix`: every change topic is `<prefix>.<schema>.<table>`. */
  readonly topicPrefix: string;
  /** `table.include.list`, as `schema.table` entries. */
  readonly tableIncludeList: string[];
  /** `slot.name`: 1-63 characters of `[a-z0-9_]`. @default 'debezium' */
  readonly slotName?: string;
  /** `publication.name`. @default 'dbz_publication' */
  readonly publicationName?: string;
  /** Add the `unwrap` transform (`io.debezium.transforms.ExtractNewRecordState`). @default true */
  readonly unwrap?: boolean;
  /** With unwrap, drop delete tombstones. @default false */
  readonly dropTombstones?: boolean;
  /** Key and value converter class. @default 'org.apache.kafka.connect.json.JsonConverter' */
  readonly converter?: string;
  /** Other Debezium keys (secret keys must be Pulumi secrets or config provider references). @default - none */
  readonly extraConfig?: Record<string, pulumi.Input<string>>;
}

/**
 * Config of a Debezium PostgreSQL source (Debezium 2.x/3.x): `topic.prefix`, `plugin.name=pgoutput`, slot and
 * publication names, table include list and the unwrap transform. The password never lands in state as clear text.
 */
export function debeziumPostgresSource(args: DebeziumPostgresSourceArgs): ConnectorSettings {
  return settings(planDebeziumPostgresSource(args, pulumi.Output.isInstance), 'debeziumPostgresSource');
}

/** Arguments of {@link bigQuerySink}. */
export interface BigQuerySinkArgs {
  /** `project`: the Google Cloud project id. */
  readonly project: pulumi.Input<string>;
  /** `defaultDataset`. */
  readonly defaultDataset: pulumi.Input<string>;
  /** `topics`. Exactly one of topics and topicsRegex. @default - none */
  readonly topics?: string[];
  /** `topics.regex`. Exactly one of topics and topicsRegex. @default - none */
  readonly topicsRegex?: string;
  /** `keySource`. @default 'FILE' */
  readonly keySource?: BigQueryKeySource;
  /**
   * `keyfile`: path of the key file on the Connect workers (FILE), or the key JSON as a Pulumi secret or config
   * provider reference (JSON). Required unless keySource is APPLICATION_DEFAULT. @default - none
   */
  readonly keyfile?: pulumi.Input<string>;
  /** `autoCreateTables`. @default true */
  readonly autoCreateTables?: boolean;
  /** `allowNewBigQueryFields`. @default true */
  readonly allowNewBigQueryFields?: boolean;
  /** `allowBigQueryRequiredFieldRelaxation`. @default true */
  readonly allowBigQueryRequiredFieldRelaxation?: boolean;
  /** Key and value converter class. @default 'org.apache.kafka.connect.json.JsonConverter' */
  readonly converter?: string;
  /** Other sink keys. @default - none */
  readonly extraConfig?: Record<string, pulumi.Input<string>>;
}

/** Config of the BigQuery sink: project, dataset, exactly one of topics/topics.regex, and its key. */
export function bigQuerySink(args: BigQuerySinkArgs): ConnectorSettings {
  return settings(planBigQuerySink(args, pulumi.Output.isInstance), 'bigQuerySink');
}
