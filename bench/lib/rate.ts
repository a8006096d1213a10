/**
 * Operations per second, measured the same way as the Java harness (bench/event-ruler): warm up for `warmupMs`, then
 * the median of `runs` timed runs of about `runMs` each, calling `operation` in batches of 64.
 */
export function ratePerSecond(operation: () => unknown, warmupMs = 1000, runMs = 500, runs = 5): number {
  let sink = 0;
  const timedRun = (durationMs: number): number => {
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(durationMs) * 1_000_000n;
    let count = 0;
    let now: bigint;
    do {
      for (let i = 0; i < 64; i++) if (operation()) sink++;
      count += 64;
      now = process.hrtime.bigint();
    } while (now < deadline);
    return count / (Number(now - started) / 1e9);
  };
  timedRun(warmupMs);
  const results = Array.from({ length: runs }, () => timedRun(runMs)).sort((a, b) => a - b);
  // Reading `sink` keeps V8 from treating the measured calls as dead code.
  if (sink < 0) process.stdout.write('');
  return Math.round(results[Math.floor(runs / 2)]);
}
