import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Whether dist/ is at least as new as every TypeScript source under `sourceDirs` (so `npm run build` can be skipped).
 * Compares against the oldest of the entry points the benchmark loads.
 */
export function distIsFresh(root: string, sourceDirs: readonly string[], entryPoints: readonly string[]): boolean {
  const built = entryPoints.map((entry) => join(root, entry));
  if (!built.every((file) => existsSync(file))) return false;
  const oldestBuild = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return sourceDirs.every((dir) => !existsSync(join(root, dir)) || newestMtime(join(root, dir)) <= oldestBuild);
}
