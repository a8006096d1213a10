import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import {
  CloudStorageFileFormat,
  Subscription,
  type SubscriptionProps,
  Topic,
  type TopicSubscriptionProps,
} from '../../../constructs/gcp';
import { EventSchema } from '../../../lib';
import { expectIssue } from './errors';
import { gcpTestStack, Match, TfTemplate } from './tf-template';

const ORDER = EventSchema.avro({
  type: 'record',
  name: 'Order',
  namespace: 'com.example',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'amount', type: 'double' },
  ],
});
const AGENT = 'serviceAccount:service-123456789@gcp-sa-pubsub.iam.gserviceaccount.com';

function setup(topicProps: Partial<ConstructorParameters<typeof Topic>[2]> = {}) {
  const stack = gcpTestStack();
  const topic = new Topic(stack, 'Orders', { topicName: 'orders', projectNumber: '123456789', ...topicProps });
  return { stack, topic };
}

function synthWith(props: TopicSubscriptionProps, topicProps: Partial<ConstructorParameters<typeof Topic>[2]> = {}) {
  const { stack, topic } = setup(topicProps);
  const sub = topic.addSubscription('Sub', props);
  return { t: TfTemplate.fromStack(stack), sub, topic };
}

describe('Subscription: pull and common settings', () => {
  test('defaults: 10 s ack, 7 days retention, never expires, 10-600 s backoff, kept on destroy', () => {
    const { t } = synthWith({ subscriptionName: 'order-processor' });
    t.resourceCountIs('google_pubsub_subscription', 1);
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'order-processor',
      topic: t.ref('google_pubsub_topic', { name: 'orders' }),
      ack_deadline_seconds: 10,
      message_retention_duration: '604800s',
      retain_acked_messages: false,
      expiration_policy: { ttl: '' },
      retry_policy: { minimum_backoff: '10s', maximum_backoff: '600s' },
      enable_message_ordering: false,
      enable_exactly_once_delivery: false,
      lifecycle: { prevent_destroy: true },
      filter: Match.absent(),
      push_config: Match.absent(),
      bigquery_config: Match.absent(),
      cloud_storage_config: Match.absent(),
      dead_letter_policy: Match.absent(),
      depends_on: Match.absent(),
    });
    t.resourceCountIs('google_pubsub_subscription_iam_member', 0);
    t.resourceCountIs('google_pubsub_topic_iam_member', 0);
  });

  test('every pull setting', () => {
    const { t } = synthWith({
      subscriptionName: 'order-processor',
      labels: { team: 'orders' },
      ackDeadlineSeconds: 600,
      messageRetentionSeconds: 2678400,
      retainAckedMessages: true,
      expirationTtlSeconds: 86400,
      minimumBackoffSeconds: 0,
      maximumBackoffSeconds: 0,
      filter: 'attributes.type = "OrderPlaced" AND NOT attributes:test',
      enableMessageOrdering: true,
      enableExactlyOnceDelivery: true,
      preventDestroy: false,
      project: 'other-project',
    });
    t.hasResourceProperties('google_pubsub_subscription', {
      project: 'other-project',
      labels: { team: 'orders' },
      ack_deadline_seconds: 600,
      message_retention_duration: '2678400s',
      retain_acked_messages: true,
      expiration_policy: { ttl: '86400s' },
      retry_policy: { minimum_backoff: '0s', maximum_backoff: '0s' },
      filter: 'attributes.type = "OrderPlaced" AND NOT attributes:test',
      enable_message_ordering: true,
      enable_exactly_once_delivery: true,
      lifecycle: Match.absent(),
    });
  });

  test('new Subscription with an existing topic', () => {
    const stack = gcpTestStack();
    const topic = Topic.fromTopicName(stack, 'Shared', 'shared-orders', 'shared-project');
    new Subscription(stack, 'Sub', { topic, subscriptionName: 'mine' });
    TfTemplate.fromStack(stack).hasResourceProperties('google_pubsub_subscription', {
      topic: 'projects/shared-project/topics/shared-orders',
      project: 'shared-project',
    });
  });
});

