import * as pulumi from '@pulumi/pulumi';
import type { EventformIssue } from '../../lib/errors';
import { PropsValidator } from '../../lib/validation';
import { checkNoPlainSecrets } from '../../lib/kafka/connector-config';
import {
  assertConnectorConfigValid,
  deleteConnector,
  putConnectorConfig,
  waitForConnectorRunning,
  type ConnectorConfigMap,
} from './connect-client';
import type { RestEndpoint } from './rest-client';

/** The resolved inputs the connector provider works on (what Pulumi stores; `secretConfig` and `connectPassword` as secrets). */
export interface ConnectorProviderInputs {
  /** Kafka Connect REST URL. */
  readonly connectUrl: string;
  /** Connector name. */
  readonly connectorName: string;
  /** Plain config, `connector.class` included. */
  readonly config: ConnectorConfigMap;
  /** Secret config values, merged into the config only when sent to Connect. */
  readonly secretConfig: ConnectorConfigMap;
  /** Basic-auth user for the Connect REST API. */
  readonly connectUsername?: string;
  /** Basic-auth password for the Connect REST API. */
  readonly connectPassword?: string;
  /** Validate with the plugin before create and update. */
  readonly validate: boolean;
  /** Seconds to wait for RUNNING after create or update; 0 does not wait. */
  readonly runningTimeoutSeconds: number;
  /** Retries while Connect rebalances (HTTP 409). */
  readonly rebalanceRetries: number;
  /** Milliseconds between those retries. */
  readonly rebalanceRetryDelayMs: number;
}

/** Outputs the provider stores: the inputs plus the connector state seen after create or update. */
export interface ConnectorProviderOutputs extends ConnectorProviderInputs {
  /** Connector state after create or update (RUNNING when waited for). */
  readonly connectorState: string;
}

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const CONNECTOR_NAME = /^[A-Za-z0-9._-]{1,249}$/;
const URL_PATTERN = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/** Local checks of a connector (no network): name, URL, connector.class, no clear-text secrets. */
export function checkConnectorInputs(
  inputs: Partial<ConnectorProviderInputs>,
  isUnresolved: (value: unknown) => boolean = () => false,
): EventformIssue[] {
  const unknown = (v: unknown) => v === UNKNOWN || isUnresolved(v);
  const issues: EventformIssue[] = [];
  const name = inputs.connectorName;
  if (!unknown(name) && (typeof name !== 'string' || !CONNECTOR_NAME.test(name))) {
    issues.push({
      code: 'CONNECT_CONNECTOR_NAME',
      path: 'name',
      message: `name must be 1-249 characters of [A-Za-z0-9._-]; got ${JSON.stringify(name)}.`,
    });
  }
  const url = inputs.connectUrl;
  if (!unknown(url) && (typeof url !== 'string' || !URL_PATTERN.test(url))) {
    issues.push({
      code: 'CONNECT_URL',
      path: 'connectUrl',
      message: `connectUrl must be an http(s) URL such as "https://connect.example.internal:8083"; got ${JSON.stringify(url)}.`,
    });
  }
  const config = inputs.config ?? {};
  const cls = config['connector.class'];
  if (!unknown(cls) && (typeof cls !== 'string' || cls.length === 0)) {
    issues.push({
      code: 'CONNECT_CONNECTOR_CLASS',
      path: 'config["connector.class"]',
      message:
        'config["connector.class"] is required: the plugin class, e.g. io.debezium.connector.postgresql.PostgresConnector.',
    });
  }
  if ('name' in config) {
    issues.push({
      code: 'CONNECT_CONFIG_NAME',
      path: 'config["name"]',
      message: 'config["name"] is set from the connector name; remove it (Connect answers 400 when they differ).',
    });
  }
  for (const key of Object.keys(inputs.secretConfig ?? {})) {
    if (key in config) {
      issues.push({
        code: 'CONNECT_CONFIG_DUPLICATE',
        path: `secretConfig["${key}"]`,
        message: `${key} is in both config and secretConfig; choose one.`,
      });
    }
  }
  issues.push(...checkNoPlainSecrets(config, unknown, config.keySource));
  return issues;
}

function endpoint(inputs: ConnectorProviderInputs): RestEndpoint {
  return {
    url: inputs.connectUrl,
    username: inputs.connectUsername,
    password: inputs.connectPassword,
    retries: inputs.rebalanceRetries,
    retryDelayMs: inputs.rebalanceRetryDelayMs,
  };
}

