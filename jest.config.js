/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Integration suites that start real servers (Kafka, Connect, PostgreSQL) run with `npm run test:kafka`.
  testPathIgnorePatterns: ['/node_modules/', '/test/integration/kafka/'],
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
  maxWorkers: 2,
  testTimeout: 60000,
  snapshotFormat: { printBasicPrototype: false },
};
