import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The packages eventform itself depends on at run time, and theirs, read from node_modules. */
export function runtimeDependencyClosure(root: string): Set<string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const seen = new Set<string>();
  const pending = Object.keys(pkg.dependencies ?? {});
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    try {
      const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      pending.push(...Object.keys(manifest.dependencies ?? {}));
    } catch {
      // An optional dependency that is not installed loads nothing.
    }
  }
  return seen;
}

/** The npm package a file under node_modules belongs to (`@scope/name` or `name`), or undefined. */
export function packageOf(file: string): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = file.slice(at + marker.length).split(sep);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * The engine files among those `eventform/<engine>` loaded: everything from node_modules except eventform's own
 * runtime dependencies (and eventform's own dist/). Requiring exactly these files, in this order, is the plain
 * engine's share of the import cost (aws-cdk-lib and @pulumi/kafka load lazily, so naming the package entry points
 * alone would load far less than eventform's classes make them load).
 */
export function engineFiles(loaded: readonly string[], runtimeDependencies: ReadonlySet<string>): string[] {
  return loaded.filter((file) => {
    const pkg = packageOf(file);
    return pkg !== undefined && !runtimeDependencies.has(pkg);
  });
}
