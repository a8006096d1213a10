/**
 * The child-process side of the synth and import benchmarks: one scenario per process, so module loading, JIT and
 * heap growth are measured from a cold start each time, exactly as `cdk synth`, `cdktf synth` or `pulumi up` start.
 */

/** What one scenario reports about the infrastructure it built. */
export interface ScenarioOutput {
  /** Number of stacks (or programs) the resources were spread over. */
  readonly stacks: number;
  /** Resource count by engine resource type, e.g. `AWS::Events::Rule` or `google_pubsub_subscription`. */
  readonly resources: Record<string, number>;
  /** SHA-256 of the sorted resource addresses (`type.logicalId`), where the workload compares logical IDs. */
  readonly addressDigest?: string;
}

/** One line of JSON a scenario child prints on stdout as its last line. */
export interface ScenarioReport extends ScenarioOutput {
  /** Milliseconds from process start (before any engine module is loaded) to the end of synthesis. */
  readonly inProcessMs: number;
  /** User plus system CPU time of the child process, in milliseconds (less sensitive to a busy machine). */
  readonly cpuMs: number;
  /** Peak resident set size of the child process, in kilobytes. */
  readonly maxRssKb: number;
}

/** Adds one resource of `type` to a count table. */
export function countType(table: Record<string, number>, type: string, by = 1): void {
  table[type] = (table[type] ?? 0) + by;
}

/** Reads the positive integer size argument (`argv[2]`) that the runner passes to a scenario. */
export function sizeArgument(): number {
  const size = Number(process.argv[2]);
  if (!Number.isInteger(size) || size <= 0) {
    process.stderr.write(`usage: node <scenario.js> <size>; got ${JSON.stringify(process.argv[2])}\n`);
    process.exit(2);
  }
  return size;
}

/**
 * Runs `build` once, then prints the scenario report as one JSON line. Timing starts at process start
 * (`process.uptime()`), so it includes loading the engine modules, which is part of what users wait for.
 */
export function runScenario(build: (size: number) => ScenarioOutput | Promise<ScenarioOutput>): void {
  const size = sizeArgument();
  Promise.resolve()
    .then(() => build(size))
    .then((output) => {
      const usage = process.resourceUsage();
      const report: ScenarioReport = {
        ...output,
        inProcessMs: Math.round(process.uptime() * 1000),
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
        maxRssKb: usage.maxRSS,
      };
      process.stdout.write(`${JSON.stringify(report)}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