describe('Subscription: push', () => {
  test('endpoint with OIDC token and audience', () => {
    const { t } = synthWith({
      subscriptionName: 'order-notifier',
      push: {
        endpoint: 'https://orders.example.com/push',
        oidcServiceAccountEmail: 'invoker@p.iam.gserviceaccount.com',
        oidcAudience: 'orders-api',
      },
    });
    t.hasResourceProperties('google_pubsub_subscription', {
      push_config: {
        push_endpoint: 'https://orders.example.com/push',
        oidc_token: { service_account_email: 'invoker@p.iam.gserviceaccount.com', audience: 'orders-api' },
        no_wrapper: Match.absent(),
      },
    });
  });

  test('no wrapper, with metadata headers; OIDC audience defaults to the endpoint (omitted)', () => {
    const { t } = synthWith({
      subscriptionName: 'order-notifier',
      push: {
        endpoint: 'https://orders.example.com/push',
        oidcServiceAccountEmail: 'invoker@p.iam.gserviceaccount.com',
        noWrapper: true,
        writeMetadata: true,
      },
    });
    t.hasResourceProperties('google_pubsub_subscription', {
      push_config: {
        oidc_token: { service_account_email: 'invoker@p.iam.gserviceaccount.com', audience: Match.absent() },
        no_wrapper: { write_metadata: true },
      },
    });
  });
});

describe('Subscription: dead-lettering', () => {
  test("uses the topic's dead-letter topic, 5 attempts by default, and grants the agent on those two resources only", () => {
    const { stack, topic } = setup({ deadLetterTopic: {} });
    topic.addSubscription('A', { subscriptionName: 'order-processor', deadLetterPolicy: {} });
    topic.addSubscription('B', { subscriptionName: 'order-ledger', deadLetterPolicy: { maxDeliveryAttempts: 100 } });
    const t = TfTemplate.fromStack(stack);
    const dlt = t.ref('google_pubsub_topic', { name: 'orders-dead-letter' });
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'order-processor',
      dead_letter_policy: { dead_letter_topic: dlt, max_delivery_attempts: 5 },
    });
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'order-ledger',
      dead_letter_policy: { dead_letter_topic: dlt, max_delivery_attempts: 100 },
    });
    // one publisher grant on the dead-letter topic, shared by both subscriptions
    t.resourceCountIs('google_pubsub_topic_iam_member', 1);
    t.hasResourceProperties('google_pubsub_topic_iam_member', {
      topic: dlt,
      role: 'roles/pubsub.publisher',
      member: AGENT,
    });
    t.resourceCountIs('google_pubsub_subscription_iam_member', 2);
    for (const name of ['order-processor', 'order-ledger']) {
      t.hasResourceProperties('google_pubsub_subscription_iam_member', {
        subscription: t.ref('google_pubsub_subscription', { name }),
        role: 'roles/pubsub.subscriber',
        member: AGENT,
      });
    }
    // never project-wide, never authoritative
    for (const type of [
      'google_project_iam_member',
      'google_project_iam_binding',
      'google_pubsub_topic_iam_binding',
      'google_pubsub_topic_iam_policy',
      'google_pubsub_subscription_iam_binding',
      'google_pubsub_subscription_iam_policy',
    ]) {
      t.resourceCountIs(type, 0);
    }
  });

  test('a given dead-letter topic (existing) gets the publisher grant', () => {
    const { stack, topic } = setup();
    const dlt = Topic.fromTopicName(stack, 'SharedDlt', 'shared-dead-letter', 'ops-project');
    topic.addSubscription('A', { subscriptionName: 'order-processor', deadLetterPolicy: { deadLetterTopic: dlt } });
    const t = TfTemplate.fromStack(stack);
    t.hasResourceProperties('google_pubsub_subscription', {
      dead_letter_policy: { dead_letter_topic: 'projects/ops-project/topics/shared-dead-letter' },
    });
    t.hasResourceProperties('google_pubsub_topic_iam_member', {
      topic: 'projects/ops-project/topics/shared-dead-letter',
      project: 'ops-project',
      role: 'roles/pubsub.publisher',
      member: AGENT,
    });
  });
});

