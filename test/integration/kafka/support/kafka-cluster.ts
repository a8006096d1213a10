import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { jvmFlags, writeProperties } from './java';
import { freePorts } from './ports';
import { startProcess, tail, waitFor, type ManagedProcess } from './processes';

/** A running KRaft cluster on 127.0.0.1. */
export interface KafkaCluster {
  /** `host:port,...` of every broker's PLAINTEXT listener, whose clients are the super user `User:ANONYMOUS`. */
  readonly bootstrapServers: string;
  /** `host:port,...` of every broker's SASL_PLAINTEXT listener (mechanism PLAIN), where ACLs apply. */
  readonly saslBootstrapServers: string;
  readonly brokerCount: number;
  readonly processes: readonly ManagedProcess[];
  stop(): Promise<void>;
}

/** A KRaft cluster id: 16 random bytes, base64url without padding, not starting with '-'. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function jaasQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Starts `brokers` Kafka nodes: node 1 is controller and broker in one process (a single-voter KRaft quorum), the
 * others are brokers only, so topics with replication factor 3 and `min.insync.replicas` 2 behave as in production.
 * Internal topics use replication 1 to keep start-up quick. ACLs are enforced by KRaft's StandardAuthorizer: the
 * PLAINTEXT listener (tests, Connect, inter-broker) is the super user `User:ANONYMOUS`; the SASL_PLAINTEXT listener
 * authenticates `saslUsers` (name to password) with PLAIN, and their ACLs decide what they may do.
 */
export async function startKafkaCluster(options: {
  baseDir: string;
  classPath: string;
  log4jConfig: string;
  brokers: number;
  saslUsers: Readonly<Record<string, string>>;
}): Promise<KafkaCluster> {
  const ports = await freePorts(2 * options.brokers + 1);
  const controllerPort = ports[2 * options.brokers];
  const saslPort = (i: number) => ports[options.brokers + i];
  const jaas =
    [
      'org.apache.kafka.common.security.plain.PlainLoginModule required',
      ...Object.entries(options.saslUsers).map(([user, password]) => `user_${user}=${jaasQuote(password)}`),
    ].join(' ') + ';';
  const id = clusterId();
  const nodes = Array.from({ length: options.brokers }, (_, i) => {
    const nodeId = i + 1;
    const dir = path.join(options.baseDir, `kafka-${nodeId}`);
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    const combined = nodeId === 1;
    const props: Record<string, string | number | boolean> = {
      'process.roles': combined ? 'broker,controller' : 'broker',
      'node.id': nodeId,
      'controller.quorum.bootstrap.servers': `127.0.0.1:${controllerPort}`,
      listeners: `PLAINTEXT://127.0.0.1:${ports[i]},SASL_PLAINTEXT://127.0.0.1:${saslPort(i)}${combined ? `,CONTROLLER://127.0.0.1:${controllerPort}` : ''}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports[i]},SASL_PLAINTEXT://127.0.0.1:${saslPort(i)}${combined ? `,CONTROLLER://127.0.0.1:${controllerPort}` : ''}`,
      'controller.listener.names': 'CONTROLLER',
      'inter.broker.listener.name': 'PLAINTEXT',
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config': jaas,
      'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'super.users': 'User:ANONYMOUS',
      'log.dirs': dataDir,
      'num.partitions': 1,
      'offsets.topic.replication.factor': 1,
      'offsets.topic.num.partitions': 5,
      'transaction.state.log.replication.factor': 1,
      'transaction.state.log.min.isr': 1,
      'transaction.state.log.num.partitions': 5,
      'share.coordinator.state.topic.replication.factor': 1,
      'share.coordinator.state.topic.min.isr': 1,
      'group.initial.rebalance.delay.ms': 0,
      'num.network.threads': 2,
      'num.io.threads': 2,
      'background.threads': 2,
      'log.cleaner.threads': 1,
    };
    const config = path.join(dir, 'server.properties');
    writeProperties(config, props);
    return { nodeId, dir, config, port: ports[i], saslPort: saslPort(i), combined };
  });

  // Format every node's storage (in parallel: each is a JVM start).
  await Promise.all(
    nodes.map(async (n) => {
      const args = [
        ...jvmFlags(128, path.join(n.dir, 'format.log'), options.log4jConfig),
        '-cp',
        options.classPath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        id,
        '-c',
        n.config,
        ...(n.combined ? ['--standalone'] : []),
      ];
      const p = startProcess(`kafka-storage format (node ${n.nodeId})`, 'java', args, path.join(n.dir, 'format.out'));
      const code = await p.exited;
      if (code !== 0) throw new Error(`${p.name} failed (${code}):\n${tail(p.logFile)}`);
    }),
  );

  const processes = nodes.map((n) =>
    startProcess(
      `kafka node ${n.nodeId}`,
      'java',
      [
        ...jvmFlags(384, path.join(n.dir, 'server.log'), options.log4jConfig),
        '-cp',
        options.classPath,
        'kafka.Kafka',
        n.config,
      ],
      path.join(n.dir, 'server.out'),
    ),
  );
  const bootstrapServers = nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  const saslBootstrapServers = nodes.map((n) => `127.0.0.1:${n.saslPort}`).join(',');
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop('SIGTERM', 10000)));
  };
  try {
    const kafka = new Kafka({
      clientId: 'eventform-it-probe',
      brokers: [bootstrapServers.split(',')[0]],
      logLevel: logLevel.NOTHING,
    });
    // Wait for each node's process to stay up while the cluster comes together, then for all brokers to register.
    const serverLog = (p: ManagedProcess) => path.join(path.dirname(p.logFile), 'server.log');
    await Promise.all(
      processes.map((p) =>
        waitFor(
          `${options.brokers} brokers registered`,
          async () => {
            const admin = kafka.admin({ retry: { retries: 0 } });
            try {
              await admin.connect();
              const cluster = await admin.describeCluster();
              return cluster.brokers.length === options.brokers ? true : undefined;
            } finally {
              await admin.disconnect().catch(() => undefined);
            }
          },
          { timeoutMs: 90000, intervalMs: 500, process: p, logOf: serverLog },
        ),
      ),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { bootstrapServers, saslBootstrapServers, brokerCount: options.brokers, processes, stop };
}
