import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from '../lib/child';
import type { ScenarioReport } from '../lib/scenario';
import { median, pairedRatio, ratio } from '../lib/stats';
import { cell, renderTable } from '../lib/table';

/** The engines the benchmark knows, in the order it runs them. */
export const ENGINES = ['aws', 'gcp', 'kafka'] as const;
/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number];

/** One engine's synth benchmark: the two sizes and the scenario files of both variants. */
interface Workload {
  readonly engine: Engine;
  readonly what: string;
  readonly sizes: readonly [number, number];
  readonly env: Readonly<Record<string, string>>;
  /**
   * A third variant run in the same rounds: plain engine resources under the same construct tree as eventform's
   * (`<engine>-plain-tree.ts`), so the report can tell the engine's cost of nested paths from eventform's own.
   */
  readonly treeReference?: boolean;
}

const WORKLOADS: readonly Workload[] = [
  {
    engine: 'aws',
    what: 'rules (SQS target, retry policy, shared DLQ)',
    sizes: [100, 300],
    env: { CDK_VALIDATION: 'false' },
  },
  {
    engine: 'gcp',
    what: 'subscriptions (dead-letter, IAM, alerts)',
    sizes: [250, 500],
    env: { CHECKPOINT_DISABLE: '1' },
    treeReference: true,
  },
  { engine: 'kafka', what: 'topics with ACLs (Pulumi mocks)', sizes: [100, 200], env: {} },
];

type Variant = 'plain' | 'eventform' | 'plain-tree';

/** Medians of one variant at one size. */
export interface VariantResult {
  readonly wallMs?: number;
  readonly cpuMs?: number;
  readonly maxRssMb?: number;
  readonly runs: number;
  readonly stacks?: number;
  readonly resources?: Record<string, number>;
  readonly addressDigest?: string;
  readonly error?: string;
}

/** Wall time, CPU time and peak memory of eventform against one baseline variant. */
export interface Ratios {
  readonly time?: number;
  readonly cpu?: number;
  readonly memory?: number;
}

/** eventform / a baseline: ratios of the medians, and medians of the per-round ratios (the two ran back to back). */
export interface Comparison extends Ratios {
  readonly paired: Ratios;
}

/** The measurements of one variant at one size, a sample per round. */
interface Samples {
  wallMs: number[];
  cpuMs: number[];
  rssKb: number[];
  last?: ScenarioReport;
  error?: string;
}

/** eventform's medians and samples against a baseline's. */
function compare(ef: VariantResult, efSamples: Samples, base: VariantResult, baseSamples: Samples): Comparison {
  return {
    time: ratio(ef.wallMs, base.wallMs),
    cpu: ratio(ef.cpuMs, base.cpuMs),
    memory: ratio(ef.maxRssMb, base.maxRssMb),
    paired: {
      time: pairedRatio(efSamples.wallMs, baseSamples.wallMs),
      cpu: pairedRatio(efSamples.cpuMs, baseSamples.cpuMs),
      memory: pairedRatio(efSamples.rssKb, baseSamples.rssKb),
    },
  };
}

/** One engine at one size: both variants and their ratios. */
export interface SynthRow {
  readonly engine: string;
  readonly what: string;
  readonly size: number;
  readonly plain: VariantResult;
  readonly eventform: VariantResult;
  readonly sameResources?: boolean;
  /** eventform / plain. */
  readonly vsPlain: Comparison;
  /** The plain engine under eventform's construct tree (same logical IDs), when the workload has one. */
  readonly plainTree?: VariantResult;
  /** eventform / plain-tree: what eventform's own code costs beyond the nesting. */
  readonly vsTree?: Comparison;
  /** Whether the plain-tree variant produced exactly eventform's resource addresses (logical IDs). */
  readonly treeSameAddresses?: boolean;
}

/** Growth of one engine from the small to the large size. */
export interface GrowthRow {
  readonly engine: string;
  readonly plainTime?: number;
  readonly eventformTime?: number;
  readonly plainCpu?: number;
  readonly eventformCpu?: number;
  readonly plainMemory?: number;
  readonly eventformMemory?: number;
}

/** Everything the synth section produced. */
export interface SynthSection {
  readonly reps: number;
  readonly env: string;
  readonly rows: SynthRow[];
  readonly growth: GrowthRow[];
}

