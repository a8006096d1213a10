import type { EventformIssue } from '../errors';
import { show, type UnresolvedPredicate } from '../validation';

/** A connector config split into what may be stored in clear text and what must stay secret. */
export interface ConnectorConfigPlan {
  /** Plain config values (strings, or unresolved values passed through). */
  readonly config: Record<string, unknown>;
  /** Secret values (unresolved secrets such as Pulumi secret Outputs). */
  readonly secretConfig: Record<string, unknown>;
  /** Every problem found; empty when valid. */
  readonly issues: EventformIssue[];
}

/** A reference resolved by a Connect config provider at runtime, e.g. `${file:/opt/secrets/db.properties:password}`. */
export const CONFIG_PROVIDER_REFERENCE = /^\$\{[A-Za-z0-9_-]+:[^}]*\}$/;

/** Config keys whose values are secrets: they must be Pulumi secrets or config provider references. */
export const SECRET_KEY_PATTERN = /(password|secret|credentials|api\.key|token|sasl\.jaas\.config|keyfile)$/i;

/** Whether a config key holds a secret value (keyfile only counts when it holds JSON content). */
export function isSecretConfigKey(key: string, keySource?: string): boolean {
  if (/(^|\.)keyfile$/i.test(key)) return keySource === 'JSON';
  return SECRET_KEY_PATTERN.test(key);
}

/**
 * Checks plain config for secret keys holding clear text: such values must be Pulumi secrets (in `secretConfig`)
 * or Connect config provider references.
 */
export function checkNoPlainSecrets(
  config: Readonly<Record<string, unknown>>,
  unresolved: UnresolvedPredicate,
  keySource?: string,
): EventformIssue[] {
  const issues: EventformIssue[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!isSecretConfigKey(key, keySource) || unresolved(value)) continue;
    if (typeof value === 'string' && CONFIG_PROVIDER_REFERENCE.test(value)) continue;
    issues.push({
      code: 'CONNECT_SECRET_PLAIN_TEXT',
      path: `config["${key}"]`,
      message: `config["${key}"] holds a secret in clear text, which would be stored in Pulumi state; pass a Pulumi secret (config.requireSecret(...)) or a Connect config provider reference such as "\${file:/opt/kafka/secrets/connector.properties:${key}}".`,
    });
  }
  return issues;
}

class Plan {
  readonly config: Record<string, unknown> = {};
  readonly secretConfig: Record<string, unknown> = {};
  readonly issues: EventformIssue[] = [];
  constructor(private readonly unresolved: UnresolvedPredicate) {}

