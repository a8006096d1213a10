/**
 * Kafka integration tests on a real broker (`npm run test:kafka`): Apache Kafka in KRaft mode, Kafka Connect with
 * the Debezium PostgreSQL connector, and PostgreSQL 15, all started on 127.0.0.1 by the global setup and stopped by
 * the global teardown. The main jest config ignores this folder so `npm test` stays fast.
 * @type {import('jest').Config}
 */
const base = require('../../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../../..',
  roots: ['<rootDir>/test/integration/kafka'],
  testPathIgnorePatterns: ['/node_modules/', '/\\.work/'],
  globalSetup: '<rootDir>/test/integration/kafka/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/kafka/global-teardown.ts',
  // Jest's watchman crawl would also index the jar cache.
  watchPathIgnorePatterns: ['/\\.work/'],
  modulePathIgnorePatterns: ['<rootDir>/test/integration/kafka/\\.work/'],
  testTimeout: 180000,
  slowTestThreshold: 60,
};
