import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The project-relative files a fresh Node process (TypeScript through tsx) has loaded after `require(entry)`, e.g.
 * `./constructs/gcp`. Fails the calling test if the process writes to stderr or exits non-zero.
 */
export function filesLoadedBy(entry: string): string[] {
  const script =
    `require(${JSON.stringify(entry)});` +
    'process.stdout.write(JSON.stringify(Object.keys(require.cache).map((f) => f.slice(process.cwd().length + 1))));';
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as string[];
}
