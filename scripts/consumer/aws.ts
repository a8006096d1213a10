// Consumer check (aws): a project that installed eventform with aws-cdk-lib and constructs only.
import { App, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildEventPattern, EventformError, EventMatch, matchEvent } from 'eventform';
import { EventBus, SqsTarget } from 'eventform/aws';

const app = new App({ outdir: 'cdk.out' });
const stack = new Stack(app, 'Consumer');
const bus = new EventBus(stack, 'Bus', { eventBusName: 'consumer-bus' });
const queue = new sqs.Queue(stack, 'Queue', { enforceSSL: true });
const pattern = buildEventPattern({ source: 'order-service', detail: { amount: EventMatch.numeric('>', 1000) } });
bus.addRule('HighValue', { eventPattern: pattern, targets: [new SqsTarget(queue)] });
bus.addArchive('Archive', { archiveName: 'consumer-archive', retentionDays: 30 });
const template = app.synth().getStackByName('Consumer').template;

const types = Object.values(template.Resources as Record<string, { Type: string }>).map((r) => r.Type);
for (const type of ['AWS::Events::EventBus', 'AWS::Events::Rule', 'AWS::Events::Archive']) {
  if (!types.includes(type)) {
    console.error(`missing ${type} in ${types.join(', ')}`);
    process.exit(1);
  }
}
if (!matchEvent(pattern, { source: 'order-service', detail: { amount: 1500 } })) {
  console.error('matchEvent did not match a high-value order');
  process.exit(1);
}

let rejected = false;
try {
  bus.addRule('Bad', { eventPattern: { source: [] }, targets: [new SqsTarget(queue)] });
} catch (e) {
  rejected = e instanceof EventformError;
}
if (!rejected) {
  console.error('an empty pattern array was not rejected with an EventformError');
  process.exit(1);
}
console.log(`aws: synthesized ${types.length} resources`);
