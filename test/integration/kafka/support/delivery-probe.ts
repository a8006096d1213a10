import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { compileJavaProgram, jvmFlags } from './java';
import type { IntegrationEnvironment } from './environment';

/** One produce-then-consume run with a profile's client settings. */
export interface DeliveryRun {
  readonly topic: string;
  readonly count: number;
  /** Java producer properties, exactly as the profile exposes them. */
  readonly producer: Readonly<Record<string, string>>;
  /** Java consumer properties, exactly as the profile exposes them. */
  readonly consumer: Readonly<Record<string, string>>;
}

/** What one run saw. */
export interface DeliveryResult {
  readonly topic: string;
  readonly produced: number;
  /** Records sent in an aborted transaction (transactional producers only). */
  readonly aborted: number;
  /** Values the consumer received, in order. */
  readonly received: string[];
  /** Records a second consumer of the same group got after the first committed. */
  readonly redeliveredAfterCommit: number;
}

/** Runs support/java/DeliveryProbe.java (Kafka's own Java clients) for each run, in one JVM. */
export function runDeliveryProbe(env: IntegrationEnvironment, runs: readonly DeliveryRun[]): DeliveryResult[] {
  const classes = compileJavaProgram('DeliveryProbe', env.kafkaClassPath);
  const log = path.join(env.logDir, 'delivery-probe.log');
  const r = spawnSync(
    'java',
    [
      ...jvmFlags(256, log, env.log4jConfig),
      '-cp',
      `${classes}${path.delimiter}${env.kafkaClassPath}`,
      'DeliveryProbe',
      env.bootstrapServers,
    ],
    { input: JSON.stringify(runs), encoding: 'utf8', timeout: 240000, maxBuffer: 32 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`DeliveryProbe failed (${r.status}): ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as DeliveryResult[];
}
