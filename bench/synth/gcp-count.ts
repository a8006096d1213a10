import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countType, type ScenarioOutput } from '../lib/scenario';

/**
 * Counts the resources of every stack that cdktf wrote under `outdir` (`stacks/<name>/cdk.tf.json`), by type, and
 * digests their addresses (`stack/type.logicalId`, sorted) so variants can be checked for identical logical IDs.
 */
export function countTerraformOutput(outdir: string): ScenarioOutput {
  const resources: Record<string, number> = {};
  const addresses: string[] = [];
  const stacks = readdirSync(join(outdir, 'stacks'));
  for (const stack of stacks) {
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as {
      resource?: Record<string, Record<string, unknown>>;
    };
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      countType(resources, type, Object.keys(byName).length);
      for (const name of Object.keys(byName)) addresses.push(`${stack}/${type}.${name}`);
    }
  }
  const addressDigest = createHash('sha256').update(addresses.sort().join('\n')).digest('hex');
  return { stacks: stacks.length, resources, addressDigest };
}
