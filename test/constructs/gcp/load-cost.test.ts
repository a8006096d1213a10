import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The project-relative files a fresh Node process has loaded after `require('constructs/gcp')`. */
function filesLoadedByGcpEntryPoint(): string[] {
  const script =
    "require('./constructs/gcp');" +
    'process.stdout.write(JSON.stringify(Object.keys(require.cache).map((f) => f.slice(process.cwd().length + 1))));';
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

describe('loading eventform/gcp', () => {
  test('loads the provider resources of topics, subscriptions and alerts, and no feature-only module', () => {
    const loaded = filesLoadedByGcpEntryPoint();
    const provider = loaded
      .filter((f) => f.startsWith('node_modules/@cdktf/provider-google/lib/'))
      .map((f) => f.split('/')[4])
      .sort();
    expect(provider).toEqual([
      'monitoring-alert-policy',
      'pubsub-subscription',
      'pubsub-subscription-iam-member',
      'pubsub-topic',
      'pubsub-topic-iam-member',
    ]);
    // BigQuery, Cloud Storage, KMS, schemas and the project data source load on first use; so does the core's
    // schema toolkit (Avro to BigQuery columns). The event pattern matcher and envelopes are not needed at all.
    const core = loaded.filter((f) => f.startsWith('lib/')).sort();
    expect(core).toEqual(['lib/errors.ts', 'lib/validation.ts']);
  });
});
