// cfn-lint (errors, warnings and informational findings) on every template the AWS tests synthesize, in one
// cfn-lint run: the fixtures, the split deployment and the OrdersEventBus example. The 301-rule fixture is linted
// as its 2-rule twin (same resource shapes; cfn-lint needs ~25 s more for 300 rules).
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildOrdersApp } from '../../../stacks/aws/app';
import { FIXTURES, fixture, splitApp } from './fixtures';
import { cfnLint } from './helpers';

test('cfn-lint finds nothing in any AWS template', () => {
  const templates: Record<string, unknown> = {};
  for (const name of FIXTURES.filter((f) => f !== 'manyRules'))
    templates[name] = Template.fromStack(fixture(name)).toJSON();
  const split = splitApp();
  templates.splitBus = Template.fromStack(split.busStack).toJSON();
  templates.splitRules = Template.fromStack(split.rulesStack).toJSON();
  templates.ordersEventBus = Template.fromStack(buildOrdersApp(new App(), { nag: false })).toJSON();
  expect(Object.keys(templates)).toHaveLength(FIXTURES.length - 1 + 3);
  const output = cfnLint(templates);
  if (output !== undefined) expect(output).toBe('');
});
