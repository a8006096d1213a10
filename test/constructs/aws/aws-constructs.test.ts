// Every AWS construct suite in one jest process, so aws-cdk-lib loads once and the fixture stacks are synthesized
// once. cfn-lint (errors, warnings and informational findings) runs in the background over every template these
// tests synthesize (the fixtures, the split deployment and the OrdersEventBus example) while the cases run; the
// last test awaits it. The 301-rule fixture is linted as its 2-rule twin (same resource shapes; cfn-lint needs
// ~25 s more for 300 rules).
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildOrdersApp } from '../../../stacks/aws/app';
import { FIXTURES, splitApp, template } from './fixtures';
import { cfnLint } from './helpers';

let lint: Promise<string | undefined>;
let linted: string[] = [];

beforeAll(() => {
  const templates: Record<string, unknown> = {};
  for (const name of FIXTURES.filter((f) => f !== 'manyRules')) templates[name] = template(name).toJSON();
  const split = splitApp();
  templates.splitBus = Template.fromStack(split.busStack).toJSON();
  templates.splitRules = Template.fromStack(split.rulesStack).toJSON();
  templates.ordersEventBus = Template.fromStack(buildOrdersApp(new App(), { nag: false })).toJSON();
  linted = Object.keys(templates);
  lint = cfnLint(templates);
});

import './event-bus.cases';
import './rule-targets.cases';
import './archive-schemas-alarms.cases';
import './readme.cases';

describe('cfn-lint', () => {
  test('finds nothing in any AWS template', async () => {
    expect(linted).toHaveLength(FIXTURES.length - 1 + 3);
    const output = await lint;
    if (output !== undefined) expect(output).toBe('');
  });
});
