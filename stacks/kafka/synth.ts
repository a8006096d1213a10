// `npm run synth` (kafka part): captures the orders program under Pulumi's mock runtime and writes its resource list,
// secrets redacted, to pulumi.out/orders-kafka.json. No Pulumi CLI, credentials or network.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { capturePulumiProgram } from '../../scripts/pulumi-capture';
import { EXAMPLE_CONFIG, EXAMPLE_SECRET_CONFIG, PROJECT } from './example-config';

async function main(): Promise<void> {
  const result = await capturePulumiProgram(() => import('./orders-kafka').then((m) => m.ordersKafka()), {
    project: PROJECT,
    stack: 'dev',
    config: EXAMPLE_CONFIG,
    secretConfig: EXAMPLE_SECRET_CONFIG,
  });
  if (result.secretLeaks.length > 0) {
    console.error(`secret values in clear text in: ${result.secretLeaks.join(', ')}`);
    process.exit(1);
  }
  const outDir = resolve(__dirname, '../../pulumi.out');
  mkdirSync(outDir, { recursive: true });
  const file = resolve(outDir, 'orders-kafka.json');
  writeFileSync(file, `${JSON.stringify(result.resources, null, 2)}\n`);
  console.log(`pulumi.out/orders-kafka.json: ${result.resources.length} resources`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
