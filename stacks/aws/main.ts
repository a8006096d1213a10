// The CDK app of the AWS example (cdk.json runs `npx tsx stacks/aws/main.ts`; so does `npm run synth`).
// `npx cdk synth -c crossAccountId=210987654321` sets the account allowed to put events on the bus.
import { App } from 'aws-cdk-lib';
import { buildOrdersApp } from './app';

// Strict built-in validation also when run without the cdk CLI (npm run synth), as cdk.json sets it for the CLI.
const app = new App({
  outdir: process.env.CDK_OUTDIR ?? 'cdk.out',
  context: { '@aws-cdk/core:validateAgainstDefaultRules': true },
});
buildOrdersApp(app);
app.synth();
