import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/**
 * The engine modules (bare specifiers outside eventform) that the built files under `distDir` require: the plain
 * counterpart of requiring that eventform entry point. Node built-ins and eventform's runtime dependencies are
 * left out so that only the engine cost is compared.
 */
export function engineModulesRequiredBy(distDir: string, ignore: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.js')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
          const specifier = match[1];
          if (
            specifier.startsWith('node:') ||
            builtinModules.includes(specifier) ||
            ignore.some((prefix) => specifier === prefix || specifier.startsWith(`${prefix}/`))
          )
            continue;
          found.add(specifier);
        }
      }
    }
  };
  walk(distDir);
  return [...found].sort();
}
