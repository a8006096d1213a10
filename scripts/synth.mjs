#!/usr/bin/env node
// `npm run synth`: synthesizes every example app without credentials or network:
//   stacks/aws/main.ts    -> cdk.out/     (CloudFormation, aws-cdk-lib's strict validation and cdk-nag on)
//   stacks/gcp/main.ts    -> cdktf.out/   (Terraform JSON, validations on)
//   stacks/kafka/synth.ts -> pulumi.out/  (resources registered under Pulumi's mock runtime, secrets redacted)
// The three run in parallel, each in its own process so no engine is loaded next to another.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const jobs = [
  { name: 'aws', entry: 'stacks/aws/main.ts', out: 'cdk.out' },
  // cdktf.out is kept: the Pub/Sub immutable-field guard compares with the previous synth to warn before a change
  // that would recreate a subscription (and drop its backlog).
  { name: 'gcp', entry: 'stacks/gcp/main.ts', out: 'cdktf.out', keep: true },
  { name: 'kafka', entry: 'stacks/kafka/synth.ts', out: 'pulumi.out' },
];
const only = process.argv.slice(2);
const selected = only.length ? jobs.filter((j) => only.includes(j.name)) : jobs;

function run(job) {
  if (!job.keep) rmSync(resolve(root, job.out), { recursive: true, force: true });
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', job.entry], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CHECKPOINT_DISABLE: '1', CDK_OUTDIR: resolve(root, 'cdk.out') },
    });
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = code === 0 ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`;
      console.log(`synth ${job.name}: ${status} in ${seconds.toFixed(1)} s -> ${job.out}/`);
      done(code === 0);
    });
  });
}

const results = await Promise.all(selected.map(run));
if (results.some((ok) => !ok)) process.exit(1);