  add(code: string, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** A required string (or unresolved value) written to `key`. */
  text(prop: string, key: string, value: unknown, code: string, rule?: { pattern: RegExp; allowed: string }): void {
    if (this.unresolved(value)) {
      this.config[key] = value;
      return;
    }
    if (typeof value !== 'string' || value.length === 0) {
      this.add(code, prop, `${prop} is required (a non-empty string); got ${show(value)}.`);
      return;
    }
    if (rule && !rule.pattern.test(value)) {
      this.add(code, prop, `${prop} must be ${rule.allowed}; got ${show(value)}.`);
      return;
    }
    this.config[key] = value;
  }

  /** A secret: unresolved values go to secretConfig, references stay plain, clear text is refused. */
  secret(prop: string, key: string, value: unknown, code: string): void {
    if (this.unresolved(value)) {
      this.secretConfig[key] = value;
    } else if (typeof value === 'string' && CONFIG_PROVIDER_REFERENCE.test(value)) {
      this.config[key] = value;
    } else if (value === undefined || value === '') {
      this.add(code, prop, `${prop} is required: a Pulumi secret or a Connect config provider reference.`);
    } else {
      this.add(
        'CONNECT_SECRET_PLAIN_TEXT',
        prop,
        `${prop} is clear text and would be stored in Pulumi state; pass a Pulumi secret (config.requireSecret(...)) or a config provider reference like "\${file:/opt/kafka/secrets/db.properties:password}".`,
      );
    }
  }

  extra(extra: Readonly<Record<string, unknown>> | undefined, keySource?: string): void {
    for (const [key, value] of Object.entries(extra ?? {})) {
      if (key in this.config || key in this.secretConfig) {
        this.add(
          'CONNECT_CONFIG_DUPLICATE',
          `extraConfig["${key}"]`,
          `extraConfig["${key}"] repeats a key the builder sets; use the typed prop instead.`,
        );
      } else if (!this.unresolved(value) && typeof value !== 'string') {
        this.add(
          'CONNECT_CONFIG_NOT_STRING',
          `extraConfig["${key}"]`,
          `extraConfig["${key}"] must be a string; got ${show(value)}.`,
        );
      } else if (isSecretConfigKey(key, keySource) && this.unresolved(value)) {
        this.secretConfig[key] = value;
      } else {
        this.issues.push(...checkNoPlainSecrets({ [key]: value }, this.unresolved, keySource));
        this.config[key] = value;
      }
    }
  }

  result(): ConnectorConfigPlan {
    return { config: sortKeys(this.config), secretConfig: sortKeys(this.secretConfig), issues: this.issues };
  }
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';

/** Input of {@link planDebeziumPostgresSource}. */
export interface DebeziumPostgresSourceSpec {
  /** `database.hostname`. */
  readonly hostname: unknown;
  /** `database.port`. @default 5432 */
  readonly port?: number;
  /** `database.user`. */
  readonly user: unknown;
  /** `database.password`: a Pulumi secret or a config provider reference. */
  readonly password: unknown;
  /** `database.dbname`. */
  readonly databaseName: unknown;
  /** `topic.prefix` (replaced `database.server.name` in Debezium 2.0): topic name characters. */
  readonly topicPrefix: unknown;
  /** `table.include.list`: `schema.table` entries. */
  readonly tableIncludeList: readonly unknown[];
  /** `slot.name`: `[a-z0-9_]{1,63}`. @default 'debezium' */
  readonly slotName?: unknown;
  /** `publication.name`. @default 'dbz_publication' */
  readonly publicationName?: unknown;
  /** Flatten change events to the row's new state (`io.debezium.transforms.ExtractNewRecordState`). @default true */
  readonly unwrap?: boolean;
  /** With `unwrap`, drop delete tombstones. @default false */
  readonly dropTombstones?: boolean;
  /** `key.converter` and `value.converter`. @default 'org.apache.kafka.connect.json.JsonConverter' */
  readonly converter?: string;
  /** Other Debezium keys. @default - none */
  readonly extraConfig?: Readonly<Record<string, unknown>>;
}

/** The Debezium PostgreSQL connector class. */
export const DEBEZIUM_POSTGRES_CLASS = 'io.debezium.connector.postgresql.PostgresConnector';

/** Builds and checks a Debezium PostgreSQL source config (pgoutput, slot, publication, unwrap transform). */
export function planDebeziumPostgresSource(
  spec: DebeziumPostgresSourceSpec,
  unresolved: UnresolvedPredicate = () => false,
): ConnectorConfigPlan {
  const p = new Plan(unresolved);
  p.config['connector.class'] = DEBEZIUM_POSTGRES_CLASS;
  p.text('hostname', 'database.hostname', spec.hostname, 'CONNECT_DEBEZIUM_CONFIG');
  const port = spec.port ?? 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    p.add('CONNECT_DEBEZIUM_CONFIG', 'port', `port must be an integer between 1 and 65535; got ${show(port)}.`);
  } else {
    p.config['database.port'] = String(port);
  }
  p.text('user', 'database.user', spec.user, 'CONNECT_DEBEZIUM_CONFIG');
  p.secret('password', 'database.password', spec.password, 'CONNECT_DEBEZIUM_CONFIG');
  p.text('databaseName', 'database.dbname', spec.databaseName, 'CONNECT_DEBEZIUM_CONFIG');
  p.text('topicPrefix', 'topic.prefix', spec.topicPrefix, 'CONNECT_DEBEZIUM_TOPIC_PREFIX', {
    pattern: /^[a-zA-Z0-9._-]{1,200}$/,
    allowed: '1-200 characters of [a-zA-Z0-9._-] (it starts every topic name)',
  });
  p.config['plugin.name'] = 'pgoutput';
  p.text('slotName', 'slot.name', spec.slotName ?? 'debezium', 'CONNECT_DEBEZIUM_SLOT', {
    pattern: /^[a-z0-9_]{1,63}$/,
    allowed: '1-63 characters of [a-z0-9_] (a PostgreSQL replication slot name)',
  });
  p.text(
    'publicationName',
    'publication.name',
    spec.publicationName ?? 'dbz_publication',
    'CONNECT_DEBEZIUM_PUBLICATION',
    {
      pattern: /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/,
      allowed: 'a PostgreSQL identifier of 1-63 characters',
    },
  );
  const tables = spec.tableIncludeList;
  if (!Array.isArray(tables) || tables.length === 0) {
    p.add(
      'CONNECT_DEBEZIUM_TABLES',
      'tableIncludeList',
      `tableIncludeList must list at least one schema.table; got ${show(tables)}.`,
    );
  } else {
    const bad = tables.filter((t) => typeof t !== 'string' || !/^[^\s,.]+\.[^\s,]+$/.test(t));
    if (bad.length > 0) {
      p.add(
        'CONNECT_DEBEZIUM_TABLES',
        'tableIncludeList',
        `tableIncludeList entries must be schema.table (no commas or spaces); got ${show(bad)}.`,
      );
    } else {
      p.config['table.include.list'] = tables.join(',');
    }
  }
  const converter = spec.converter ?? JSON_CONVERTER;
  p.config['key.converter'] = converter;
  p.config['value.converter'] = converter;
  if (spec.unwrap ?? true) {
    p.config.transforms = 'unwrap';
    p.config['transforms.unwrap.type'] = 'io.debezium.transforms.ExtractNewRecordState';
    p.config['transforms.unwrap.drop.tombstones'] = String(spec.dropTombstones ?? false);
  } else if (spec.dropTombstones !== undefined) {
    p.add(
      'CONNECT_DEBEZIUM_CONFIG',
      'dropTombstones',
      'dropTombstones only applies with unwrap: true; remove it or turn unwrap on.',
    );
  }
  const extra = spec.extraConfig ?? {};
  if ('database.server.name' in extra) {
    p.add(
      'CONNECT_DEBEZIUM_SERVER_NAME',
      'extraConfig["database.server.name"]',
      'database.server.name was replaced by topic.prefix in Debezium 2.0 and is ignored; set topicPrefix instead.',
    );
  }
  if ('plugin.name' in extra && extra['plugin.name'] !== 'pgoutput') {
    p.add(
      'CONNECT_DEBEZIUM_PLUGIN',
      'extraConfig["plugin.name"]',
      `plugin.name must be pgoutput (built into PostgreSQL 10+); got ${show(extra['plugin.name'])}.`,
    );
  }
  const rest = Object.fromEntries(
    Object.entries(extra).filter(([k]) => k !== 'database.server.name' && k !== 'plugin.name'),
  );
  p.extra(rest);
  return p.result();
}

/** How the BigQuery sink authenticates to Google Cloud. */
export type BigQueryKeySource = 'FILE' | 'JSON' | 'APPLICATION_DEFAULT';

/** Input of {@link planBigQuerySink}. */
export interface BigQuerySinkSpec {
  /** `project`: the Google Cloud project. */
  readonly project: unknown;
  /** `defaultDataset`: the BigQuery dataset. */
  readonly defaultDataset: unknown;
  /** `topics`: topics to read. Exactly one of topics and topicsRegex. @default - none */
  readonly topics?: readonly unknown[];
  /** `topics.regex`: pattern of topics to read. Exactly one of topics and topicsRegex. @default - none */
  readonly topicsRegex?: unknown;
  /** `keySource`. @default 'FILE' */
  readonly keySource?: BigQueryKeySource;
  /**
   * `keyfile`: a path to the service-account key (FILE), or the key JSON as a Pulumi secret or config provider
   * reference (JSON). Required unless keySource is APPLICATION_DEFAULT. @default - none
   */
  readonly keyfile?: unknown;
  /** `autoCreateTables`. @default true */
  readonly autoCreateTables?: boolean;
  /** `allowNewBigQueryFields`. @default true */
  readonly allowNewBigQueryFields?: boolean;
  /** `allowBigQueryRequiredFieldRelaxation`. @default true */
  readonly allowBigQueryRequiredFieldRelaxation?: boolean;
  /** `key.converter` and `value.converter`. @default 'org.apache.kafka.connect.json.JsonConverter' */
  readonly converter?: string;
  /** Other sink keys. @default - none */
  readonly extraConfig?: Readonly<Record<string, unknown>>;
}

/** The BigQuery sink connector class (WePay / Confluent). */
export const BIGQUERY_SINK_CLASS = 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector';

/** Builds and checks a BigQuery sink config (project, dataset, exactly one of topics/topics.regex, key). */
export function planBigQuerySink(
  spec: BigQuerySinkSpec,
  unresolved: UnresolvedPredicate = () => false,
): ConnectorConfigPlan {
  const p = new Plan(unresolved);
  p.config['connector.class'] = BIGQUERY_SINK_CLASS;
  p.text('project', 'project', spec.project, 'CONNECT_BIGQUERY_CONFIG', {
    pattern: /^[a-z][a-z0-9:.-]{4,62}[a-z0-9]$/,
    allowed: 'a Google Cloud project id (6-30 lowercase letters, digits, hyphens; optionally domain-scoped)',
  });
  p.text('defaultDataset', 'defaultDataset', spec.defaultDataset, 'CONNECT_BIGQUERY_CONFIG', {
    pattern: /^[A-Za-z0-9_]{1,1024}$/,
    allowed: '1-1024 characters of [A-Za-z0-9_]',
  });
  const hasTopics = spec.topics !== undefined;
  const hasRegex = spec.topicsRegex !== undefined;
  if (hasTopics === hasRegex) {
    p.add(
      'CONNECT_BIGQUERY_TOPICS',
      'topics, topicsRegex',
      hasTopics
        ? 'topics and topicsRegex cannot be used together; choose one.'
        : 'set exactly one of topics and topicsRegex.',
    );
  } else if (hasTopics) {
    const topics = spec.topics!;
    if (
      !Array.isArray(topics) ||
      topics.length === 0 ||
      topics.some((t) => typeof t !== 'string' || !/^[a-zA-Z0-9._-]{1,249}$/.test(t))
    ) {
      p.add('CONNECT_BIGQUERY_TOPICS', 'topics', `topics must list Kafka topic names; got ${show(topics)}.`);
    } else {
      p.config.topics = topics.join(',');
    }
  } else {
    p.text('topicsRegex', 'topics.regex', spec.topicsRegex, 'CONNECT_BIGQUERY_TOPICS');
  }
  const keySource = spec.keySource ?? 'FILE';
  if (!['FILE', 'JSON', 'APPLICATION_DEFAULT'].includes(keySource)) {
    p.add(
      'CONNECT_BIGQUERY_KEY',
      'keySource',
      `keySource must be FILE, JSON or APPLICATION_DEFAULT; got ${show(keySource)}.`,
    );
  }
  p.config.keySource = keySource;
  if (keySource === 'APPLICATION_DEFAULT') {
    if (spec.keyfile !== undefined) {
      p.add('CONNECT_BIGQUERY_KEY', 'keyfile', 'keyfile is not used with keySource APPLICATION_DEFAULT; remove it.');
    }
  } else if (keySource === 'JSON') {
    p.secret('keyfile', 'keyfile', spec.keyfile, 'CONNECT_BIGQUERY_KEY');
  } else {
    p.text('keyfile', 'keyfile', spec.keyfile, 'CONNECT_BIGQUERY_KEY');
  }
  p.config.autoCreateTables = String(spec.autoCreateTables ?? true);
  p.config.allowNewBigQueryFields = String(spec.allowNewBigQueryFields ?? true);
  p.config.allowBigQueryRequiredFieldRelaxation = String(spec.allowBigQueryRequiredFieldRelaxation ?? true);
  const converter = spec.converter ?? JSON_CONVERTER;
  p.config['key.converter'] = converter;
  p.config['value.converter'] = converter;
  p.extra(spec.extraConfig, keySource);
  return p.result();
}
