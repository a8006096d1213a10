/**
 * The cdktf app of the GCP example (`cdktf.json` runs `npx tsx stacks/gcp/main.ts`; `npm run synth` runs it too).
 * Writes Terraform JSON to `cdktf.out/` (or `$CDKTF_OUTDIR`), with validations on.
 *
 * Context keys (cdktf.json `context`, or `CDKTF_CONTEXT_JSON`), each the default of the Terraform variable noted:
 * - `projectId` (variable `project_id`), default `eventform-demo`
 * - `projectNumber` (variable `project_number`), default `000000000000`: set the real one before deploying
 * - `region` (variable `region`), default `europe-west1`
 * - `pushEndpoint` (no variable: checked at synth), default `https://orders.example.com/pubsub/push`
 */
import { App } from 'cdktf';
import { OrdersPubsubStack } from './orders-pubsub-stack';

const app = new App();
const context = (key: string, fallback: string): string => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : fallback;
};
new OrdersPubsubStack(app, 'orders-pubsub', {
  projectId: context('projectId', 'eventform-demo'),
  projectNumber: context('projectNumber', '000000000000'),
  region: context('region', 'europe-west1'),
  pushEndpoint: context('pushEndpoint', 'https://orders.example.com/pubsub/push'),
});
app.synth();
