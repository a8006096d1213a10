import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { compileJavaProgram, jvmFlags } from './java';
import type { IntegrationEnvironment } from './environment';

/** One thing a SASL user tries to do. */
export interface AccessAttempt {
  readonly user: string;
  readonly action: 'produce' | 'consume' | 'transact';
  readonly topic: string;
  /** Consumer group (consume). */
  readonly group?: string;
  /** Transactional id (transact). */
  readonly transactionalId?: string;
  /** Record value (produce, transact). */
  readonly value?: string;
}

/** What happened: ok, or the Java client's exception class (e.g. `TopicAuthorizationException`). */
export interface AccessOutcome {
  readonly ok: boolean;
  readonly error?: string;
  /** Values read (consume). */
  readonly received: string[];
}

/** Runs support/java/AccessProbe.java: every attempt with Kafka's Java clients over SASL/PLAIN, in one JVM. */
export function tryAccess(env: IntegrationEnvironment, attempts: readonly AccessAttempt[]): AccessOutcome[] {
  const classes = compileJavaProgram('AccessProbe', env.kafkaClassPath);
  const r = spawnSync(
    'java',
    [
      ...jvmFlags(256, path.join(env.logDir, 'access-probe.log'), env.log4jConfig),
      '-cp',
      `${classes}${path.delimiter}${env.kafkaClassPath}`,
      'AccessProbe',
      env.saslBootstrapServers,
    ],
    {
      input: JSON.stringify(attempts.map((a) => ({ ...a, password: env.saslUsers[a.user] }))),
      encoding: 'utf8',
      timeout: 240000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`AccessProbe failed (${r.status}): ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as AccessOutcome[];
}