describe('Subscription: BigQuery', () => {
  test('creates dataset and table from the AVRO topic schema, grants the agent on the table, waits for the grants', () => {
    const { t } = synthWith(
      {
        subscriptionName: 'orders-to-bigquery',
        bigQuery: { datasetId: 'orders_dataset', tableId: 'orders_table', writeMetadata: true, location: 'EU' },
      },
      { schema: ORDER },
    );
    t.hasResourceProperties('google_bigquery_dataset', {
      dataset_id: 'orders_dataset',
      location: 'EU',
      delete_contents_on_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    const table = t.findResources('google_bigquery_table')[0];
    expect(table).toMatchObject({
      table_id: 'orders_table',
      dataset_id: t.ref('google_bigquery_dataset', {}, 'dataset_id'),
      deletion_protection: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(JSON.parse(table.schema)).toEqual([
      { name: 'orderId', type: 'STRING', mode: 'REQUIRED' },
      { name: 'amount', type: 'FLOAT', mode: 'REQUIRED' },
      { name: 'subscription_name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'message_id', type: 'STRING', mode: 'NULLABLE' },
      { name: 'publish_time', type: 'TIMESTAMP', mode: 'NULLABLE' },
      { name: 'attributes', type: 'JSON', mode: 'NULLABLE' },
    ]);
    const tableRef = (a: string) => t.ref('google_bigquery_table', {}, a);
    t.hasResourceProperties('google_pubsub_subscription', {
      bigquery_config: {
        table: `${tableRef('project')}.${tableRef('dataset_id')}.${tableRef('table_id')}`,
        use_topic_schema: true,
        use_table_schema: false,
        write_metadata: true,
        drop_unknown_fields: false,
      },
    });
    t.resourceCountIs('google_bigquery_table_iam_member', 2);
    const grants = ['roles/bigquery.dataEditor', 'roles/bigquery.metadataViewer'].map((role) => {
      t.hasResourceProperties('google_bigquery_table_iam_member', {
        dataset_id: tableRef('dataset_id'),
        table_id: tableRef('table_id'),
        role,
        member: AGENT,
      });
      return `google_bigquery_table_iam_member.${t.logicalId('google_bigquery_table_iam_member', { role })}`;
    });
    t.hasResourceProperties('google_pubsub_subscription', { depends_on: grants });
    t.resourceCountIs('google_bigquery_dataset_iam_member', 0);
    t.resourceCountIs('google_project_iam_member', 0);
  });

  test('useTableSchema, dropUnknownFields, existing dataset', () => {
    const { t } = synthWith(
      {
        subscriptionName: 'orders-to-bigquery',
        bigQuery: {
          datasetId: 'orders_dataset',
          tableId: 'orders_table',
          createDataset: false,
          useTableSchema: true,
          dropUnknownFields: true,
        },
      },
      { schema: ORDER },
    );
    t.resourceCountIs('google_bigquery_dataset', 0);
    t.hasResourceProperties('google_bigquery_table', { dataset_id: 'orders_dataset' });
    t.hasResourceProperties('google_pubsub_subscription', {
      bigquery_config: { use_topic_schema: false, use_table_schema: true, drop_unknown_fields: true },
    });
  });

  test('without a topic schema the created table has a data column', () => {
    const { t } = synthWith({ subscriptionName: 'raw', bigQuery: { datasetId: 'raw', tableId: 'messages' } });
    expect(JSON.parse(t.findResources('google_bigquery_table')[0].schema)).toEqual([
      { name: 'data', type: 'BYTES', mode: 'NULLABLE' },
    ]);
    t.hasResourceProperties('google_pubsub_subscription', { bigquery_config: { use_topic_schema: false } });
  });

  test('an existing table is referenced and granted, nothing is created', () => {
    const { t } = synthWith(
      {
        subscriptionName: 'orders-to-bigquery',
        bigQuery: { datasetId: 'dw', tableId: 'orders', createTable: false, project: 'analytics' },
      },
      { schema: ORDER },
    );
    t.resourceCountIs('google_bigquery_dataset', 0);
    t.resourceCountIs('google_bigquery_table', 0);
    t.hasResourceProperties('google_pubsub_subscription', { bigquery_config: { table: 'analytics.dw.orders' } });
    t.hasResourceProperties('google_bigquery_table_iam_member', {
      project: 'analytics',
      dataset_id: 'dw',
      table_id: 'orders',
      role: 'roles/bigquery.dataEditor',
    });
  });
});

describe('Subscription: Cloud Storage', () => {
  test('text files with prefix/suffix and limits; agent gets object creator and bucket reader on the bucket', () => {
    const { t } = synthWith({
      subscriptionName: 'orders-archive',
      cloudStorage: {
        bucket: 'orders-archive',
        filenamePrefix: 'orders/',
        filenameSuffix: '.json',
        filenameDatetimeFormat: 'YYYY-MM-DD/hh_mm_ssZ',
        maxBytes: 10_000_000,
        maxMessages: 1000,
      },
    });
    t.hasResourceProperties('google_pubsub_subscription', {
      cloud_storage_config: {
        bucket: 'orders-archive',
        filename_prefix: 'orders/',
        filename_suffix: '.json',
        filename_datetime_format: 'YYYY-MM-DD/hh_mm_ssZ',
        max_duration: '300s',
        max_bytes: 10_000_000,
        max_messages: 1000,
        avro_config: Match.absent(),
      },
    });
    for (const role of ['roles/storage.objectCreator', 'roles/storage.legacyBucketReader']) {
      t.hasResourceProperties('google_storage_bucket_iam_member', { bucket: 'orders-archive', role, member: AGENT });
    }
    t.resourceCountIs('google_storage_bucket_iam_member', 2);
    t.hasResourceProperties('google_pubsub_subscription', {
      depends_on: Match.arrayWith([Match.stringLikeRegexp(/^google_storage_bucket_iam_member\./)]),
    });
  });

  test('avro files with metadata and topic schema', () => {
    const { t } = synthWith(
      {
        subscriptionName: 'orders-archive',
        cloudStorage: {
          bucket: 'orders-archive',
          format: CloudStorageFileFormat.AVRO,
          maxDurationSeconds: 600,
          writeMetadata: true,
          useTopicSchema: true,
        },
      },
      { schema: ORDER },
    );
    t.hasResourceProperties('google_pubsub_subscription', {
      cloud_storage_config: { max_duration: '600s', avro_config: { write_metadata: true, use_topic_schema: true } },
    });
  });
});

describe('Subscription alerts', () => {
  test('backlog, oldest unacked age and dead letters, with thresholds and channels', () => {
    const { stack, topic } = setup({ deadLetterTopic: {} });
    const sub = topic.addSubscription('A', { subscriptionName: 'order-processor', deadLetterPolicy: {} });
    sub.addAlerts({
      backlogMessages: 500,
      oldestUnackedAgeSeconds: 900,
      deadLetterMessages: 2,
      durationSeconds: 120,
      notificationChannels: ['projects/p/notificationChannels/1'],
    });
    const t = TfTemplate.fromStack(stack);
    t.resourceCountIs('google_monitoring_alert_policy', 3);
    const policy = (metric: string, value: number, duration: string, aligner: string) =>
      t.hasResourceProperties('google_monitoring_alert_policy', {
        combiner: 'OR',
        notification_channels: ['projects/p/notificationChannels/1'],
        conditions: [
          {
            condition_threshold: {
              filter: `resource.type = "pubsub_subscription" AND resource.labels.subscription_id = "order-processor" AND metric.type = "pubsub.googleapis.com/subscription/${metric}"`,
              comparison: 'COMPARISON_GT',
              threshold_value: value,
              duration,
              aggregations: [{ alignment_period: '60s', per_series_aligner: aligner }],
            },
          },
        ],
      });
    policy('num_undelivered_messages', 500, '120s', 'ALIGN_MAX');
    policy('oldest_unacked_message_age', 900, '120s', 'ALIGN_MAX');
    policy('dead_letter_message_count', 2, '0s', 'ALIGN_SUM');
  });

  test('defaults: 1000 messages, 600 s, over 300 s, no channels; no dead-letter alert without a policy', () => {
    const { stack, topic } = setup();
    topic.addSubscription('A', { subscriptionName: 'order-processor' }).addAlerts();
    const t = TfTemplate.fromStack(stack);
    t.resourceCountIs('google_monitoring_alert_policy', 2);
    t.hasResourceProperties('google_monitoring_alert_policy', {
      notification_channels: Match.absent(),
      conditions: [{ condition_threshold: { threshold_value: 1000, duration: '300s' } }],
    });
    t.hasResourceProperties('google_monitoring_alert_policy', {
      conditions: [{ condition_threshold: { threshold_value: 600, duration: '300s' } }],
    });
  });
});

describe('immutable-field guard', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventform-gcp-guard-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const synth = (props: Partial<SubscriptionProps>) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'guarded');
    new GoogleProvider(stack, 'google', { project: 'p' });
    const topic = new Topic(stack, 'Orders', { topicName: 'orders' });
    const sub = topic.addSubscription('Sub', { subscriptionName: 'order-processor', ...props });
    app.synth();
    return sub.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
  };

  test('warns at synth when filter or ordering differ from the previous synth, and not otherwise', () => {
    expect(synth({ filter: 'attributes:a', enableMessageOrdering: false })).toEqual([]);
    expect(synth({ filter: 'attributes:a', enableMessageOrdering: false })).toEqual([]);
    const warnings = synth({ filter: 'attributes:b', enableMessageOrdering: true });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^\[PUBSUB_IMMUTABLE_FIELD_CHANGED\] subscription "order-processor": filter changes from "attributes:a" to "attributes:b".*replaces the subscription.*prevent_destroy is on/,
    );
    expect(warnings[1]).toMatch(/enable_message_ordering changes from false to true/);
    // a filter known only at deploy time is not compared
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'guarded');
    new GoogleProvider(stack, 'google', { project: 'p' });
    const filter = new TerraformVariable(stack, 'filter', { type: 'string' });
    const sub = new Topic(stack, 'Orders', { topicName: 'orders' }).addSubscription('Sub', {
      subscriptionName: 'order-processor',
      filter: filter.stringValue,
      enableMessageOrdering: true,
    });
    expect(sub.node.metadata.filter((m) => m.type === '@cdktf/warn')).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest.stacks.guarded.annotations)).toMatch(/PUBSUB_IMMUTABLE_FIELD_CHANGED/);
  });
});

