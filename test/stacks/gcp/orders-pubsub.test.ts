import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { OrdersPubsubStack } from '../../../stacks/gcp/orders-pubsub-stack';
import { ORDER_SCHEMA } from '../../../stacks/shared/order-schema';
import { Match, TfTemplate } from '../../constructs/gcp/tf-template';

const props = {
  projectId: 'eventform-demo',
  projectNumber: '000000000000',
  region: 'europe-west1',
  pushEndpoint: 'https://orders.example.com/pubsub/push',
};
const AGENT = 'serviceAccount:service-${var.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com';

const t = TfTemplate.fromStack(new OrdersPubsubStack(Testing.app(), 'orders-pubsub', props));
const topic = (name: string) => t.ref('google_pubsub_topic', { name });
const sub = (name: string) => t.ref('google_pubsub_subscription', { name });

describe('orders-pubsub example', () => {
  test('project id, number and region are Terraform variables with the given defaults', () => {
    expect(t.json.variable).toEqual({
      project_id: expect.objectContaining({ type: 'string', default: 'eventform-demo' }),
      project_number: expect.objectContaining({ type: 'string', default: '000000000000' }),
      region: expect.objectContaining({ type: 'string', default: 'europe-west1' }),
    });
    expect(t.json.provider.google).toEqual([{ project: '${var.project_id}', region: '${var.region}' }]);
    // state beside the project, as a path relative to the stack's working directory (no absolute checkout path)
    const state = t.json.terraform.backend.local.path as string;
    expect(path.isAbsolute(state)).toBe(false);
    expect(path.basename(state)).toBe('terraform.orders-pubsub.tfstate');
  });

  test('topic orders: AVRO schema order-schema (JSON encoding), 7-day retention; dead-letter topic', () => {
    t.resourceCountIs('google_pubsub_topic', 2);
    t.hasResourceProperties('google_pubsub_schema', {
      name: 'order-schema',
      type: 'AVRO',
      definition: ORDER_SCHEMA.definition,
    });
    t.hasResourceProperties('google_pubsub_topic', {
      name: 'orders',
      message_retention_duration: '604800s',
      schema_settings: { schema: t.ref('google_pubsub_schema', {}), encoding: 'JSON' },
      lifecycle: { prevent_destroy: true },
    });
    t.hasResourceProperties('google_pubsub_topic', { name: 'orders-dead-letter', schema_settings: Match.absent() });
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'orders-dead-letter-sub',
      topic: topic('orders-dead-letter'),
    });
  });

  test('order-processor: pull, ordered, ack 60 s, retention 7 d, retry 10-600 s, dead-letter after 5 attempts', () => {
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'order-processor',
      topic: topic('orders'),
      enable_message_ordering: true,
      ack_deadline_seconds: 60,
      message_retention_duration: '604800s',
      retry_policy: { minimum_backoff: '10s', maximum_backoff: '600s' },
      dead_letter_policy: { dead_letter_topic: topic('orders-dead-letter'), max_delivery_attempts: 5 },
      push_config: Match.absent(),
    });
  });

  test('order-ledger: exactly-once pull', () => {
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'order-ledger',
      enable_exactly_once_delivery: true,
      push_config: Match.absent(),
      bigquery_config: Match.absent(),
    });
  });

  test('order-notifier: push with an OIDC token from a dedicated service account', () => {
    t.hasResourceProperties('google_service_account', { account_id: 'orders-push-invoker' });
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'order-notifier',
      push_config: {
        push_endpoint: 'https://orders.example.com/pubsub/push',
        oidc_token: {
          service_account_email: t.ref('google_service_account', {}, 'email'),
          audience: 'https://orders.example.com/pubsub/push',
        },
      },
    });
  });

  test('orders-to-bigquery: orders_dataset.orders_table with columns from the AVRO schema', () => {
    t.hasResourceProperties('google_bigquery_dataset', { dataset_id: 'orders_dataset', location: '${var.region}' });
    const table = t.findResources('google_bigquery_table', { table_id: 'orders_table' })[0];
    const columns = JSON.parse(table.schema) as Array<{ name: string; type: string; mode: string }>;
    expect(columns.map((c) => `${c.name}:${c.type}:${c.mode}`)).toEqual([
      'orderId:STRING:REQUIRED',
      'customerId:STRING:REQUIRED',
      'amount:FLOAT:REQUIRED',
      'orderTime:TIMESTAMP:REQUIRED',
      'items:RECORD:REPEATED',
      'subscription_name:STRING:NULLABLE',
      'message_id:STRING:NULLABLE',
      'publish_time:TIMESTAMP:NULLABLE',
      'attributes:JSON:NULLABLE',
    ]);
    t.hasResourceProperties('google_pubsub_subscription', {
      name: 'orders-to-bigquery',
      bigquery_config: { use_topic_schema: true, write_metadata: true },
    });
  });

  test('every IAM grant, each on its own resource, for the service agent named from the project number', () => {
    t.resourceCountIs('google_pubsub_topic_iam_member', 1);
    t.hasResourceProperties('google_pubsub_topic_iam_member', {
      topic: topic('orders-dead-letter'),
      role: 'roles/pubsub.publisher',
      member: AGENT,
    });
    const deadLettering = ['order-processor', 'order-ledger', 'order-notifier', 'orders-to-bigquery'];
    t.resourceCountIs('google_pubsub_subscription_iam_member', deadLettering.length);
    for (const name of deadLettering) {
      t.hasResourceProperties('google_pubsub_subscription_iam_member', {
        subscription: sub(name),
        role: 'roles/pubsub.subscriber',
        member: AGENT,
      });
    }
    t.resourceCountIs('google_bigquery_table_iam_member', 2);
    for (const role of ['roles/bigquery.dataEditor', 'roles/bigquery.metadataViewer']) {
      t.hasResourceProperties('google_bigquery_table_iam_member', { role, member: AGENT, table_id: Match.anyValue() });
    }
    for (const type of ['google_project_iam_member', 'google_project_iam_binding', 'google_project_iam_policy']) {
      t.resourceCountIs(type, 0);
    }
  });

  test('alert policies on backlog, oldest unacked age and dead letters of order-processor', () => {
    t.resourceCountIs('google_monitoring_alert_policy', 3);
    for (const metric of ['num_undelivered_messages', 'oldest_unacked_message_age', 'dead_letter_message_count']) {
      t.hasResourceProperties('google_monitoring_alert_policy', {
        conditions: [
          {
            condition_threshold: {
              filter: Match.stringLikeRegexp(
                new RegExp(
                  `subscription_id = "order-processor" AND metric.type = "pubsub.googleapis.com/subscription/${metric}"`,
                ),
              ),
            },
          },
        ],
      });
    }
  });

  test('normalized snapshot', () => {
    // normalized: the state path depends on the temporary output directory (Testing.synth stubs the cdktf version)
    const json = JSON.parse(JSON.stringify(t.json));
    json.terraform.backend.local.path = '<relative path to terraform.orders-pubsub.tfstate>';
    expect(json).toMatchSnapshot();
  });

  test('stacks/gcp/main.ts writes cdktf.out-style output to CDKTF_OUTDIR with validations on', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'eventform-gcp-main-'));
    const saved = process.env.CDKTF_OUTDIR;
    process.env.CDKTF_OUTDIR = outdir;
    try {
      jest.isolateModules(() => require('../../../stacks/gcp/main'));
      const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/orders-pubsub/cdk.tf.json'), 'utf8'));
      expect(Object.keys(written.resource.google_pubsub_subscription)).toHaveLength(5);
      expect(written.variable.project_number.default).toBe('000000000000');
    } finally {
      if (saved === undefined) delete process.env.CDKTF_OUTDIR;
      else process.env.CDKTF_OUTDIR = saved;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
