import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEventformError } from '../../../lib';

/** Runs `fn`, expects an EventformError carrying `code` whose message matches `message`, and returns it. */
export function expectEventformError(fn: () => unknown, code: string, message: RegExp) {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (!isEventformError(caught)) throw new Error(`expected an EventformError ${code}, got ${String(caught)}`);
  expect(caught.hasCode(code)).toBe(true);
  const issue = caught.issues.find((i) => i.code === code);
  expect(issue?.message ?? caught.message).toMatch(message);
  return caught;
}

/** Whether cfn-lint is on this machine. */
export function hasCfnLint(): boolean {
  return spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Directory of CloudFormation registry schemas for types cfn-lint 1.51 does not know yet (AWS::Events::Replay). */
export const EXTRA_SCHEMAS = join(__dirname, 'cfn-schemas');

/**
 * Lints templates with one cfn-lint process (it takes seconds to start), in the background: start it early and
 * await it last. Resolves to its output (empty when there is no error, warning or informational finding), or to
 * undefined after a loud warning when cfn-lint is missing (unless CI=true, where that fails).
 */
export function cfnLint(templates: Record<string, unknown>): Promise<string | undefined> {
  if (!hasCfnLint()) {
    if (process.env.CI === 'true')
      return Promise.reject(new Error('cfn-lint is required under CI=true but was not found'));
    console.warn('\n\n!!! cfn-lint not found on PATH: SKIPPING the cfn-lint check of the AWS templates !!!\n');
    return Promise.resolve(undefined);
  }
  const dir = mkdtempSync(join(tmpdir(), 'eventform-cfnlint-'));
  const files = Object.entries(templates).map(([name, template]) => {
    const file = join(dir, `${name}.template.json`);
    writeFileSync(file, JSON.stringify(template, null, 1));
    return file;
  });
  return new Promise((resolve, reject) => {
    const child = spawn('cfn-lint', ['--format', 'parseable', '--registry-schemas', EXTRA_SCHEMAS, '--', ...files]);
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('error', reject);
    child.on('close', () => {
      rmSync(dir, { recursive: true, force: true });
      resolve(output.split(dir).join('').trim());
    });
  });
}
