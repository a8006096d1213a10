import { transformSync } from '@swc/core';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { capturePulumiProgram } from '../../scripts/pulumi-capture';
import { stubDynamicProviderSerialization } from '../constructs/kafka/capture-helpers';

// Every ```ts block of the root README runs as written: the package's entry points map to the sources, and each
// block must finish without throwing (so every construct it builds passed validation).
const root = path.resolve(__dirname, '../..');
const entries: Record<string, string> = {
  eventform: path.join(root, 'lib'),
  'eventform/aws': path.join(root, 'constructs/aws'),
  'eventform/gcp': path.join(root, 'constructs/gcp'),
  'eventform/kafka': path.join(root, 'constructs/kafka'),
};
const blocks = [...fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (m) => m[1],
);

function run(source: string): { errors: unknown[]; logs: unknown[][] } {
  const { code } = transformSync(source, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const baseRequire = createRequire(path.join(root, 'package.json'));
  const req = (id: string): unknown => require(entries[id] ?? baseRequire.resolve(id));
  const logs: unknown[][] = [];
  const fakeConsole = { ...console, error: (...a: unknown[]) => logs.push(a), log: (...a: unknown[]) => logs.push(a) };
  const errors: unknown[] = [];
  try {
    new Function('require', 'exports', 'module', 'console', code)(req, {}, { exports: {} }, fakeConsole);
  } catch (e) {
    errors.push(e);
  }
  return { errors, logs };
}

// Pulumi's real closure serializer loads the TypeScript compiler; the Kafka suites test it, not this one.
beforeAll(() => stubDynamicProviderSerialization());

describe('root README', () => {
  it('has a block for the core and each engine, and for errors', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const entry of ["'eventform'", "'eventform/aws'", "'eventform/gcp'", "'eventform/kafka'"]) {
      expect(blocks.some((b) => b.includes(`from ${entry}`))).toBe(true);
    }
  });

  it.each(blocks.map((b, i) => [i + 1, b.split('\n').find((l) => l.includes("from 'eventform")) ?? '', b] as const))(
    'block %i (%s) runs',
    async (_i, _first, block) => {
      let outcome = { errors: [] as unknown[], logs: [] as unknown[][] };
      if (block.includes("from 'eventform/kafka'")) {
        // Pulumi programs run under the mock runtime, with the config they read.
        const captured = await capturePulumiProgram(() => (outcome = run(block)), {
          project: 'readme',
          config: { bootstrapServers: 'kafka-1:9093', saslUsername: 'eventform' },
          secretConfig: { saslPassword: 'not-a-real-secret' },
        });
        expect(captured.resources.map((r) => r.type)).toContain('kafka:index/topic:Topic');
      } else {
        outcome = run(block);
      }
      const { errors, logs } = outcome;
      expect(errors).toEqual([]);
      if (block.includes('instanceof EventformError')) {
        // The error example reports both problems of the topic together.
        expect(logs.map((l) => l[0])).toEqual(['PUBSUB_TOPIC_NAME', 'PUBSUB_TOPIC_RETENTION_RANGE']);
      }
    },
  );
});
