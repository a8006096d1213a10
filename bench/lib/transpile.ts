import { mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import * as ts from 'typescript';

/**
 * Transpiles the benchmark's own TypeScript (not the library: that is measured from its built `dist/`) to CommonJS
 * under `outDir`, keeping the folder layout so relative imports still resolve. Scenario children then run on plain
 * `node`, so neither variant pays for an on-the-fly TypeScript loader.
 */
export function transpileBench(benchDir: string, outDir: string, folders: readonly string[]): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const folder of folders) {
    for (const file of readdirSync(join(benchDir, folder))) {
      if (!file.endsWith('.ts')) continue;
      const source = join(benchDir, folder, file);
      const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
        fileName: source,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      const target = join(outDir, relative(benchDir, source)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
}
