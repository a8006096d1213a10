// Lint rules that keep the package's boundaries (architecture.md) enforced by the build, not by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Package names as anchored regular expressions (gitignore-style groups would also match local files such as
// ./cdktf or ../constructs).
const engines = {
  aws: ['aws-cdk-lib(/.*)?', 'cdk-nag(/.*)?'],
  gcp: ['cdktf(/.*)?', '@cdktf/.*'],
  kafka: ['@pulumi/.*'],
  constructs: ['constructs(/.*)?'],
};
const folder = (name) => [`**/constructs/${name}`, `**/constructs/${name}/**`, `../${name}`, `../${name}/**`];
const restrict = (groups, message) => ({ group: groups, message });
const restrictPackages = (names, message) => ({ regex: `^(${names.join('|')})$`, message });
const noBarrel = {
  regex: '^@cdktf/provider-google(/lib(/index(\\.js)?)?)?$',
  message:
    'The provider barrel loads ~1,470 modules (4-7 s, ~460 MB): deep-import @cdktf/provider-google/lib/<resource>.',
};
const imports = (patterns) => ['error', { patterns: [...patterns, noBarrel] }];

const noPlainErrors = [
  'error',
  {
    selector: 'ThrowStatement > NewExpression[callee.name=/^(Error|TypeError|RangeError|SyntaxError)$/]',
    message: 'Throw EventformError (lib/errors.ts) with a stable code, never a plain Error.',
  },
  {
    selector: "ThrowStatement > CallExpression[callee.name='Error']",
    message: 'Throw EventformError (lib/errors.ts) with a stable code, never a plain Error.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'cdk.out/**',
      'cdktf.out/**',
      'pulumi.out/**',
      'coverage/**',
      '**/.work/**',
      '.cache/**',
      'bench/results/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-imports': imports([]),
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-syntax': noPlainErrors,
      'no-restricted-imports': imports([
        restrictPackages(
          [...engines.aws, ...engines.gcp, ...engines.kafka, ...engines.constructs],
          'lib/ is cloud-neutral: it imports no IaC engine.',
        ),
        restrict(['**/constructs/**', '**/stacks/**'], 'lib/ must not depend on constructs/ or stacks/.'),
      ]),
    },
  },
  {
    files: ['constructs/aws/**/*.ts'],
    rules: {
      'no-restricted-syntax': noPlainErrors,
      'no-restricted-imports': imports([
        restrictPackages(
          [...engines.gcp, ...engines.kafka],
          'constructs/aws imports only aws-cdk-lib, constructs and lib/.',
        ),
        restrict([...folder('gcp'), ...folder('kafka')], 'constructs/aws must not import another engine folder.'),
      ]),
    },
  },
  {
    files: ['constructs/gcp/**/*.ts'],
    ignores: ['constructs/gcp/cdktf.ts'],
    rules: {
      'no-restricted-syntax': noPlainErrors,
      'no-restricted-imports': imports([
        restrictPackages(
          [...engines.aws, ...engines.kafka],
          'constructs/gcp imports only cdktf, @cdktf/provider-google and lib/.',
        ),
        restrictPackages(
          [...engines.gcp, ...engines.constructs],
          'Import cdktf, constructs and the Google provider only through constructs/gcp/cdktf.ts.',
        ),
        restrict([...folder('aws'), ...folder('kafka')], 'constructs/gcp must not import another engine folder.'),
      ]),
    },
  },
  {
    files: ['constructs/gcp/cdktf.ts'],
    rules: {
      'no-restricted-syntax': noPlainErrors,
      'no-restricted-imports': imports([
        restrictPackages([...engines.aws, ...engines.kafka], 'constructs/gcp imports only cdktf and lib/.'),
        restrict([...folder('aws'), ...folder('kafka')], 'constructs/gcp must not import another engine folder.'),
      ]),
    },
  },
  {
    files: ['constructs/kafka/**/*.ts'],
    rules: {
      'no-restricted-syntax': noPlainErrors,
      'no-restricted-imports': imports([
        restrictPackages(
          [...engines.aws, ...engines.gcp, ...engines.constructs],
          'constructs/kafka imports only @pulumi/* and lib/.',
        ),
        restrict([...folder('aws'), ...folder('gcp')], 'constructs/kafka must not import another engine folder.'),
      ]),
    },
  },
  {
    files: ['stacks/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': imports([
        restrictPackages([...engines.gcp, ...engines.kafka], 'stacks/aws uses AWS only.'),
        restrict([...folder('gcp'), ...folder('kafka')], 'stacks/aws uses AWS only.'),
      ]),
    },
  },
  {
    files: ['stacks/gcp/**/*.ts'],
    rules: {
      'no-restricted-imports': imports([
        restrictPackages([...engines.aws, ...engines.kafka], 'stacks/gcp uses GCP only.'),
        restrict([...folder('aws'), ...folder('kafka')], 'stacks/gcp uses GCP only.'),
      ]),
    },
  },
  {
    files: ['stacks/kafka/**/*.ts'],
    rules: {
      'no-restricted-imports': imports([
        restrictPackages([...engines.aws, ...engines.gcp], 'stacks/kafka uses Kafka only.'),
        restrict([...folder('aws'), ...folder('gcp')], 'stacks/kafka uses Kafka only.'),
      ]),
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
