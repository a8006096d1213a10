import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { engineFiles, packageOf, runtimeDependencyClosure } from '../imports/engine-modules';
import { runChild } from '../lib/child';
import { median, ratio } from '../lib/stats';
import { cell, renderTable } from '../lib/table';
import { ENGINES, type Engine } from './synth';

interface RequireReport {
  readonly requireMs: number;
  readonly maxRssKb: number;
  readonly modulesLoaded: number;
  readonly files?: readonly string[];
}

/** Medians of requiring one set of modules in fresh processes. */
export interface ImportResult {
  /** What was required: the entry point, or the engine packages whose files were required. */
  readonly modules: readonly string[];
  readonly requireMs?: number;
  readonly processMs?: number;
  readonly maxRssMb?: number;
  readonly modulesLoaded?: number;
  readonly error?: string;
}

/** One entry point against the plain engine modules it uses. */
export interface ImportRow {
  readonly entry: string;
  readonly eventform: ImportResult;
  readonly plain: ImportResult;
  readonly timeRatio?: number;
  readonly memoryRatio?: number;
}

function measure(
  root: string,
  script: string,
  modules: readonly string[],
  reps: number,
  args: readonly string[] = modules,
): ImportResult & { files?: readonly string[] } {
  if (args.length === 0) return { modules, error: 'nothing to require' };
  const requireMs: number[] = [];
  const processMs: number[] = [];
  const rssKb: number[] = [];
  let loaded = 0;
  let files: readonly string[] | undefined;
  try {
    for (let round = -1; round < reps; round++) {
      const run = runChild<RequireReport>(process.execPath, [script, ...args], { cwd: root });
      if (round < 0) continue;
      requireMs.push(run.report.requireMs);
      processMs.push(run.wallMs);
      rssKb.push(run.report.maxRssKb);
      loaded = run.report.modulesLoaded;
      files = run.report.files;
    }
  } catch (err) {
    return { modules, error: err instanceof Error ? err.message : String(err) };
  }
  return {
    modules,
    requireMs: Math.round(median(requireMs)),
    processMs: Math.round(median(processMs)),
    maxRssMb: Math.round(median(rssKb) / 1024),
    modulesLoaded: loaded,
    files,
  };
}

/**
 * Requires `eventform/<engine>` (the package self-reference, resolved through the exports map to dist/) and, in other
 * fresh processes, exactly the engine files that requiring it loaded (see engineFiles).
 */
export function runImportSection(
  root: string,
  buildDir: string,
  reps: number,
  engines: readonly Engine[] = ENGINES,
): ImportRow[] {
  const script = join(buildDir, 'imports', 'require-child.js');
  const runtime = runtimeDependencyClosure(root);
  return engines.map((engine) => {
    const dist = join(root, 'dist', 'constructs', engine);
    if (!existsSync(join(dist, 'index.js'))) {
      const missing: ImportResult = { modules: [], error: `dist/constructs/${engine}/index.js missing` };
      return { entry: `eventform/${engine}`, eventform: missing, plain: missing };
    }
    const { files, ...eventform } = measure(root, script, [`eventform/${engine}`], reps, [
      '--list-files',
      `eventform/${engine}`,
    ]);
    const plainFiles = engineFiles(files ?? [], runtime);
    const packages = [...new Set(plainFiles.map((file) => packageOf(file) as string))].sort();
    const { files: _ignored, ...plain } = measure(root, script, packages, reps, plainFiles);
    return {
      entry: `eventform/${engine}`,
      eventform,
      plain,
      timeRatio: ratio(eventform.requireMs, plain.requireMs),
      memoryRatio: ratio(eventform.maxRssMb, plain.maxRssMb),
    };
  });
}

/** The import-cost table for stdout. */
export function renderImportSection(rows: readonly ImportRow[], reps: number): string {
  return [
    `Import cost: median of ${reps} fresh processes (require time; peak RSS of the whole process)`,
    renderTable(
      [
        'entry point',
        'ef require ms',
        'ef MB',
        'ef modules',
        'plain require ms',
        'plain MB',
        'plain modules',
        'time ratio',
      ],
      rows.map((row) => [
        row.entry,
        cell(row.eventform.requireMs),
        cell(row.eventform.maxRssMb),
        cell(row.eventform.modulesLoaded),
        cell(row.plain.requireMs),
        cell(row.plain.maxRssMb),
        cell(row.plain.modulesLoaded),
        cell(row.timeRatio, 2),
      ]),
    ),
    ...rows
      .filter((row) => row.plain.modules.length > 0)
      .map(
        (row) =>
          `  plain ${row.entry}: the same ${row.plain.modulesLoaded} engine files, from ${row.plain.modules.length} ` +
          `packages (${row.plain.modules.slice(0, 4).join(', ')}${row.plain.modules.length > 4 ? ', ...' : ''})`,
      ),
    ...rows
      .flatMap((row) =>
        [row.eventform.error, row.plain.error].map((error) => (error ? `  ${row.entry}: ${error}` : '')),
      )
      .filter((line) => line !== ''),
  ].join('\n');
}
