import { execFileSync } from 'child_process';
import * as path from 'path';

// The package's boundaries (architecture.md) are enforced by eslint.config.mjs; these cases prove each rule fires
// on a violation and stays quiet on allowed code. ESLint loads its ESM config, which jest's VM cannot, so the cases
// are linted in one child process.
const root = path.resolve(__dirname, '../..');

const violations: Array<[string, string, string]> = [
  ['lib imports aws-cdk-lib', 'lib/x.ts', "import { Stack } from 'aws-cdk-lib';\nexport const s = Stack;"],
  ['lib imports constructs', 'lib/x.ts', "import { Construct } from 'constructs';\nexport const c = Construct;"],
  ['lib imports cdktf', 'lib/x.ts', "import { App } from 'cdktf';\nexport const a = App;"],
  ['lib imports pulumi', 'lib/x.ts', "import * as p from '@pulumi/pulumi';\nexport const x = p;"],
  ['lib imports a construct folder', 'lib/x.ts', "import * as a from '../constructs/aws';\nexport const x = a;"],
  ['aws imports cdktf', 'constructs/aws/x.ts', "import { App } from 'cdktf';\nexport const a = App;"],
  ['aws imports pulumi', 'constructs/aws/x.ts', "import * as k from '@pulumi/kafka';\nexport const x = k;"],
  ['aws imports the gcp folder', 'constructs/aws/x.ts', "import * as g from '../gcp';\nexport const x = g;"],
  ['gcp imports aws-cdk-lib', 'constructs/gcp/x.ts', "import { Stack } from 'aws-cdk-lib';\nexport const s = Stack;"],
  [
    'gcp imports cdktf outside its one module',
    'constructs/gcp/topic.ts',
    "import { TerraformStack } from 'cdktf';\nexport const s = TerraformStack;",
  ],
  [
    'gcp deep-imports the provider outside its one module',
    'constructs/gcp/topic.ts',
    "import { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';\nexport const t = PubsubTopic;",
  ],
  [
    'the provider barrel, even in the one module',
    'constructs/gcp/cdktf.ts',
    "import { pubsubTopic } from '@cdktf/provider-google';\nexport const t = pubsubTopic;",
  ],
  [
    'kafka imports constructs',
    'constructs/kafka/x.ts',
    "import { Construct } from 'constructs';\nexport const c = Construct;",
  ],
  ['kafka imports the aws folder', 'constructs/kafka/x.ts', "import * as a from '../aws/bus';\nexport const x = a;"],
  ['plain Error in lib', 'lib/x.ts', "export function f(): never {\n  throw new Error('no');\n}"],
  [
    'plain TypeError in constructs',
    'constructs/kafka/x.ts',
    "export function f(): never {\n  throw new TypeError('no');\n}",
  ],
];

const allowed: Array<[string, string, string]> = [
  [
    'lib imports its own errors',
    'lib/x.ts',
    "import { EventformError } from './errors';\nexport const e = EventformError;",
  ],
  [
    'aws imports aws-cdk-lib and lib',
    'constructs/aws/x.ts',
    "import { Stack } from 'aws-cdk-lib';\nimport { show } from '../../lib';\nexport const x = [Stack, show];",
  ],
  [
    'the one gcp module deep-imports the provider',
    'constructs/gcp/cdktf.ts',
    "export { TerraformStack } from 'cdktf';\nexport { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';",
  ],
  [
    'gcp imports cdktf through its one module',
    'constructs/gcp/topic.ts',
    "import { TerraformStack } from './cdktf';\nexport const s = TerraformStack;",
  ],
  ['kafka imports pulumi', 'constructs/kafka/x.ts', "import * as kafka from '@pulumi/kafka';\nexport const k = kafka;"],
  ['tests may throw plain errors', 'test/x.test.ts', "export function f(): never {\n  throw new Error('test');\n}"],
];

const linter = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [file, code] of cases) {
    const [r] = await eslint.lintText(code, { filePath: require('path').join(process.cwd(), file) });
    out.push(r.messages.map((m) => m.ruleId || m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();`;

const all = [...violations, ...allowed];
let results: string[][] = [];

beforeAll(() => {
  const input = JSON.stringify(all.map(([, file, code]) => [file, code]));
  results = JSON.parse(execFileSync(process.execPath, ['-e', linter], { cwd: root, input, encoding: 'utf8' }));
});

describe('boundary lint rules', () => {
  it.each(violations.map((v, i) => [v[0], i] as const))('rejects: %s', (_name, i) => {
    expect(results[i].some((id) => id === 'no-restricted-imports' || id === 'no-restricted-syntax')).toBe(true);
  });

  it.each(allowed.map((a, i) => [a[0], violations.length + i] as const))('allows: %s', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
});
