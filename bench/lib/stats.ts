/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `a / b` rounded to two decimals, or `undefined` when either side is missing. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return Math.round((a / b) * 100) / 100;
}

/**
 * Median of the per-round ratios `a[i] / b[i]` (both variants ran back to back in round i), rounded to two decimals:
 * steadier than the ratio of medians when the machine's speed drifts during a run. `undefined` unless both lists
 * have the same, non-zero length.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number | undefined {
  if (a.length === 0 || a.length !== b.length || b.some((x) => x === 0)) return undefined;
  return Math.round(median(a.map((x, i) => x / b[i])) * 100) / 100;
}
