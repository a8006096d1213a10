import { EventformError } from '../../lib/errors';
import { failure, restRequestWithRetry, type RestEndpoint } from './rest-client';

/** A Kafka Connect connector's config: every value a string, `connector.class` included. */
export type ConnectorConfigMap = Record<string, string>;

/** One config field the plugin rejected. */
export interface ConnectValidationError {
  /** The config key. */
  readonly name: string;
  /** The plugin's messages for it. */
  readonly errors: string[];
}

/** What `PUT /connector-plugins/{class}/config/validate` found. */
export interface ConnectValidation {
  /** The plugin's `error_count`. */
  readonly errorCount: number;
  /** Fields with errors (values are never included). */
  readonly errors: ConnectValidationError[];
}

/** Connector and task states from `GET /connectors/{name}/status`. */
export interface ConnectorStatus {
  /** RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED or RESTARTING. */
  readonly state: string;
  /** Task states, in task order. */
  readonly tasks: { id: number; state: string; trace?: string }[];
  /** The connector's trace when it failed. */
  readonly trace?: string;
}

const enc = encodeURIComponent;

function rebalanceOr(code: string, what: string, res: { status: number; body: unknown }): EventformError {
  if (res.status === 409) {
    return new EventformError({
      code: 'CONNECT_REBALANCE_TIMEOUT',
      message: `${what}: the Connect cluster was still rebalancing (HTTP 409) after all retries; try again, or raise retries.`,
    });
  }
  return failure(code, what, res);
}

/**
 * Validates a connector's config with the plugin (`PUT /connector-plugins/{class}/config/validate`). The body carries
 * the connector `name` too: Kafka Connect counts a missing name as an error. Returns the error count and the
 * messages per field; never echoes config values.
 */
export async function validateConnectorConfig(
  endpoint: RestEndpoint,
  name: string,
  config: ConnectorConfigMap,
): Promise<ConnectValidation> {
  const cls = config['connector.class'];
  const what = `Connect validate for ${cls}`;
  const request = { ...config, name };
  const res = await restRequestWithRetry(endpoint, 'PUT', `connector-plugins/${enc(cls)}/config/validate`, request);
  if (res.status !== 200) throw rebalanceOr('CONNECT_VALIDATE_FAILED', what, res);
  const body = res.body as {
    error_count?: number;
    configs?: { value?: { name?: string; errors?: string[] } }[];
  };
  const errors = (body.configs ?? [])
    .map((c) => ({ name: String(c.value?.name ?? ''), errors: (c.value?.errors ?? []).map(String) }))
    .filter((c) => c.errors.length > 0);
  return { errorCount: Number(body.error_count ?? errors.length), errors };
}

/** Throws `CONNECT_CONFIG_INVALID` with every field message when the plugin finds errors. */
export async function assertConnectorConfigValid(
  endpoint: RestEndpoint,
  name: string,
  config: ConnectorConfigMap,
): Promise<void> {
  const v = await validateConnectorConfig(endpoint, name, config);
  if (v.errorCount > 0) {
    throw new EventformError(
      v.errors.length > 0
        ? v.errors.map((e) => ({
            code: 'CONNECT_CONFIG_INVALID',
            path: `config["${e.name}"]`,
            message: `Kafka Connect rejected ${e.name}: ${e.errors.join('; ')}`,
          }))
        : [{ code: 'CONNECT_CONFIG_INVALID', message: `Kafka Connect reported ${v.errorCount} config errors.` }],
      `connector ${name}`,
    );
  }
}

/**
 * Creates or updates a connector (`PUT /connectors/{name}/config`), retrying while Connect rebalances.
 * Returns whether it was created (201) or updated (200).
 */
export async function putConnectorConfig(
  endpoint: RestEndpoint,
  name: string,
  config: ConnectorConfigMap,
): Promise<{ created: boolean }> {
  const res = await restRequestWithRetry(endpoint, 'PUT', `connectors/${enc(name)}/config`, { ...config, name });
  if (res.status === 201 || res.status === 200) return { created: res.status === 201 };
  throw rebalanceOr('CONNECT_PUT_FAILED', `Connect PUT connector ${name}`, res);
}

/** The connector's stored config without its `name`, or undefined when it does not exist. */
export async function getConnectorConfig(
  endpoint: RestEndpoint,
  name: string,
): Promise<ConnectorConfigMap | undefined> {
  const res = await restRequestWithRetry(endpoint, 'GET', `connectors/${enc(name)}/config`);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw rebalanceOr('CONNECT_GET_FAILED', `Connect GET connector ${name}`, res);
  const config = { ...(res.body as ConnectorConfigMap) };
  delete config.name;
  return config;
}

/** The connector's status, or undefined when it does not exist. */
export async function getConnectorStatus(endpoint: RestEndpoint, name: string): Promise<ConnectorStatus | undefined> {
  const res = await restRequestWithRetry(endpoint, 'GET', `connectors/${enc(name)}/status`);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw rebalanceOr('CONNECT_STATUS_FAILED', `Connect status of ${name}`, res);
  const body = res.body as {
    connector?: { state?: string; trace?: string };
    tasks?: { id: number; state: string; trace?: string }[];
  };
  return { state: String(body.connector?.state ?? 'UNKNOWN'), trace: body.connector?.trace, tasks: body.tasks ?? [] };
}

/** Deletes a connector; a missing connector counts as deleted. Returns whether it existed. */
export async function deleteConnector(endpoint: RestEndpoint, name: string): Promise<boolean> {
  const res = await restRequestWithRetry(endpoint, 'DELETE', `connectors/${enc(name)}`);
  if (res.status === 404) return false;
  if (res.status === 204 || res.status === 200) return true;
  throw rebalanceOr('CONNECT_DELETE_FAILED', `Connect DELETE connector ${name}`, res);
}

/**
 * Polls the status until the connector and all its tasks run. Throws `CONNECT_CONNECTOR_FAILED` (with the first
 * line of the trace) when the connector or a task fails, `CONNECT_NOT_RUNNING` on timeout.
 */
export async function waitForConnectorRunning(
  endpoint: RestEndpoint,
  name: string,
  timeoutMs: number,
  pollMs = 500,
): Promise<ConnectorStatus> {
  const until = Date.now() + timeoutMs;
  let last: ConnectorStatus | undefined;
  for (;;) {
    last = await getConnectorStatus(endpoint, name);
    const failed = last && [last, ...last.tasks].find((s) => s.state === 'FAILED');
    if (failed) {
      throw new EventformError({
        code: 'CONNECT_CONNECTOR_FAILED',
        message: `connector ${name} is FAILED: ${(failed.trace ?? 'no trace').split('\n')[0]}`,
      });
    }
    if (last && last.state === 'RUNNING' && last.tasks.length > 0 && last.tasks.every((t) => t.state === 'RUNNING')) {
      return last;
    }
    if (Date.now() >= until) {
      throw new EventformError({
        code: 'CONNECT_NOT_RUNNING',
        message: `connector ${name} did not reach RUNNING within ${timeoutMs} ms (state ${last?.state ?? 'missing'}, tasks ${last?.tasks.map((t) => t.state).join(',') || 'none'}).`,
      });
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
