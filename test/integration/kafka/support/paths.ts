import * as path from 'node:path';

/** This test folder. */
export const KAFKA_IT_DIR = path.resolve(__dirname, '..');
/** Cache for jars fetched by Maven (gitignored); survives between runs. */
export const WORK_DIR = path.join(KAFKA_IT_DIR, '.work');
/** Maven projects that list the jars. */
export const MAVEN_DIR = path.join(__dirname, 'maven');
/** Apache Kafka version the brokers run (kept equal to maven/kafka-broker/pom.xml). */
export const KAFKA_VERSION = '4.4.0';
/**
 * Kafka Connect version the worker runs (kept equal to maven/kafka-connect/pom.xml): the line Debezium 3.6.1.Final is
 * built against. On Connect 4.4.0 its tasks fail with NoClassDefFoundError org/apache/kafka/common/utils/Sanitizer.
 */
export const CONNECT_VERSION = '4.3.1';
/** Debezium version of the PostgreSQL connector plugin (kept equal to maven/debezium/pom.xml). */
export const DEBEZIUM_VERSION = '3.6.1.Final';
/** PostgreSQL server binaries. */
export const POSTGRES_BIN = process.env.EVENTFORM_PG_BIN ?? '/usr/lib/postgresql/15/bin';
