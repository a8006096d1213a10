import { filesLoadedBy } from '../../support/loaded-files';

describe('loading eventform/gcp', () => {
  test('loads the provider resources of topics, subscriptions and alerts, and no feature-only module', () => {
    const loaded = filesLoadedBy('./constructs/gcp');
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
