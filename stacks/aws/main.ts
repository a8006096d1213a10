// The CDK app of the AWS example (cdk.json runs `npx tsx stacks/aws/main.ts`; so does `npm run synth`).
// `npx cdk synth -c crossAccountId=210987654321` sets the account allowed to put events on the bus.
import { App } from 'aws-cdk-lib';
import { buildOrdersApp } from './app';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
buildOrdersApp(app);
app.synth();
