import { transformSync } from '@swc/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { capture, stubDynamicProviderSerialization } from './capture-helpers';

stubDynamicProviderSerialization();

const readme = readFileSync(resolve(__dirname, '../../../constructs/kafka/README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Compiles README code and runs it with `eventform/kafka` mapped to this repository's sources. */
function runReadmeCode(code: string): unknown {
  const js = transformSync(code, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  }).code;
  const exports: Record<string, unknown> = {};
  const req = (id: string) => (id === 'eventform/kafka' ? require('../../../constructs/kafka') : require(id));
  new Function('exports', 'require', js)(exports, req);
  return exports;
}

describe('constructs/kafka README examples', () => {
  it('the smallest example and the delivery-profile example run and register what the README says', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const c = await capture(() => runReadmeCode(`${blocks[0]}\n${blocks[1]}`), {
      config: { bootstrapServers: 'b1:9093,b2:9093', tlsEnabled: 'true' },
    });
    expect(c.find('kafka:index/topic:Topic', 'orders').inputs).toEqual({
      name: 'orders',
      partitions: 3,
      replicationFactor: 3,
      config: { 'compression.type': 'lz4', 'retention.ms': '604800000' },
    });
    expect(c.find('kafka:index/topic:Topic', 'payments').inputs.config).toEqual({
      'min.insync.replicas': '2',
      'unclean.leader.election.enable': 'false',
    });
    expect(c.find('pulumi:providers:kafka', 'cluster').inputs).toMatchObject({ tlsEnabled: 'true' });
    expect(c.outputs).toMatchObject({ paymentsClientSettings: { guarantee: 'exactly-once' } });
  });
});
