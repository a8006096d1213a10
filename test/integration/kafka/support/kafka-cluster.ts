import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { jvmFlags, writeProperties } from './java';
import { freePorts } from './ports';
import { startProcess, tail, waitFor, type ManagedProcess } from './processes';

/** A running KRaft cluster on 127.0.0.1. */
export interface KafkaCluster {
  /** `host:port,...` of every broker. */
  readonly bootstrapServers: string;
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

/**
 * Starts `brokers` Kafka nodes: node 1 is controller and broker in one process (a single-voter KRaft quorum), the
 * others are brokers only, so topics with replication factor 3 and `min.insync.replicas` 2 behave as in production.
 * Internal topics use replication 1 to keep start-up quick.
 */
export async function startKafkaCluster(options: {
  baseDir: string;
  classPath: string;
  log4jConfig: string;
  brokers: number;
}): Promise<KafkaCluster> {
  const ports = await freePorts(options.brokers + 1);
  const controllerPort = ports[options.brokers];
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
      listeners: combined
        ? `PLAINTEXT://127.0.0.1:${ports[i]},CONTROLLER://127.0.0.1:${controllerPort}`
        : `PLAINTEXT://127.0.0.1:${ports[i]}`,
      'advertised.listeners': combined
        ? `PLAINTEXT://127.0.0.1:${ports[i]},CONTROLLER://127.0.0.1:${controllerPort}`
        : `PLAINTEXT://127.0.0.1:${ports[i]}`,
      'controller.listener.names': 'CONTROLLER',
      'inter.broker.listener.name': 'PLAINTEXT',
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
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
    return { nodeId, dir, config, port: ports[i], combined };
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
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop('SIGTERM', 10000)));
  };
  try {
    const kafka = new Kafka({
      clientId: 'eventform-it-probe',
      brokers: [bootstrapServers.split(',')[0]],
      logLevel: logLevel.NOTHING,
    });
    await waitFor(
      `${options.brokers} brokers registered`,
      async () => {
        for (const p of processes) {
          if (p.exitCode() !== undefined)
            throw new Error(`${p.name} exited:\n${tail(path.join(path.dirname(p.logFile), 'server.log'))}`);
        }
        const admin = kafka.admin({ retry: { retries: 0 } });
        try {
          await admin.connect();
          const cluster = await admin.describeCluster();
          return cluster.brokers.length === options.brokers ? true : undefined;
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      { timeoutMs: 90000, intervalMs: 500 },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { bootstrapServers, brokerCount: options.brokers, processes, stop };
}
