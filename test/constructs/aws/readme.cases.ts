// The smallest example of constructs/aws/README.md runs as written (imports mapped to this repository) and
// creates what the README's table says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';

const README = join(__dirname, '../../../constructs/aws/README.md');

test('README smallest example runs and creates the documented resources', () => {
  const first = /```ts\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'));
  expect(first).not.toBeNull();
  const source = (first as RegExpExecArray)[1]
    .replace(/from 'eventform\/aws'/g, `from ${JSON.stringify(join(__dirname, '../../../constructs/aws'))}`)
    .replace(/from 'eventform'/g, `from ${JSON.stringify(join(__dirname, '../../../lib'))}`);
  const js = ts.transpileModule(`${source}\nexport const readmeApp = app;`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const exports: { readmeApp?: App } = {};
  new Function('require', 'exports', js)(require, exports);
  const stack = exports.readmeApp?.node.findChild('Orders') as Stack;
  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::Events::EventBus', { Name: 'orders-event-bus' });
  t.hasResourceProperties('AWS::Events::Rule', {
    Name: 'high-value-orders',
    EventPattern: {
      source: ['order-service'],
      'detail-type': ['OrderPlaced'],
      detail: { amount: [{ numeric: ['>', 1000] }] },
    },
    Targets: [
      Match.objectLike({ Id: 'Target0', RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: Match.anyValue() }),
    ],
  });
  t.resourceCountIs('AWS::SQS::QueuePolicy', 2);
  t.hasResource('AWS::Events::Archive', {
    Properties: { ArchiveName: 'orders-archive', RetentionDays: 30 },
    DeletionPolicy: 'Retain',
  });
});
