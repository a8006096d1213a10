import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runToCompletion } from './processes';
import { MAVEN_DIR, WORK_DIR } from './paths';

/** Where the jars of one Maven project live once fetched. */
export interface JarSet {
  /** Folder holding every jar (use `<dir>/*` as a class path). */
  readonly dir: string;
  /** True when this call ran Maven (cold cache). */
  readonly fetched: boolean;
}

/**
 * Copies the runtime dependencies of `maven/<project>/pom.xml` into `.work/jars/<project>/<plugin folder>`, unless a
 * marker shows the same pom was fetched before. Maven keeps its own cache in ~/.m2 as well.
 */
function fetchJars(project: string, subdir: string, extraArgs: readonly string[]): JarSet {
  const pom = path.join(MAVEN_DIR, project, 'pom.xml');
  const hash = createHash('sha256').update(fs.readFileSync(pom)).update(extraArgs.join(' ')).digest('hex');
  const root = path.join(WORK_DIR, 'jars', project);
  const dir = path.join(root, subdir);
  const marker = path.join(root, '.complete');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === hash && fs.readdirSync(dir).length > 0) {
    return { dir, fetched: false };
  }
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  runToCompletion(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pom,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${dir}`,
      '-DincludeScope=runtime',
      ...extraArgs,
    ],
    { timeoutMs: 480000 },
  );
  fs.writeFileSync(marker, hash);
  return { dir, fetched: true };
}

/** Jars of the Kafka broker (with storage tool and Java clients), the Connect worker, and the Debezium plugin. */
export interface KafkaJars {
  readonly broker: JarSet;
  readonly connect: JarSet;
  /** The Debezium PostgreSQL connector; its parent folder is the worker's `plugin.path`. */
  readonly debezium: JarSet;
}

/** Fetches (or reuses) every jar the integration tests run. */
export function ensureJars(): KafkaJars {
  const broker = fetchJars('kafka-broker', 'lib', []);
  const connect = fetchJars('kafka-connect', 'lib', []);
  // The worker brings Kafka's own jars; a plugin carries only what Kafka does not.
  const debezium = fetchJars('debezium', 'debezium-connector-postgres', ['-DexcludeGroupIds=org.apache.kafka']);
  return { broker, connect, debezium };
}
