/**
 * `npm run bench`: eventform's benchmarks in one run (issue 9).
 *
 * 1. Synth cost: each engine's workload built with eventform and with the plain engine (written by hand in
 *    bench/synth/), at two sizes, median wall time and peak memory over fresh processes, ratios and growth.
 * 2. Import cost: `require('eventform/<engine>')` against the plain engine modules it uses.
 * 3. Pattern matcher: eventform's matchEvent against aws/event-ruler on one shared cases file, plus the pattern
 *    matcher's own benchmark (bench/pattern/bench.ts --json).
 *
 * Prints a table and writes bench/results/latest.json. Options: `--reps=N` (default 7),
 * `--only=synth,imports,matcher` (default all), `--engines=aws,gcp,kafka` (synth and import sections; default all),
 * `--skip-build` (reuse dist/; it is also reused when newer than every source file).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { childEnv } from './lib/child';
import { distIsFresh } from './lib/freshness';
import { transpileBench } from './lib/transpile';
import { renderImportSection, runImportSection, type ImportRow } from './sections/imports';
import { matcherTargets, renderMatcherSection, runMatcherSection, type MatcherSection } from './sections/matcher';
import { ENGINES, renderSynthSection, runSynthSection, type Engine, type SynthSection } from './sections/synth';

const ROOT = resolve(__dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results');
const BUILD_DIR = join(RESULTS, '.build');
const SECTIONS = ['synth', 'imports', 'matcher'] as const;
const DIST_ENTRY_POINTS = [
  'dist/lib/index.js',
  'dist/constructs/aws/index.js',
  'dist/constructs/gcp/index.js',
  'dist/constructs/kafka/index.js',
];

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  const found = process.argv.slice(2).find((arg) => arg === `--${name}` || arg.startsWith(prefix));
  if (found === undefined) return undefined;
  return found.startsWith(prefix) ? found.slice(prefix.length) : '';
}

/** A comma-separated option whose every item must be one of `allowed`; exits with a usage message otherwise. */
function listOption<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = option(name);
  if (raw === undefined) return [...allowed];
  const items = [...new Set(raw.split(',').filter((item) => item !== ''))];
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (items.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `--${name}=${raw}: expected a comma-separated list of ${allowed.join(', ')}` +
        (unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : '') +
        '\n',
    );
    process.exit(2);
  }
  return items as T[];
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function main(): void {
  const reps = Number(option('reps') ?? 7);
  if (!Number.isInteger(reps) || reps < 1) {
    process.stderr.write(`--reps=${option('reps')}: expected a whole number of runs, at least 1\n`);
    process.exit(2);
  }
  const only = listOption('only', SECTIONS);
  const engines: Engine[] = listOption('engines', ENGINES);
  const started = Date.now();
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
  log(`eventform bench: ${machine.cores} cores, Node ${machine.node}, ${machine.date}`);

  let build: { ms: number; ok: boolean; output?: string; skipped?: string } | undefined;
  if (option('skip-build') !== undefined) {
    build = { ms: 0, ok: true, skipped: '--skip-build' };
  } else if (distIsFresh(ROOT, ['lib', 'constructs'], DIST_ENTRY_POINTS)) {
    build = { ms: 0, ok: true, skipped: 'dist/ is newer than every source file' };
    log('dist/ is up to date: not rebuilding');
  } else {
    log('npm run build (dist/ is what users load)');
    const t0 = Date.now();
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
    build = { ms: Date.now() - t0, ok: result.status === 0 };
    if (!build.ok) {
      build.output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(0, 10).join('\n');
      log(`  build reported errors (continuing with what tsc emitted):\n${build.output}`);
    }
  }
  transpileBench(join(ROOT, 'bench'), BUILD_DIR, ['lib', 'synth', 'imports', 'compare']);

  let synth: SynthSection | undefined;
  let imports: ImportRow[] | undefined;
  let matcher: MatcherSection | undefined;
  if (only.includes('synth')) {
    log('synth cost (CDK_VALIDATION=false for both variants)');
    synth = runSynthSection(ROOT, BUILD_DIR, reps, log, engines);
  }
  if (only.includes('imports')) {
    log('import cost');
    imports = runImportSection(ROOT, BUILD_DIR, reps, engines);
  }
  if (only.includes('matcher')) {
    log('pattern matcher');
    matcher = runMatcherSection(ROOT, BUILD_DIR, log);
  }

  const totalSeconds = Math.round((Date.now() - started) / 1000);
  const output = {
    machine,
    build,
    synth,
    imports,
    engines,
    matcher: matcher ? { ...matcher, targets: matcherTargets(matcher) } : undefined,
    totalSeconds,
  };
  mkdirSync(RESULTS, { recursive: true });
  const jsonPath = join(RESULTS, 'latest.json');
  writeFileSync(jsonPath, `${JSON.stringify(output, null, 2)}\n`);

  const parts = [
    `eventform benchmarks: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.date}`,
  ];
  if (synth) parts.push(renderSynthSection(synth));
  if (imports) parts.push(renderImportSection(imports, reps));
  if (matcher) parts.push(renderMatcherSection(matcher));
  parts.push(`Total ${totalSeconds} s. JSON: ${relative(process.cwd(), jsonPath) || jsonPath}`);
  process.stdout.write(`\n${parts.join('\n\n')}\n`);
}

main();