async function apply(inputs: ConnectorProviderInputs): Promise<ConnectorProviderOutputs> {
  const ep = endpoint(inputs);
  const full = { ...inputs.config, ...inputs.secretConfig };
  if (inputs.validate) await assertConnectorConfigValid(ep, inputs.connectorName, full);
  await putConnectorConfig(ep, inputs.connectorName, full);
  const state =
    inputs.runningTimeoutSeconds > 0
      ? (await waitForConnectorRunning(ep, inputs.connectorName, inputs.runningTimeoutSeconds * 1000)).state
      : 'SUBMITTED';
  return { ...inputs, connectorState: state };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/**
 * Dynamic provider for Kafka Connect connectors over the Connect REST API: validate through
 * `PUT /connector-plugins/{class}/config/validate` (errors surfaced per field), create or update through
 * `PUT /connectors/{name}/config`, wait for RUNNING, delete through `DELETE /connectors/{name}`; every call retried
 * while Connect rebalances (409). Its functions can be called directly with resolved inputs.
 */
export const connectorProvider = {
  async check(_olds: unknown, news: ConnectorProviderInputs): Promise<pulumi.dynamic.CheckResult> {
    const failures = checkConnectorInputs(news).map((i) => ({
      property: i.path ?? 'config',
      reason: `[${i.code}] ${i.message}`,
    }));
    return { inputs: news, failures };
  },

  async diff(
    _id: string,
    olds: ConnectorProviderOutputs,
    news: ConnectorProviderInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    const replaces = (['connectUrl', 'connectorName'] as const).filter((k) => olds[k] !== news[k]);
    const updates = (
      [
        'config',
        'secretConfig',
        'connectUsername',
        'connectPassword',
        'validate',
        'runningTimeoutSeconds',
        'rebalanceRetries',
        'rebalanceRetryDelayMs',
      ] as const
    ).filter((k) => !same(olds[k], news[k]));
    return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs: ConnectorProviderInputs): Promise<pulumi.dynamic.CreateResult> {
    const outs = await apply(inputs);
    return { id: inputs.connectorName, outs };
  },

  async update(
    _id: string,
    _olds: ConnectorProviderOutputs,
    news: ConnectorProviderInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: await apply(news) };
  },

  async delete(id: string, props: ConnectorProviderOutputs): Promise<void> {
    await deleteConnector(endpoint(props), props.connectorName ?? id);
  },
};

/** Arguments of {@link Connector}. Spread a builder's result in: `{ ...debeziumPostgresSource({...}) }`. */
export interface ConnectorArgs {
  /** Kafka Connect REST URL, e.g. from `config.require('connectUrl')`. */
  readonly connectUrl: pulumi.Input<string>;
  /** The connector name (also its id): 1-249 characters of `[A-Za-z0-9._-]`. Changing it replaces the connector. */
  readonly name: string;
  /** Plain config with `connector.class`; secret keys must hold config provider references. */
  readonly config: Record<string, pulumi.Input<string>>;
  /** Secret values (Pulumi secrets), stored encrypted and merged in only when sent to Connect. @default - none */
  readonly secretConfig?: Record<string, pulumi.Input<string>>;
  /** Basic auth for the Connect REST API; the password must be a Pulumi secret. @default - no authentication */
  readonly connectAuth?: { readonly username: pulumi.Input<string>; readonly password: pulumi.Input<string> };
  /** Validate with the plugin before create and update. @default true */
  readonly validateBeforeApply?: boolean;
  /** Seconds to wait for the connector and its tasks to run; 0 does not wait. @default 60 */
  readonly runningTimeoutSeconds?: number;
  /** Retries while Connect rebalances (HTTP 409). @default 10 */
  readonly rebalanceRetries?: number;
  /** Milliseconds between those retries. @default 1000 */
  readonly rebalanceRetryDelayMs?: number;
}

/**
 * A Kafka Connect connector managed through the Connect REST API (a Pulumi dynamic resource).
 *
 * ```ts
 * new Connector('orders-cdc', {
 *   connectUrl: cfg.require('connectUrl'),
 *   name: 'orders-postgres-source',
 *   ...debeziumPostgresSource({ ... password: cfg.requireSecret('ordersDbPassword') ... }),
 * });
 * ```
 */
export class Connector extends pulumi.dynamic.Resource {
  /** The connector name. */
  declare readonly connectorName: pulumi.Output<string>;
  /** Connector state after the last create or update. */
  declare readonly connectorState: pulumi.Output<string>;

  constructor(name: string, args: ConnectorArgs, opts?: pulumi.CustomResourceOptions) {
    const v = new PropsValidator(name, pulumi.Output.isInstance);
    v.addAll(
      checkConnectorInputs(
        {
          connectorName: args?.name,
          connectUrl: args?.connectUrl as string,
          config: args?.config as ConnectorConfigMap,
          secretConfig: args?.secretConfig as ConnectorConfigMap,
        },
        pulumi.Output.isInstance,
      ),
    );
    v.check(
      typeof args?.connectAuth?.password !== 'string',
      'CONNECT_SECRET_PLAIN_TEXT',
      'connectAuth.password',
      'connectAuth.password is clear text and would be stored in Pulumi state; pass config.requireSecret(...).',
    );
    const timeout = args?.runningTimeoutSeconds ?? 60;
    const retries = args?.rebalanceRetries ?? 10;
    v.range('runningTimeoutSeconds', timeout, 0, 3600, 'CONNECT_RUNNING_TIMEOUT', { integer: true });
    v.range('rebalanceRetries', retries, 0, 100, 'CONNECT_REBALANCE_RETRIES', { integer: true });
    v.throwIfAny();
    const auth = args.connectAuth;
    const secretConfig = args.secretConfig ?? {};
    super(
      connectorProvider,
      name,
      {
        connectUrl: args.connectUrl,
        connectorName: args.name,
        config: args.config,
        secretConfig: pulumi.secret(secretConfig),
        connectUsername: auth?.username,
        connectPassword: auth ? pulumi.secret(auth.password) : undefined,
        validate: args.validateBeforeApply ?? true,
        runningTimeoutSeconds: timeout,
        rebalanceRetries: retries,
        rebalanceRetryDelayMs: args.rebalanceRetryDelayMs ?? 1000,
        connectorState: undefined,
      },
      { ...opts, additionalSecretOutputs: ['secretConfig', 'connectPassword'] },
      'eventform',
      'Connector',
    );
  }
}
