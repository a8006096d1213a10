import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type TerraformStack, TerraformVariable } from 'cdktf';
import { SchemaEncoding, Topic } from '../../../constructs/gcp';
import { EventSchema } from '../../../lib';
import { expectIssue } from './errors';
import { gcpTestStack, Match, TfTemplate } from './tf-template';

const ORDER = { type: 'record', name: 'Order', fields: [{ name: 'orderId', type: 'string' }] };
const AVRO = EventSchema.avro(ORDER, { name: 'order-schema' });

function stack(): TerraformStack {
  return gcpTestStack();
}

describe('Topic', () => {
  test('defaults: named topic kept on destroy, no retention, no schema, no grants', () => {
    const s = stack();
    new Topic(s, 'Orders', { topicName: 'orders' });
    const t = TfTemplate.fromStack(s);
    t.resourceCountIs('google_pubsub_topic', 1);
    t.hasResourceProperties('google_pubsub_topic', {
      name: 'orders',
      lifecycle: { prevent_destroy: true },
      message_retention_duration: Match.absent(),
      kms_key_name: Match.absent(),
      schema_settings: Match.absent(),
      message_storage_policy: Match.absent(),
    });
    t.resourceCountIs('google_pubsub_schema', 0);
    t.resourceCountIs('google_pubsub_topic_iam_member', 0);
    t.resourceCountIs('google_kms_crypto_key_iam_member', 0);
  });

  test('labels, retention, storage policy, project and opting out of prevent_destroy', () => {
    const s = stack();
    new Topic(s, 'Orders', {
      topicName: 'orders',
      project: 'my-project',
      labels: { team: 'orders', env: 'prod' },
      messageRetentionSeconds: 604800,
      allowedPersistenceRegions: ['europe-west1', 'europe-west4'],
      preventDestroy: false,
    });
    TfTemplate.fromStack(s).hasResourceProperties('google_pubsub_topic', {
      name: 'orders',
      project: 'my-project',
      labels: { team: 'orders', env: 'prod' },
      message_retention_duration: '604800s',
      message_storage_policy: { allowed_persistence_regions: ['europe-west1', 'europe-west4'] },
      lifecycle: Match.absent(),
    });
  });

  test('AVRO schema creates google_pubsub_schema and JSON schema settings by default', () => {
    const s = stack();
    const topic = new Topic(s, 'Orders', { topicName: 'orders', schema: AVRO });
    const t = TfTemplate.fromStack(s);
    t.hasResourceProperties('google_pubsub_schema', {
      name: 'order-schema',
      type: 'AVRO',
      definition: JSON.stringify(ORDER),
    });
    t.hasResourceProperties('google_pubsub_topic', {
      schema_settings: { schema: t.ref('google_pubsub_schema', {}), encoding: 'JSON' },
    });
    expect(topic.schema).toBe(AVRO);
  });

  test('PROTOBUF schema with BINARY encoding and an explicit schema name', () => {
    const s = stack();
    const proto = 'syntax = "proto3";\nmessage Order { string order_id = 1; }\n';
    new Topic(s, 'Orders', {
      topicName: 'orders',
      schema: EventSchema.protobuf(proto),
      schemaName: 'order-proto',
      schemaEncoding: SchemaEncoding.BINARY,
    });
    const t = TfTemplate.fromStack(s);
    t.hasResourceProperties('google_pubsub_schema', {
      name: 'order-proto',
      type: 'PROTOCOL_BUFFER',
      definition: proto,
    });
    t.hasResourceProperties('google_pubsub_topic', { schema_settings: { encoding: 'BINARY' } });
  });

  test('KMS key: service agent gets encrypter/decrypter on that key only, and the topic waits for the grant', () => {
    const s = stack();
    const key = 'projects/p/locations/europe-west1/keyRings/ring/cryptoKeys/orders';
    new Topic(s, 'Orders', { topicName: 'orders', kmsKeyName: key, projectNumber: '123456789' });
    const t = TfTemplate.fromStack(s);
    t.resourceCountIs('google_kms_crypto_key_iam_member', 1);
    t.hasResourceProperties('google_kms_crypto_key_iam_member', {
      crypto_key_id: key,
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: 'serviceAccount:service-123456789@gcp-sa-pubsub.iam.gserviceaccount.com',
    });
    const grant = t.logicalId('google_kms_crypto_key_iam_member');
    t.hasResourceProperties('google_pubsub_topic', {
      kms_key_name: key,
      depends_on: [`google_kms_crypto_key_iam_member.${grant}`],
    });
  });

  test('without a project number the agent is derived from one google_project data source per stack', () => {
    const s = stack();
    const key = 'projects/p/locations/l/keyRings/r/cryptoKeys/k';
    new Topic(s, 'A', { topicName: 'topic-a', kmsKeyName: key });
    new Topic(s, 'B', { topicName: 'topic-b', kmsKeyName: key });
    const t = TfTemplate.fromStack(s);
    const data = Object.keys(t.dataSources('google_project'));
    expect(data).toHaveLength(1);
    t.hasResourceProperties('google_kms_crypto_key_iam_member', {
      member: `serviceAccount:service-\${data.google_project.${data[0]}.number}@gcp-sa-pubsub.iam.gserviceaccount.com`,
    });
  });

  test('dead-letter topic: created with the same key and storage policy, plus a subscription that keeps dead letters', () => {
    const s = stack();
    const key = 'projects/p/locations/l/keyRings/r/cryptoKeys/k';
    const topic = new Topic(s, 'Orders', {
      topicName: 'orders',
      projectNumber: '42',
      kmsKeyName: key,
      labels: { app: 'orders' },
      allowedPersistenceRegions: ['europe-west1'],
      deadLetterTopic: {},
    });
    const t = TfTemplate.fromStack(s);
    t.resourceCountIs('google_pubsub_topic', 2);
    t.hasResourceProperties('google_pubsub_topic', {
      name: 'orders-dead-letter',
      kms_key_name: key,
      labels: { app: 'orders' },
      message_storage_policy: { allowed_persistence_regions: ['europe-west1'] },
      lifecycle: { prevent_destroy: true },
    });
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'orders-dead-letter-sub',
      topic: t.ref('google_pubsub_topic', { name: 'orders-dead-letter' }),
      message_retention_duration: '604800s',
      expiration_policy: { ttl: '' },
      lifecycle: { prevent_destroy: true },
      dead_letter_policy: Match.absent(),
    });
    // one key grant, which both topics wait for
    t.resourceCountIs('google_kms_crypto_key_iam_member', 1);
    const grant = `google_kms_crypto_key_iam_member.${t.logicalId('google_kms_crypto_key_iam_member')}`;
    expect(t.findResources('google_pubsub_topic', { depends_on: [grant] })).toHaveLength(2);
    expect(topic.deadLetterTopic?.topicName).toBe('orders-dead-letter');
    expect(topic.deadLetterSubscription?.subscriptionName).toBe('orders-dead-letter-sub');
  });

  test('dead-letter topic and keeping subscription names and retention can be given', () => {
    const s = stack();
    new Topic(s, 'Orders', {
      topicName: 'orders',
      deadLetterTopic: {
        topicName: 'orders-dlq',
        subscriptionName: 'orders-dlq-keep',
        messageRetentionSeconds: 2678400,
      },
    });
    const t = TfTemplate.fromStack(s);
    t.hasResourceProperties('google_pubsub_topic', { name: 'orders-dlq' });
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'orders-dlq-keep',
      message_retention_duration: '2678400s',
    });
  });

  test('grantPublish adds one non-authoritative member on the topic, once per id', () => {
    const s = stack();
    const topic = new Topic(s, 'Orders', { topicName: 'orders' });
    const a = topic.grantPublish('Producer', 'serviceAccount:producer@p.iam.gserviceaccount.com');
    const b = topic.grantPublish('Producer', 'serviceAccount:producer@p.iam.gserviceaccount.com');
    expect(a).toBe(b);
    const t = TfTemplate.fromStack(s);
    t.resourceCountIs('google_pubsub_topic_iam_member', 1);
    t.hasResourceProperties('google_pubsub_topic_iam_member', {
      topic: t.ref('google_pubsub_topic', {}),
      role: 'roles/pubsub.publisher',
      member: 'serviceAccount:producer@p.iam.gserviceaccount.com',
    });
    t.resourceCountIs('google_pubsub_topic_iam_binding', 0);
    t.resourceCountIs('google_pubsub_topic_iam_policy', 0);
  });

  test('fromTopicName references an existing topic by its full name', () => {
    const s = stack();
    const existing = Topic.fromTopicName(s, 'Shared', 'shared-dlq', 'other-project');
    expect(existing.topicId).toBe('projects/other-project/topics/shared-dlq');
    expect(existing.projectOptions.project).toBe('other-project');
  });

  describe('rejects', () => {
    const make = (props: Partial<ConstructorParameters<typeof Topic>[2]>) => () =>
      new Topic(stack(), 'T', { topicName: 'orders', ...props });

    test.each([
      [
        'retention below 10 minutes',
        { messageRetentionSeconds: 599 },
        'PUBSUB_TOPIC_RETENTION_RANGE',
        /messageRetentionSeconds must be an integer between 600 s and 2678400 s; got 599/,
      ],
      [
        'retention above 31 days',
        { messageRetentionSeconds: 2678401 },
        'PUBSUB_TOPIC_RETENTION_RANGE',
        /between 600 s and 2678400 s; got 2678401/,
      ],
      [
        'a bad topic name',
        { topicName: 'goog-orders' },
        'PUBSUB_TOPIC_NAME',
        /topicName must be 3-255 characters.*"goog-orders"/,
      ],
      ['a too short topic name', { topicName: 'ab' }, 'PUBSUB_TOPIC_NAME', /topicName must be 3-255 characters/],
      [
        'a malformed KMS key',
        { kmsKeyName: 'orders-key' },
        'PUBSUB_KMS_KEY_NAME',
        /kmsKeyName must be projects\/PROJECT.*"orders-key"/,
      ],
      ['an empty region list', { allowedPersistenceRegions: [] }, 'PUBSUB_STORAGE_REGIONS', /at least one region/],
      ['a bad region', { allowedPersistenceRegions: ['Europe'] }, 'PUBSUB_STORAGE_REGIONS', /region names.*"Europe"/],
      ['a bad label key', { labels: { Team: 'x' } }, 'PUBSUB_LABEL_KEY', /label key "Team"/],
      ['a bad label value', { labels: { team: 'Orders!' } }, 'PUBSUB_LABEL_VALUE', /label value "Orders!"/],
      [
        'a JSON Schema',
        { schema: EventSchema.jsonSchema({ title: 'order', type: 'object' }) },
        'PUBSUB_SCHEMA_FORMAT',
        /AVRO or PROTOBUF.*"JSON"/,
      ],
      [
        'a too short schema name',
        { schema: EventSchema.avro({ type: 'record', name: 'Or', fields: [] }) },
        'PUBSUB_SCHEMA_NAME',
        /schema\.name must be 3-255 characters.*"Or"/,
      ],
      [
        'a bad explicit schema name',
        { schema: AVRO, schemaName: 'goog-orders' },
        'PUBSUB_SCHEMA_NAME',
        /schemaName must be/,
      ],
      [
        'an encoding without a schema',
        { schemaEncoding: SchemaEncoding.BINARY },
        'PUBSUB_SCHEMA_SETTINGS_WITHOUT_SCHEMA',
        /need a schema/,
      ],
      [
        'a project ID as project number',
        { projectNumber: 'my-project' },
        'PUBSUB_PROJECT_NUMBER',
        /numeric project number.*"my-project"/,
      ],
      ['a bad dead-letter topic name', { deadLetterTopic: { topicName: '1dlq' } }, 'PUBSUB_TOPIC_NAME', /"1dlq"/],
    ])('%s', (_title, props, code, pattern) => {
      expectIssue(make(props as never), code, pattern);
    });

    test('every problem at once, with the construct path', () => {
      const err = expectIssue(
        make({ messageRetentionSeconds: 1, kmsKeyName: 'k' }),
        'PUBSUB_KMS_KEY_NAME',
        /kmsKeyName/,
      );
      expect(err.code).toBe('MULTIPLE_ISSUES');
      expect(err.path).toBe('test/T');
      expect(err.hasCode('PUBSUB_TOPIC_RETENTION_RANGE')).toBe(true);
    });

    test('unresolved tokens are not checked', () => {
      const s = stack();
      const retention = new TerraformVariable(s, 'retention', { type: 'number' });
      expect(() => new Topic(s, 'T', { topicName: 'orders', projectNumber: retention.stringValue })).not.toThrow();
    });
  });
});

