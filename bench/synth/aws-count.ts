import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { countType, type ScenarioOutput } from '../lib/scenario';

/** Counts the resources of every CloudFormation template in a synthesized cloud assembly, by type. */
export function countAssembly(assembly: CloudAssembly): ScenarioOutput {
  const resources: Record<string, number> = {};
  for (const stack of assembly.stacks) {
    const template = stack.template as { Resources?: Record<string, { Type: string }> };
    for (const resource of Object.values(template.Resources ?? {})) countType(resources, resource.Type);
  }
  return { stacks: assembly.stacks.length, resources };
}
