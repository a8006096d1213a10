/**
 * Kafka integration tests on a real broker (`npm run test:kafka`): Apache Kafka in KRaft mode, Kafka Connect with
 * the Debezium PostgreSQL connector, and PostgreSQL 15, all started on 127.0.0.1 by the global setup and stopped by
 * the global teardown. The main jest config ignores this folder so `npm test` stays fast.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/integration/kafka'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/\\.work/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022', transform: { useDefineForClassFields: false } },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  globalSetup: '<rootDir>/test/integration/kafka/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/kafka/global-teardown.ts',
  // Jest's watchman crawl would also index the jar cache.
  watchPathIgnorePatterns: ['/\\.work/'],
  modulePathIgnorePatterns: ['<rootDir>/test/integration/kafka/\\.work/'],
  testTimeout: 180000,
  slowTestThreshold: 60,
};
