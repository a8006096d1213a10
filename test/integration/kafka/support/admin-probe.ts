import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { compileJavaProgram, jvmFlags } from './java';
import type { IntegrationEnvironment } from './environment';

/** A topic creation request as the broker receives it. */
export interface TopicRequest {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Config values exactly as sent (Kafka config values are strings). */
  readonly configs: Readonly<Record<string, string>>;
  readonly validateOnly?: boolean;
}

/** The broker's answer to one request: accepted, or the exception class and the broker's message. */
export interface BrokerOutcome {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly message?: string;
}

/** What the broker reports about a created topic. */
export interface TopicDescription {
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Record<string, { value: string | null; source: string }>;
}

/** One ACL binding. */
export interface AclRequest {
  readonly principal: string;
  readonly host: string;
  readonly operation: string;
  readonly permissionType: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly patternType: string;
}

/** One client quota: entity and `key: value` limits. */
export interface QuotaRequest {
  readonly entityType: string;
  readonly entityName: string;
  readonly config: Readonly<Record<string, string>>;
}

let sessions = 0;

/**
 * A Java AdminClient in a helper process (support/java/AdminProbe.java), kept open for many requests: one JVM start
 * per test file instead of one per request.
 */
export class AdminSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterableIterator<string>;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(child: ChildProcessWithoutNullStreams) {
    this.child = child;
    this.lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  /** Starts the helper and waits until its AdminClient is ready. */
  static async open(env: IntegrationEnvironment): Promise<AdminSession> {
    const classes = compileJavaProgram('AdminProbe', env.kafkaClassPath);
    const log = path.join(env.logDir, `admin-probe-${++sessions}.log`);
    const child = spawn(
      'java',
      [
        ...jvmFlags(192, log, env.log4jConfig),
        '-cp',
        `${classes}${path.delimiter}${env.kafkaClassPath}`,
        'AdminProbe',
        env.bootstrapServers,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const session = new AdminSession(child);
    const first = await session.lines.next();
    if (first.done || !first.value.includes('ready')) {
      throw new Error(`AdminProbe did not start: ${stderr}`);
    }
    return session;
  }

  private send<T>(command: string, request: unknown): Promise<T> {
    const run = async (): Promise<T> => {
      this.child.stdin.write(`${JSON.stringify({ command, request })}\n`);
      const line = await this.lines.next();
      if (line.done) throw new Error(`AdminProbe exited during ${command}`);
      const reply = JSON.parse(line.value) as { answer?: T; failure?: string };
      if (reply.failure !== undefined) throw new Error(`AdminProbe ${command} failed: ${reply.failure}`);
      return reply.answer as T;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Creates (or validates, with `validateOnly`) each topic in its own request. */
  createTopics(topics: readonly TopicRequest[]): Promise<BrokerOutcome[]> {
    return this.send('create', topics);
  }

  /** Partition count, replication factor and every config entry (with its source) of existing topics. */
  describeTopics(names: readonly string[]): Promise<Record<string, TopicDescription>> {
    return this.send('describe', names);
  }

  /** Asks the broker to set a topic's partition count (it only allows increases). */
  setPartitions(
    requests: readonly { name: string; totalCount: number; validateOnly?: boolean }[],
  ): Promise<BrokerOutcome[]> {
    return this.send('partitions', requests);
  }

  /** Deletes topics. */
  deleteTopics(names: readonly string[]): Promise<BrokerOutcome[]> {
    return this.send('delete', names);
  }

  /** Creates ACL bindings, each spelled as the Terraform provider under @pulumi/kafka spells it (`Topic`, `Literal`). */
  createAcls(acls: readonly AclRequest[]): Promise<BrokerOutcome[]> {
    return this.send('acls', acls);
  }

  /** Every ACL binding the cluster holds, in Java's spelling (`TOPIC`, `LITERAL`). */
  listAcls(): Promise<AclRequest[]> {
    return this.send('listAcls', null);
  }

  /** Sets client quotas (`user` or `client-id` entities). */
  setQuotas(quotas: readonly QuotaRequest[]): Promise<BrokerOutcome[]> {
    return this.send('quotas', quotas);
  }

  /** Every client quota the cluster holds. */
  listQuotas(): Promise<{ entityType: string; entityName: string; config: Record<string, number> }[]> {
    return this.send('listQuotas', null);
  }

  /** Closes the AdminClient and waits for the helper to exit. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  }
}
