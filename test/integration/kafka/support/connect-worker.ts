import * as fs from 'node:fs';
import * as path from 'node:path';
import { jvmFlags, writeProperties } from './java';
import { freePorts } from './ports';
import { startProcess, tail, waitFor, type ManagedProcess } from './processes';

/** A running Kafka Connect distributed worker. */
export interface ConnectWorker {
  /** REST API base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Connector plugin classes the worker loaded. */
  readonly plugins: readonly string[];
  /** Kafka Connect version the worker reports. */
  readonly version: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts `ConnectDistributed` against `bootstrapServers`, with `pluginPath` (a folder whose sub-folders are plugins)
 * and JSON converters without embedded schemas. Waits until the REST API lists the Debezium PostgreSQL connector.
 */
export async function startConnectWorker(options: {
  baseDir: string;
  classPath: string;
  log4jConfig: string;
  bootstrapServers: string;
  pluginPath: string;
}): Promise<ConnectWorker> {
  const dir = path.join(options.baseDir, 'connect');
  fs.mkdirSync(dir, { recursive: true });
  const [port] = await freePorts(1);
  const config = path.join(dir, 'connect-distributed.properties');
  writeProperties(config, {
    'bootstrap.servers': options.bootstrapServers,
    'group.id': 'eventform-it-connect',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable': false,
    'value.converter.schemas.enable': false,
    'config.storage.topic': 'eventform-connect-configs',
    'offset.storage.topic': 'eventform-connect-offsets',
    'status.storage.topic': 'eventform-connect-status',
    'config.storage.replication.factor': 1,
    'offset.storage.replication.factor': 1,
    'status.storage.replication.factor': 1,
    'offset.storage.partitions': 3,
    'status.storage.partitions': 3,
    'offset.flush.interval.ms': 1000,
    listeners: `http://127.0.0.1:${port}`,
    'rest.advertised.host.name': '127.0.0.1',
    'rest.advertised.port': port,
    'plugin.path': options.pluginPath,
    // Every plugin here ships ServiceLoader manifests: skip the slow reflective class-path scan.
    'plugin.discovery': 'service_load',
    'connector.client.config.override.policy': 'All',
    'scheduled.rebalance.max.delay.ms': 0,
  });
  const logFile = path.join(dir, 'connect.log');
  const proc = startProcess(
    'kafka connect worker',
    'java',
    [
      ...jvmFlags(512, logFile, options.log4jConfig),
      '-cp',
      options.classPath,
      'org.apache.kafka.connect.cli.ConnectDistributed',
      config,
    ],
    path.join(dir, 'connect.out'),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const version = await waitFor(
      'Kafka Connect REST API',
      async () => {
        const res = await fetch(`${url}/`);
        if (!res.ok) return undefined;
        return ((await res.json()) as { version: string }).version;
      },
      { timeoutMs: 120000, intervalMs: 500, process: proc },
    );
    const plugins = await waitFor(
      'the Debezium PostgreSQL connector plugin',
      async () => {
        const res = await fetch(`${url}/connector-plugins`);
        if (!res.ok) return undefined;
        const list = ((await res.json()) as Array<{ class: string }>).map((p) => p.class);
        if (!list.includes('io.debezium.connector.postgresql.PostgresConnector')) {
          throw new Error(`plugins loaded: ${list.join(', ')}; log:\n${tail(logFile, 20)}`);
        }
        return list;
      },
      { timeoutMs: 60000, intervalMs: 500, process: proc },
    );
    return { url, plugins, version, process: proc, stop: () => proc.stop('SIGTERM', 15000) };
  } catch (e) {
    await proc.stop('SIGKILL', 1000);
    throw e;
  }
}
