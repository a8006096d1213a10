import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The project-relative files a fresh Node process has loaded after `require('constructs/aws')`. */
function filesLoadedByAwsEntryPoint(): string[] {
  const script =
    "require('./constructs/aws');" +
    'process.stdout.write(JSON.stringify(Object.keys(require.cache).map((f) => f.slice(process.cwd().length + 1))));';
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

describe('loading eventform/aws', () => {
  test('loads the core modules it uses (errors, validation, the pattern validator) and not the barrel', () => {
    const core = filesLoadedByAwsEntryPoint().filter((f) => f.startsWith('lib/'));
    expect(core).toEqual(
      expect.arrayContaining(['lib/errors.ts', 'lib/validation.ts', 'lib/pattern/compiled-pattern.ts']),
    );
    // Rules validate their patterns at construction; schemas, envelopes and the pattern builder/test helpers are not
    // needed to define a bus, so `require('eventform/aws')` does not pay for them (ajv, avsc, protobufjs, cloudevents).
    expect(core.filter((f) => /^lib\/(index|schema|envelope)/.test(f) || f.startsWith('lib/pattern/index'))).toEqual(
      [],
    );
    expect(core.filter((f) => /^lib\/pattern\/(event-match|event-pattern-set|testing)/.test(f))).toEqual([]);
    expect(core.length).toBeLessThanOrEqual(16);
  });
});
