import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { describeWithKafka, integrationEnvironment } from './support/env';
import { CONNECT_VERSION } from './support/paths';

describeWithKafka('the integration environment', () => {
  const env = integrationEnvironment();

  it('runs a KRaft cluster of 3 brokers with a controller quorum', async () => {
    const admin = new Kafka({ brokers: env.bootstrapServers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
    } finally {
      await admin.disconnect();
    }
  });

  it('runs Kafka Connect (the version Debezium is built against) with the Debezium PostgreSQL plugin', async () => {
    expect(env.versions.connect).toBe(CONNECT_VERSION);
    expect(env.connectPlugins).toContain('io.debezium.connector.postgresql.PostgresConnector');
  });

  it('runs PostgreSQL 15 with logical decoding', async () => {
    const client = new Client({ ...env.postgres });
    await client.connect();
    try {
      const level = await client.query('SHOW wal_level');
      expect(level.rows[0].wal_level).toBe('logical');
      const version = await client.query('SHOW server_version_num');
      expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
    } finally {
      await client.end();
    }
  });
});