describe('Subscription rejects', () => {
  const base: TopicSubscriptionProps = { subscriptionName: 'order-processor' };
  const cases: Array<[string, Partial<TopicSubscriptionProps>, string, RegExp]> = [
    [
      'ack deadline below 10 s',
      { ackDeadlineSeconds: 9 },
      'PUBSUB_ACK_DEADLINE_RANGE',
      /ackDeadlineSeconds must be an integer between 10 s and 600 s; got 9/,
    ],
    ['ack deadline above 600 s', { ackDeadlineSeconds: 601 }, 'PUBSUB_ACK_DEADLINE_RANGE', /got 601/],
    [
      'retention below 10 minutes',
      { messageRetentionSeconds: 599 },
      'PUBSUB_SUBSCRIPTION_RETENTION_RANGE',
      /between 600 s and 2678400 s; got 599/,
    ],
    [
      'retention above 31 days',
      { messageRetentionSeconds: 2678401 },
      'PUBSUB_SUBSCRIPTION_RETENTION_RANGE',
      /got 2678401/,
    ],
    [
      'expiration below one day',
      { expirationTtlSeconds: 86399 },
      'PUBSUB_EXPIRATION_TOO_SHORT',
      /at least 86400 \(1 day\); got 86399.*never expires/,
    ],
    [
      'negative minimum backoff',
      { minimumBackoffSeconds: -1 },
      'PUBSUB_BACKOFF_RANGE',
      /minimumBackoffSeconds must be between 0 s and 600 s; got -1/,
    ],
    [
      'maximum backoff above 600 s',
      { maximumBackoffSeconds: 601 },
      'PUBSUB_BACKOFF_RANGE',
      /maximumBackoffSeconds must be between 0 s and 600 s; got 601/,
    ],
    [
      'minimum above maximum',
      { minimumBackoffSeconds: 60, maximumBackoffSeconds: 30 },
      'PUBSUB_BACKOFF_ORDER',
      /minimumBackoffSeconds \(60\) must not exceed maximumBackoffSeconds \(30\)/,
    ],
    [
      'minimum above the default maximum',
      { minimumBackoffSeconds: 600, maximumBackoffSeconds: 5 },
      'PUBSUB_BACKOFF_ORDER',
      /\(600\) must not exceed/,
    ],
    [
      'a filter over 256 bytes',
      { filter: `attributes.k = "${'é'.repeat(120)}"` },
      'PUBSUB_FILTER_TOO_LONG',
      /at most 256 bytes \(UTF-8\); got 257 bytes/,
    ],
    [
      'a filter with a syntax error',
      { filter: 'attributes.type = OrderPlaced' },
      'PUBSUB_FILTER_SYNTAX',
      /expected a quoted string at position 18/,
    ],
    [
      'a filter on message data',
      { filter: 'data.amount = "5"' },
      'PUBSUB_FILTER_NOT_ATTRIBUTES',
      /only test message attributes.*"data"/,
    ],
    [
      'a filter mixing AND and OR',
      { filter: 'attributes:a AND attributes:b OR attributes:c' },
      'PUBSUB_FILTER_MIXED_AND_OR',
      /without parentheses/,
    ],
    [
      '4 delivery attempts',
      { deadLetterPolicy: { maxDeliveryAttempts: 4 } },
      'PUBSUB_MAX_DELIVERY_ATTEMPTS_RANGE',
      /deadLetterPolicy\.maxDeliveryAttempts must be an integer between 5 and 100; got 4/,
    ],
    [
      '101 delivery attempts',
      { deadLetterPolicy: { maxDeliveryAttempts: 101 } },
      'PUBSUB_MAX_DELIVERY_ATTEMPTS_RANGE',
      /got 101/,
    ],
    [
      'push and BigQuery',
      {
        push: { endpoint: 'https://x.example.com' },
        bigQuery: { datasetId: 'd', tableId: 't', createTable: false, project: 'p' },
      },
      'PUBSUB_DELIVERY_EXCLUSIVE',
      /push and bigQuery cannot be used together; choose one/,
    ],
    [
      'push and Cloud Storage',
      { push: { endpoint: 'https://x.example.com' }, cloudStorage: { bucket: 'bucket' } },
      'PUBSUB_DELIVERY_EXCLUSIVE',
      /push and cloudStorage cannot be used together; choose one/,
    ],
    [
      'BigQuery and Cloud Storage',
      {
        bigQuery: { datasetId: 'd', tableId: 't', createTable: false, project: 'p' },
        cloudStorage: { bucket: 'bucket' },
      },
      'PUBSUB_DELIVERY_EXCLUSIVE',
      /bigQuery and cloudStorage cannot be used together; choose one/,
    ],
    [
      'exactly-once with push',
      { enableExactlyOnceDelivery: true, push: { endpoint: 'https://x.example.com' } },
      'PUBSUB_EXACTLY_ONCE_PULL_ONLY',
      /enableExactlyOnceDelivery and push cannot be used together.*pull subscriptions only; choose one/,
    ],
    [
      'exactly-once with BigQuery',
      { enableExactlyOnceDelivery: true, bigQuery: { datasetId: 'd', tableId: 't', createTable: false, project: 'p' } },
      'PUBSUB_EXACTLY_ONCE_PULL_ONLY',
      /and bigQuery/,
    ],
    [
      'exactly-once with Cloud Storage',
      { enableExactlyOnceDelivery: true, cloudStorage: { bucket: 'bucket' } },
      'PUBSUB_EXACTLY_ONCE_PULL_ONLY',
      /and cloudStorage/,
    ],
    [
      'a plain http push endpoint',
      { push: { endpoint: 'http://orders.example.com/push' } },
      'PUBSUB_PUSH_ENDPOINT_HTTPS',
      /push\.endpoint must be an https:\/\/ URL; got "http:\/\/orders/,
    ],
    ['a push endpoint that is no URL', { push: { endpoint: 'orders' } }, 'PUBSUB_PUSH_ENDPOINT_HTTPS', /got "orders"/],
    [
      'an OIDC audience without account',
      { push: { endpoint: 'https://x.example.com', oidcAudience: 'a' } },
      'PUBSUB_PUSH_OIDC',
      /needs push\.oidcServiceAccountEmail/,
    ],
    [
      'push metadata without noWrapper',
      { push: { endpoint: 'https://x.example.com', writeMetadata: true } },
      'PUBSUB_PUSH_WRITE_METADATA',
      /only applies with push\.noWrapper/,
    ],
    [
      'useTopicSchema and useTableSchema',
      {
        bigQuery: {
          datasetId: 'd',
          tableId: 't',
          useTopicSchema: true,
          useTableSchema: true,
          createTable: false,
          project: 'p',
        },
      },
      'PUBSUB_BIGQUERY_SCHEMA_EXCLUSIVE',
      /useTopicSchema and bigQuery\.useTableSchema cannot be used together; choose one/,
    ],
    [
      'a bad dataset id',
      { bigQuery: { datasetId: 'orders-dataset', tableId: 't' } },
      'PUBSUB_BIGQUERY_TABLE',
      /bigQuery\.datasetId must be .*"orders-dataset"/,
    ],
    [
      'createDataset without createTable',
      { bigQuery: { datasetId: 'd', tableId: 't', createTable: false, createDataset: true, project: 'p' } },
      'PUBSUB_BIGQUERY_CREATE',
      /createDataset needs bigQuery\.createTable/,
    ],
    [
      'useTopicSchema without topic schema',
      { bigQuery: { datasetId: 'd', tableId: 't', useTopicSchema: true, createTable: false, project: 'p' } },
      'PUBSUB_BIGQUERY_TOPIC_SCHEMA_MISSING',
      /needs a schema on topic "orders"/,
    ],
    [
      'useTableSchema creating a table without schema',
      { bigQuery: { datasetId: 'd', tableId: 't', useTableSchema: true } },
      'PUBSUB_BIGQUERY_TABLE_SCHEMA_SOURCE',
      /AVRO schema.*no schema.*createTable: false/,
    ],
    [
      'an existing table without project',
      { bigQuery: { datasetId: 'd', tableId: 't', createTable: false } },
      'PUBSUB_BIGQUERY_PROJECT',
      /bigQuery\.project is needed.*d\.t/,
    ],
    [
      'a gs:// bucket',
      { cloudStorage: { bucket: 'gs://orders' } },
      'PUBSUB_CLOUD_STORAGE_BUCKET',
      /no gs:\/\/.*"gs:\/\/orders"/,
    ],
    [
      'a suffix ending in /',
      { cloudStorage: { bucket: 'orders', filenameSuffix: 'x/' } },
      'PUBSUB_CLOUD_STORAGE_FILENAME',
      /must not end in "\/"/,
    ],
    [
      'a max duration below 1 minute',
      { cloudStorage: { bucket: 'orders', maxDurationSeconds: 59 } },
      'PUBSUB_CLOUD_STORAGE_MAX_DURATION_RANGE',
      /between 60 s and 600 s; got 59/,
    ],
    [
      'a max duration above 10 minutes',
      { cloudStorage: { bucket: 'orders', maxDurationSeconds: 601 } },
      'PUBSUB_CLOUD_STORAGE_MAX_DURATION_RANGE',
      /got 601/,
    ],
    [
      'max bytes below 1 KB',
      { cloudStorage: { bucket: 'orders', maxBytes: 999 } },
      'PUBSUB_CLOUD_STORAGE_MAX_BYTES_RANGE',
      /between 1000 and 10737418240; got 999/,
    ],
    [
      'max bytes above 10 GiB',
      { cloudStorage: { bucket: 'orders', maxBytes: 10737418241 } },
      'PUBSUB_CLOUD_STORAGE_MAX_BYTES_RANGE',
      /got 10737418241/,
    ],
    [
      'max messages below 1000',
      { cloudStorage: { bucket: 'orders', maxMessages: 999 } },
      'PUBSUB_CLOUD_STORAGE_MAX_MESSAGES',
      /at least 1000; got 999/,
    ],
    [
      'Avro options on text files',
      { cloudStorage: { bucket: 'orders', writeMetadata: true } },
      'PUBSUB_CLOUD_STORAGE_AVRO_OPTIONS',
      /writeMetadata only apply to format AVRO/,
    ],
    [
      'a bad subscription name',
      { subscriptionName: 'goog-sub' },
      'PUBSUB_SUBSCRIPTION_NAME',
      /subscriptionName must be 3-255 characters.*"goog-sub"/,
    ],
  ];

  test.each(cases)('%s', (_title, props, code, pattern) => {
    const { topic } = setup();
    expectIssue(() => topic.addSubscription('Bad', { ...base, ...props }), code, pattern);
  });

  test('dead-lettering without a dead-letter topic', () => {
    const { topic } = setup();
    expectIssue(
      () => topic.addSubscription('Bad', { ...base, deadLetterPolicy: {} }),
      'PUBSUB_DEAD_LETTER_TOPIC_MISSING',
      /topic "orders" has none; set deadLetterPolicy\.deadLetterTopic or create the topic with deadLetterTopic: \{\}/,
    );
  });

  test('the source topic as its own dead-letter topic', () => {
    const { topic } = setup();
    expectIssue(
      () => topic.addSubscription('Bad', { ...base, deadLetterPolicy: { deadLetterTopic: topic } }),
      'PUBSUB_DEAD_LETTER_TOPIC_IS_SOURCE',
      /must differ from the subscription topic/,
    );
  });

  test('a BigQuery table from a PROTOBUF topic schema', () => {
    const { topic } = setup({ schema: EventSchema.protobuf('syntax = "proto3"; message Order { string id = 1; }') });
    expectIssue(
      () => topic.addSubscription('Bad', { ...base, bigQuery: { datasetId: 'd', tableId: 't' } }),
      'PUBSUB_BIGQUERY_TABLE_SCHEMA_SOURCE',
      /a PROTOBUF schema/,
    );
  });

  test('alert thresholds', () => {
    const { topic } = setup();
    const a = topic.addSubscription('A', base);
    const b = topic.addSubscription('B', { subscriptionName: 'other' });
    expectIssue(
      () => a.addAlerts({ backlogMessages: -1 }),
      'PUBSUB_ALERT_THRESHOLD',
      /backlogMessages must be an integer between 0/,
    );
    expectIssue(
      () => b.addAlerts({ durationSeconds: 86401 }),
      'PUBSUB_ALERT_DURATION_RANGE',
      /durationSeconds must be an integer between 0 s and 86400 s; got 86401/,
    );
  });
});
