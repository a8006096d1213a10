// Consumer check (gcp): a project that installed eventform with cdktf, constructs and @cdktf/provider-google only.
import { readFileSync } from 'node:fs';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { EventformError } from 'eventform';
import { Topic } from 'eventform/gcp';

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'consumer');
new GoogleProvider(stack, 'google', { project: 'consumer-project' });
const orders = new Topic(stack, 'Orders', {
  topicName: 'orders',
  project: 'consumer-project',
  projectNumber: '123456789012',
  deadLetterTopic: {},
});
orders.addSubscription('Processor', { subscriptionName: 'order-processor', deadLetterPolicy: {} });
app.synth();

const tf = JSON.parse(readFileSync('cdktf.out/stacks/consumer/cdk.tf.json', 'utf8'));
const topics = Object.values(tf.resource.google_pubsub_topic ?? {}) as Array<{ name: string }>;
const subscriptions = Object.values(tf.resource.google_pubsub_subscription ?? {});
if (
  topics
    .map((t) => t.name)
    .sort()
    .join(',') !== 'orders,orders-dead-letter' ||
  subscriptions.length < 2
) {
  console.error(JSON.stringify(tf.resource, null, 2));
  process.exit(1);
}

let rejected = false;
try {
  new Topic(stack, 'Bad', { topicName: 'bad', messageRetentionSeconds: 60 });
} catch (e) {
  rejected = e instanceof EventformError;
}
if (!rejected) {
  console.error('an invalid retention was not rejected with an EventformError');
  process.exit(1);
}
console.log(`gcp: synthesized ${topics.length} topics and ${subscriptions.length} subscriptions`);
