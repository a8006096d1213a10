import * as path from 'node:path';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { SchemaEncoding, Topic } from '../../constructs/gcp';
import { ORDER_SCHEMA } from '../shared/order-schema';

/** Settings of the orders example; each becomes the default of a Terraform variable of the same meaning. */
export interface OrdersPubsubStackProps {
  /** Default of variable `project_id`: the Google Cloud project the resources go to. */
  readonly projectId: string;
  /** Default of variable `project_number`: that project's number (names the Pub/Sub service agent). */
  readonly projectNumber: string;
  /** Default of variable `region`. */
  readonly region: string;
  /** HTTPS endpoint of the push subscription `order-notifier`. */
  readonly pushEndpoint: string;
}

/**
 * The `orders-pubsub` example (architecture.md): topic `orders` with the AVRO schema `order-schema` and 7-day
 * retention, dead-letter topic `orders-dead-letter` (with a subscription that keeps dead letters), the ordered pull
 * subscription `order-processor` (ack 60 s, retention 7 d, retry 10-600 s, dead-letter after 5 attempts), an
 * exactly-once subscription, a push subscription with OIDC, a BigQuery subscription into
 * `orders_dataset.orders_table`, alert policies, and every IAM grant those need, each on its resource only.
 */
export class OrdersPubsubStack extends TerraformStack {
  /** The `orders` topic. */
  readonly orders: Topic;

  constructor(scope: Construct, id: string, props: OrdersPubsubStackProps) {
    super(scope, id);
    // State next to the project (not inside cdktf.out, which synth rewrites), as a path relative to the stack's
    // working directory so that the output does not depend on where the checkout lives.
    const stackDir = path.join(App.of(this).outdir, 'stacks', id);
    new LocalBackend(this, { path: path.relative(stackDir, `terraform.${id}.tfstate`) });

    const projectId = new TerraformVariable(this, 'project_id', {
      type: 'string',
      default: props.projectId,
      description: 'Google Cloud project ID the Pub/Sub resources are created in.',
    });
    const projectNumber = new TerraformVariable(this, 'project_number', {
      type: 'string',
      default: props.projectNumber,
      description: 'Number of that project; names the Pub/Sub service agent in IAM grants.',
    });
    const region = new TerraformVariable(this, 'region', {
      type: 'string',
      default: props.region,
      description: 'Default region of the Google provider.',
    });
    new GoogleProvider(this, 'google', { project: projectId.stringValue, region: region.stringValue });

    this.orders = new Topic(this, 'Orders', {
      topicName: 'orders',
      projectNumber: projectNumber.stringValue,
      schema: ORDER_SCHEMA,
      schemaName: 'order-schema',
      schemaEncoding: SchemaEncoding.JSON,
      messageRetentionSeconds: 7 * 86_400,
      labels: { app: 'orders' },
      deadLetterTopic: { topicName: 'orders-dead-letter' },
    });

    const processor = this.orders.addSubscription('OrderProcessor', {
      subscriptionName: 'order-processor',
      enableMessageOrdering: true,
      ackDeadlineSeconds: 60,
      messageRetentionSeconds: 7 * 86_400,
      minimumBackoffSeconds: 10,
      maximumBackoffSeconds: 600,
      deadLetterPolicy: { maxDeliveryAttempts: 5 },
    });

    const ledger = this.orders.addSubscription('OrderLedger', {
      subscriptionName: 'order-ledger',
      enableExactlyOnceDelivery: true,
      ackDeadlineSeconds: 60,
      deadLetterPolicy: { maxDeliveryAttempts: 5 },
    });

    const pushInvoker = new ServiceAccount(this, 'PushInvoker', {
      accountId: 'orders-push-invoker',
      displayName: 'Signs the OIDC tokens of the order-notifier push subscription',
    });
    const notifier = this.orders.addSubscription('OrderNotifier', {
      subscriptionName: 'order-notifier',
      ackDeadlineSeconds: 30,
      push: {
        endpoint: props.pushEndpoint,
        oidcServiceAccountEmail: pushInvoker.email,
        oidcAudience: props.pushEndpoint,
      },
      deadLetterPolicy: { maxDeliveryAttempts: 5 },
    });

    const warehouse = this.orders.addSubscription('OrdersToBigQuery', {
      subscriptionName: 'orders-to-bigquery',
      bigQuery: {
        datasetId: 'orders_dataset',
        tableId: 'orders_table',
        location: region.stringValue,
        useTopicSchema: true,
        writeMetadata: true,
      },
      deadLetterPolicy: { maxDeliveryAttempts: 5 },
    });

    processor.addAlerts({ backlogMessages: 1000, oldestUnackedAgeSeconds: 600, deadLetterMessages: 0 });

    new TerraformOutput(this, 'orders_topic_id', { value: this.orders.topicId });
    new TerraformOutput(this, 'dead_letter_topic_id', { value: this.orders.deadLetterTopic?.topicId });
    for (const s of [processor, ledger, notifier, warehouse]) {
      new TerraformOutput(this, `${s.subscriptionName.replace(/-/g, '_')}_subscription_id`, {
        value: s.subscriptionId,
      });
    }
    new TerraformOutput(this, 'push_invoker_email', { value: pushInvoker.email });
  }
}
