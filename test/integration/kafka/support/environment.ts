import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startConnectWorker, type ConnectWorker } from './connect-worker';
import { writeLog4jConfig } from './java';
import { ensureJars } from './jars';
import { startKafkaCluster, type KafkaCluster } from './kafka-cluster';
import { DEBEZIUM_VERSION, KAFKA_VERSION, POSTGRES_BIN } from './paths';
import { postgresAvailable, startPostgres, type PostgresInfo, type PostgresServer } from './postgres';
import { killAllNow } from './processes';

/** What the tests read: where everything runs, or why the suite is skipped. */
export interface IntegrationEnvironment {
  /** Set when Java or Maven is missing: every test is skipped with this reason. */
  readonly skipped?: string;
  /** PLAINTEXT listeners: clients are the super user. */
  readonly bootstrapServers: string;
  /** SASL_PLAINTEXT listeners (PLAIN): clients are `saslUsers`, held to their ACLs. */
  readonly saslBootstrapServers: string;
  /** SASL/PLAIN users (name to password) the brokers know: the principals of the orders example and an outsider. */
  readonly saslUsers: Readonly<Record<string, string>>;
  readonly brokerCount: number;
  readonly connectUrl: string;
  readonly connectPlugins: readonly string[];
  /** Class path of the Kafka broker jars (`<dir>/*`, with the Java clients), for the Java helper programs. */
  readonly kafkaClassPath: string;
  /** Folder for the Java helpers' logs (deleted with everything else). */
  readonly logDir: string;
  /** Log4j 2 config that writes to the file named by `-Deventform.log.file`. */
  readonly log4jConfig: string;
  readonly postgres: PostgresInfo;
  readonly versions: { kafka: string; connect: string; debezium: string; postgres: string; java: string };
  /** Seconds spent fetching jars (0 when cached), and starting the servers. */
  readonly timings: { jarsSeconds: number; jarsFetched: boolean; startSeconds: number };
}

/** Name of the environment variable that carries {@link IntegrationEnvironment} as JSON to the test files. */
export const ENVIRONMENT_VARIABLE = 'EVENTFORM_KAFKA_IT';

/** Everything started, for the teardown. */
export interface RunningEnvironment {
  readonly baseDir: string;
  readonly kafka?: KafkaCluster;
  readonly connect?: ConnectWorker;
  readonly postgres?: PostgresServer;
}

function onPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function firstLine(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n')[0].trim();
}

/** Why the suite cannot run here, or undefined when it can. */
export function missingTools(): string | undefined {
  // javac compiles the small Java helpers in support/java: a JDK, not only a JRE.
  const missing = ['java', 'javac', 'mvn'].filter((t) => !onPath(t));
  return missing.length > 0 ? `${missing.join(' and ')} not found on PATH` : undefined;
}

const DATA_PREFIX = 'eventform-kafka-it-';

/**
 * Removes data folders left by runs that were killed outright (SIGKILL): their servers died with them (see
 * `startProcess`), but nothing was left to delete the folder.
 */
function removeStaleDataFolders(): void {
  for (const entry of fs.readdirSync(os.tmpdir())) {
    if (!entry.startsWith(DATA_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), entry);
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    try {
      process.kill(owner, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Stops every server (in reverse start order) and deletes the data folder. Safe to call more than once. */
export async function stopEnvironment(env: RunningEnvironment): Promise<void> {
  const errors: unknown[] = [];
  for (const stop of [env.connect?.stop, env.postgres?.stop, env.kafka?.stop]) {
    if (!stop) continue;
    try {
      await stop();
    } catch (e) {
      errors.push(e);
    }
  }
  killAllNow();
  fs.rmSync(env.baseDir, { recursive: true, force: true });
  if (errors.length > 0) throw errors[0];
}

/**
 * Fetches the jars, then starts PostgreSQL and a 3-broker KRaft cluster side by side, then the Connect worker. On any
 * failure everything already started is stopped and the data folder removed before the error is rethrown.
 */
export async function startEnvironment(): Promise<{ info: IntegrationEnvironment; running: RunningEnvironment }> {
  const t0 = Date.now();
  const jars = ensureJars();
  const jarsSeconds = (Date.now() - t0) / 1000;
  if (!postgresAvailable()) throw new Error(`PostgreSQL 15 server binaries not found in ${POSTGRES_BIN}`);
  removeStaleDataFolders();
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), DATA_PREFIX));
  fs.writeFileSync(path.join(baseDir, 'owner.pid'), String(process.pid));
  const running: { baseDir: string; kafka?: KafkaCluster; connect?: ConnectWorker; postgres?: PostgresServer } = {
    baseDir,
  };
  const exitHandler = () => {
    killAllNow();
    fs.rmSync(baseDir, { recursive: true, force: true });
  };
  process.once('exit', exitHandler);
  const t1 = Date.now();
  const log4jConfig = writeLog4jConfig(baseDir);
  const classPath = `${jars.broker.dir}/*`;
  try {
    const saslUsers = Object.fromEntries(
      ['order-service', 'order-processor', 'eventform-outsider'].map((u) => [u, randomBytes(12).toString('base64url')]),
    );
    const [kafka, postgres] = await Promise.allSettled([
      startKafkaCluster({ baseDir, classPath, log4jConfig, brokers: 3, saslUsers }),
      startPostgres({ baseDir, database: 'orders' }),
    ]);
    if (kafka.status === 'fulfilled') running.kafka = kafka.value;
    if (postgres.status === 'fulfilled') running.postgres = postgres.value;
    if (kafka.status === 'rejected') throw kafka.reason;
    if (postgres.status === 'rejected') throw postgres.reason;
    running.connect = await startConnectWorker({
      baseDir,
      classPath: `${jars.connect.dir}/*`,
      log4jConfig,
      bootstrapServers: kafka.value.bootstrapServers,
      pluginPath: path.dirname(jars.debezium.dir),
    });
    const pg = postgres.value;
    const info: IntegrationEnvironment = {
      bootstrapServers: kafka.value.bootstrapServers,
      saslBootstrapServers: kafka.value.saslBootstrapServers,
      saslUsers,
      brokerCount: kafka.value.brokerCount,
      connectUrl: running.connect.url,
      connectPlugins: running.connect.plugins,
      kafkaClassPath: classPath,
      logDir: baseDir,
      log4jConfig,
      postgres: { host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: pg.database },
      versions: {
        kafka: KAFKA_VERSION,
        connect: running.connect.version,
        debezium: DEBEZIUM_VERSION,
        postgres: firstLine(path.join(POSTGRES_BIN, 'postgres'), ['--version']),
        java: firstLine('java', ['-version']),
      },
      timings: {
        jarsSeconds,
        jarsFetched: jars.broker.fetched || jars.connect.fetched || jars.debezium.fetched,
        startSeconds: (Date.now() - t1) / 1000,
      },
    };
    return { info, running };
  } catch (e) {
    await stopEnvironment(running).catch(() => undefined);
    process.removeListener('exit', exitHandler);
    throw e;
  }
}
