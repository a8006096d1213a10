import { ENVIRONMENT_VARIABLE, missingTools, startEnvironment, type RunningEnvironment } from './support/environment';

declare global {
  var __EVENTFORM_KAFKA_IT__: RunningEnvironment | undefined;
}

/** Starts Kafka (3 KRaft brokers), Kafka Connect with Debezium and PostgreSQL 15 once for every test file. */
export default async function globalSetup(): Promise<void> {
  const missing = missingTools();
  if (missing) {
    const reason = `Kafka integration tests SKIPPED: ${missing} (they need a Java 17+ JDK and Maven to fetch and run Apache Kafka).`;
    console.warn(`\n${'!'.repeat(100)}\n${reason}\n${'!'.repeat(100)}\n`);
    process.env[ENVIRONMENT_VARIABLE] = JSON.stringify({ skipped: reason });
    return;
  }
  const { info, running } = await startEnvironment();
  globalThis.__EVENTFORM_KAFKA_IT__ = running;
  process.env[ENVIRONMENT_VARIABLE] = JSON.stringify(info);
  const t = info.timings;
  console.log(
    `\nKafka ${info.versions.kafka} (${info.brokerCount} KRaft brokers ${info.bootstrapServers}), Connect ${info.versions.connect} ` +
      `${info.connectUrl}, Debezium ${info.versions.debezium}, ${info.versions.postgres} on port ${info.postgres.port}; ` +
      `${info.versions.java}. Jars ${t.jarsFetched ? 'fetched' : 'cached'} in ${t.jarsSeconds.toFixed(1)} s, servers up in ${t.startSeconds.toFixed(1)} s.`,
  );
}
