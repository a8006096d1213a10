import { execFileSync } from 'child_process';
import * as path from 'path';

// Loading one entry point must not load another engine: an application that only uses eventform/aws installs
// aws-cdk-lib and constructs, never cdktf or Pulumi. Each entry point is loaded in a fresh process and the
// modules it pulled in are read from require.cache.
const root = path.resolve(__dirname, '../..');

function loadedPackages(entry: string): { packages: string[]; files: string[] } {
  const script = `
    require(${JSON.stringify(entry)});
    const files = Object.keys(require.cache).filter((f) => f.includes('/node_modules/'));
    const packages = new Set(files.map((f) => {
      const rest = f.split('/node_modules/').pop().split('/');
      return rest[0].startsWith('@') ? rest[0] + '/' + rest[1] : rest[0];
    }));
    process.stdout.write(JSON.stringify({ packages: [...packages].sort(), files }));`;
  const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out);
}

const engines = ['aws-cdk-lib', 'constructs', 'cdktf', '@cdktf/provider-google', '@pulumi/pulumi', '@pulumi/kafka'];

describe.each([
  ['eventform (core)', './lib', [] as string[]],
  ['eventform/aws', './constructs/aws', ['aws-cdk-lib', 'constructs']],
  ['eventform/gcp', './constructs/gcp', ['cdktf', 'constructs', '@cdktf/provider-google']],
  ['eventform/kafka', './constructs/kafka', ['@pulumi/pulumi', '@pulumi/kafka']],
])('%s', (_name, entry, own) => {
  let loaded: { packages: string[]; files: string[] };
  beforeAll(() => {
    loaded = loadedPackages(entry);
  });

  it('loads no other engine', () => {
    const foreign = engines.filter((e) => !own.includes(e));
    expect(loaded.packages.filter((p) => foreign.includes(p))).toEqual([]);
  });

  if (own.length > 0) {
    it('loads its own engine', () => {
      expect(loaded.packages).toEqual(expect.arrayContaining(own));
    });
  }

  if (entry.endsWith('gcp')) {
    it('never loads the @cdktf/provider-google barrel', () => {
      expect(loaded.files.filter((f) => /@cdktf\/provider-google\/lib\/index\.js$/.test(f))).toEqual([]);
    });
  }
});