function engineResources(resources: Record<string, number> | undefined): Record<string, number> | undefined {
  if (!resources) return undefined;
  return Object.fromEntries(
    Object.entries(resources)
      .filter(([type]) => !type.startsWith('component:'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function sameCounts(a: Record<string, number> | undefined, b: Record<string, number> | undefined): boolean | undefined {
  const left = engineResources(a);
  const right = engineResources(b);
  if (!left || !right) return undefined;
  return JSON.stringify(left) === JSON.stringify(right);
}

function total(resources: Record<string, number> | undefined): number | undefined {
  const counted = engineResources(resources);
  return counted ? Object.values(counted).reduce((sum, n) => sum + n, 0) : undefined;
}

/**
 * Runs every workload: for each size, `reps` rounds that each run the plain and the eventform variant in a fresh
 * child process (alternating which goes first), after one unmeasured warm-up round that fills the disk cache.
 */
export function runSynthSection(
  root: string,
  buildDir: string,
  reps: number,
  log: (line: string) => void,
  engines: readonly Engine[] = ENGINES,
): SynthSection {
  const rows: SynthRow[] = [];
  const growth: GrowthRow[] = [];
  for (const workload of WORKLOADS.filter((w) => engines.includes(w.engine))) {
    const scripts: Record<Variant, string | undefined> = {
      plain: join(buildDir, 'synth', `${workload.engine}-plain.js`),
      eventform: existsSync(join(root, 'bench', 'synth', `${workload.engine}-eventform.ts`))
        ? join(buildDir, 'synth', `${workload.engine}-eventform.js`)
        : undefined,
      'plain-tree': workload.treeReference ? join(buildDir, 'synth', `${workload.engine}-plain-tree.js`) : undefined,
    };
    const perSize: SynthRow[] = [];
    for (const size of workload.sizes) {
      const samples: Record<Variant, Samples> = {
        plain: { wallMs: [], cpuMs: [], rssKb: [] },
        eventform: scripts.eventform
          ? { wallMs: [], cpuMs: [], rssKb: [] }
          : { wallMs: [], cpuMs: [], rssKb: [], error: 'not built yet' },
        'plain-tree': { wallMs: [], cpuMs: [], rssKb: [] },
      };
      for (let round = -1; round < reps; round++) {
        // Every variant takes every position in turn, so a drifting machine favours none of them.
        const variants: Variant[] = scripts['plain-tree']
          ? ['eventform', 'plain', 'plain-tree']
          : ['eventform', 'plain'];
        const shift = (round + variants.length) % variants.length;
        const order = [...variants.slice(shift), ...variants.slice(0, shift)];
        for (const variant of order) {
          const script = scripts[variant];
          const sample = samples[variant];
          if (!script || sample.error) continue;
          try {
            const run = runChild<ScenarioReport>(process.execPath, [script, String(size)], {
              cwd: root,
              env: workload.env,
            });
            if (round >= 0) {
              sample.wallMs.push(run.wallMs);
              sample.cpuMs.push(run.report.cpuMs);
              sample.rssKb.push(run.report.maxRssKb);
            }
            sample.last = run.report;
          } catch (err) {
            sample.error = err instanceof Error ? err.message : String(err);
            log(`  ${workload.engine} ${variant} ${size}: FAILED\n${sample.error}`);
          }
        }
      }
      const result = (variant: Variant): VariantResult => {
        const sample = samples[variant];
        if (sample.error || sample.wallMs.length === 0) return { runs: 0, error: sample.error ?? 'no run' };
        return {
          wallMs: Math.round(median(sample.wallMs)),
          cpuMs: Math.round(median(sample.cpuMs)),
          maxRssMb: Math.round(median(sample.rssKb) / 1024),
          runs: sample.wallMs.length,
          stacks: sample.last?.stacks,
          resources: sample.last?.resources,
          addressDigest: sample.last?.addressDigest,
        };
      };
      const plain = result('plain');
      const eventform = result('eventform');
      const plainTree = scripts['plain-tree'] ? result('plain-tree') : undefined;
      const row: SynthRow = {
        engine: workload.engine,
        what: workload.what,
        size,
        plain,
        eventform,
        sameResources:
          plainTree && sameCounts(plainTree.resources, eventform.resources) === false
            ? false
            : sameCounts(plain.resources, eventform.resources),
        vsPlain: compare(eventform, samples.eventform, plain, samples.plain),
        ...(plainTree && {
          plainTree,
          vsTree: compare(eventform, samples.eventform, plainTree, samples['plain-tree']),
          treeSameAddresses:
            plainTree.addressDigest !== undefined && plainTree.addressDigest === eventform.addressDigest,
        }),
      };
      log(
        `  ${workload.engine} ${size}: plain ${cell(plain.wallMs)} ms / ${cell(plain.maxRssMb)} MB, ` +
          `eventform ${cell(eventform.wallMs)} ms / ${cell(eventform.maxRssMb)} MB`,
      );
      perSize.push(row);
      rows.push(row);
    }
    const [small, large] = perSize;
    growth.push({
      engine: workload.engine,
      plainTime: ratio(large.plain.wallMs, small.plain.wallMs),
      eventformTime: ratio(large.eventform.wallMs, small.eventform.wallMs),
      plainCpu: ratio(large.plain.cpuMs, small.plain.cpuMs),
      eventformCpu: ratio(large.eventform.cpuMs, small.eventform.cpuMs),
      plainMemory: ratio(large.plain.maxRssMb, small.plain.maxRssMb),
      eventformMemory: ratio(large.eventform.maxRssMb, small.eventform.maxRssMb),
    });
  }
  return { reps, env: 'CDK_VALIDATION=false for both variants', rows, growth };
}

function verdict(value: number | undefined, limit: number): string {
  if (value === undefined) return '-';
  return value <= limit ? `${value.toFixed(2)} ok` : `${value.toFixed(2)} MISS`;
}

/** `ratio (paired)` of one measure of a comparison. */
function pairCell(comparison: Comparison | undefined, measure: keyof Ratios): string {
  const value = comparison?.[measure];
  if (value === undefined) return '-';
  const paired = comparison?.paired[measure];
  return `${value.toFixed(2)} (${paired === undefined ? '-' : paired.toFixed(2)})`;
}

/** {@link pairCell} with a verdict that holds only when both ratios are within `limit`. */
function pairVerdict(comparison: Comparison, measure: keyof Ratios, limit: number): string {
  const value = comparison[measure];
  if (value === undefined) return '-';
  const paired = comparison.paired[measure];
  const within = value <= limit && (paired === undefined || paired <= limit);
  return `${pairCell(comparison, measure)} ${within ? 'ok' : 'MISS'}`;
}

/** The synth tables for stdout. */
export function renderSynthSection(section: SynthSection): string {
  const rows = section.rows.map((row) => [
    `${row.engine} ${row.size}`,
    `${cell(total(row.plain.resources))}/${cell(total(row.eventform.resources))}${row.sameResources === false ? ' DIFF' : ''}`,
    cell(row.plain.stacks),
    cell(row.plain.wallMs),
    cell(row.eventform.wallMs),
    pairVerdict(row.vsPlain, 'time', 1.1),
    cell(row.plain.cpuMs),
    cell(row.eventform.cpuMs),
    pairCell(row.vsPlain, 'cpu'),
    cell(row.plain.maxRssMb),
    cell(row.eventform.maxRssMb),
    pairVerdict(row.vsPlain, 'memory', 1.1),
  ]);
  const growth = section.growth.map((row) => [
    row.engine,
    cell(row.plainTime, 2),
    verdict(row.eventformTime, 2.2),
    cell(row.plainCpu, 2),
    verdict(row.eventformCpu, 2.2),
    cell(row.plainMemory, 2),
    cell(row.eventformMemory, 2),
  ]);
  const treeRows = section.rows
    .filter((row) => row.plainTree)
    .map((row) => [
      `${row.engine} ${row.size}`,
      row.treeSameAddresses ? 'yes' : 'DIFF',
      cell(row.plainTree?.wallMs),
      cell(row.plainTree?.cpuMs),
      cell(row.plainTree?.maxRssMb),
      cell(ratio(row.plainTree?.cpuMs, row.plain.cpuMs), 2),
      cell(ratio(row.plainTree?.maxRssMb, row.plain.maxRssMb), 2),
      pairCell(row.vsTree, 'time'),
      pairCell(row.vsTree, 'cpu'),
      pairCell(row.vsTree, 'memory'),
    ]);
  const tree =
    treeRows.length === 0
      ? []
      : [
          '',
          "Reference: the plain engine under eventform's construct tree (same logical IDs: checked by digest each run);",
          "tree/plain is what the engine charges for nested paths, ef/tree what eventform's own code adds",
          renderTable(
            [
              'workload',
              'same IDs',
              'tree ms',
              'tree cpu',
              'tree MB',
              'cpu tree/plain',
              'mem tree/plain',
              'time ef/tree (paired)',
              'cpu ef/tree (paired)',
              'mem ef/tree (paired)',
            ],
            treeRows,
          ),
        ];
  return [
    `Synth cost: median of ${section.reps} fresh processes per variant (${section.env}); ratios of the medians,`,
    'in brackets the median of the per-round ratios (the variants ran back to back, rotating order); a target holds',
    'only when both are within it',
    renderTable(
      [
        'workload',
        'resources plain/ef',
        'stacks',
        'plain ms',
        'ef ms',
        'time ef/plain (paired)',
        'plain cpu',
        'ef cpu',
        'cpu ef/plain (paired)',
        'plain MB',
        'ef MB',
        'mem ef/plain (paired)',
      ],
      rows,
    ),
    ...tree,
    '',
    'Growth large/small size (target <= 2.2x)',
    renderTable(['engine', 'plain time', 'ef time', 'plain cpu', 'ef cpu', 'plain mem', 'ef mem'], growth),
  ].join('\n');
}
