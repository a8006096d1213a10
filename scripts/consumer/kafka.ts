// Consumer check (kafka): a project that installed eventform with @pulumi/pulumi and @pulumi/kafka only. The program
// runs under Pulumi's mock runtime, which records every resource it registers.
import * as pulumi from '@pulumi/pulumi';

async function main(): Promise<void> {
  const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'consumer',
    'dev',
    false,
  );
  const { EventformError } = await import('eventform');
  const { Topic, kafkaProvider, partitionGuardProvider } = await import('eventform/kafka');

  const provider = kafkaProvider('cluster', { bootstrapServers: ['127.0.0.1:9092'], tlsEnabled: false });
  const orders = new Topic(
    'orders',
    { name: 'orders', partitions: 3, replicationFactor: 3, config: { compressionType: 'lz4' } },
    { providers: [provider] },
  );
  await new Promise((resolve) => orders.topicName.apply(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));

  const topic = registered.find((r) => r.type === 'kafka:index/topic:Topic');
  if (
    !topic ||
    topic.inputs.name !== 'orders' ||
    (topic.inputs.config as Record<string, string>)['compression.type'] !== 'lz4'
  ) {
    console.error(JSON.stringify(registered, null, 2));
    process.exit(1);
  }

  let rejected = false;
  try {
    new Topic('bad', { name: 'bad name!', partitions: 0, replicationFactor: 1 });
  } catch (e) {
    rejected = e instanceof EventformError;
  }
  if (!rejected) {
    console.error('an invalid topic was not rejected with an EventformError');
    process.exit(1);
  }
  // `pulumi up` runs dynamic providers from the text Pulumi's closure serializer stores in state; from an installed
  // package that text requires eventform's own modules, which the exports map must allow.
  const serialized = await pulumi.runtime.serializeFunction(() => partitionGuardProvider);
  const loaded = { exports: {} as { handler: () => typeof partitionGuardProvider } };
  new Function('exports', 'require', 'module', serialized.text)(loaded.exports, require, loaded);
  const check = await loaded.exports.handler().check!(
    { topicName: 'orders', partitions: 6 },
    { topicName: 'orders', partitions: 3 },
  );
  if (
    !serialized.text.includes('require("eventform/') ||
    !check.failures?.[0]?.reason.includes('PARTITIONS_DECREASE')
  ) {
    console.error('the serialized partition guard did not load from the package or did not refuse a decrease');
    process.exit(1);
  }
  console.log(`kafka: registered ${registered.length} resources; a serialized dynamic provider ran`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
