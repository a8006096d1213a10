// The one test that synthesizes the example the way `cdk synth` does: aws-cdk-lib's built-in CloudFormation
// validation on and strict (@aws-cdk/core:validateAgainstDefaultRules), and cdk-nag's AwsSolutions and Serverless
// packs as validation plugins. Any finding makes app.synth() throw.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { buildOrdersApp } from '../../../stacks/aws/app';

test('the example synthesizes under strict built-in validation and cdk-nag with no findings', () => {
  const previous = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'true';
  process.env.JSII_DEPRECATED = 'quiet';
  const outdir = mkdtempSync(join(tmpdir(), 'eventform-strict-'));
  try {
    const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
    // buildOrdersApp registers the cdk-nag packs; spy on them to prove they ran during synth.
    const ran: string[] = [];
    for (const Pack of [AwsSolutionsChecks, ServerlessChecks]) {
      const original = Pack.prototype.validate;
      jest.spyOn(Pack.prototype, 'validate').mockImplementation(function (this: InstanceType<typeof Pack>, ctx) {
        ran.push(this.name);
        return original.call(this, ctx);
      });
    }
    buildOrdersApp(app);
    app.synth();
    expect(ran.sort()).toEqual(['AwsSolutions', 'Serverless']);
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    const findings = report.pluginReports.flatMap((r: { violations?: unknown[] }) => r.violations ?? []);
    expect(findings).toEqual([]);
  } finally {
    process.env.CDK_VALIDATION = previous;
    rmSync(outdir, { recursive: true, force: true });
  }
});