// The smallest example of constructs/gcp/README.md must run and create what the README says.
const readme = fs.readFileSync(path.join(__dirname, '../../../constructs/gcp/README.md'), 'utf8');
const example = /## Smallest example\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

test('the README example synthesizes the resources the README lists', () => {
  expect(example).toContain("from 'eventform/gcp'");
  // The example is plain JavaScript apart from its imports: turn those into requires.
  const gcp = path.join(__dirname, '../../../constructs/gcp');
  const js = example
    .replace(/import \{([^}]+)\} from '([^']+)';/g, (_m, names: string, from: string) => {
      return `const {${names}} = require(${JSON.stringify(from === 'eventform/gcp' ? gcp : from)});`;
    })
    .replace('new App()', 'new App({ outdir: OUTDIR })');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventform-gcp-readme-'));
  try {
    new Function('require', 'OUTDIR', js)(require, outdir);
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/orders/cdk.tf.json'), 'utf8'));
    const names = (type: string) =>
      Object.values(tf.resource[type] ?? {}).map(
        (r) => (r as { name?: string; role?: string }).name ?? (r as { role: string }).role,
      );
    expect(names('google_pubsub_topic').sort()).toEqual(['orders', 'orders-dead-letter']);
    expect(names('google_pubsub_subscription').sort()).toEqual(['order-processor', 'orders-dead-letter-sub']);
    expect(names('google_pubsub_topic_iam_member')).toEqual(['roles/pubsub.publisher']);
    expect(names('google_pubsub_subscription_iam_member')).toEqual(['roles/pubsub.subscriber']);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
