import * as pulumi from '@pulumi/pulumi';
import { countType, type ScenarioOutput } from '../lib/scenario';

/**
 * Installs Pulumi's mock runtime (the way users test programs without the CLI) and counts every resource the program
 * registers. Custom resources are counted by type; component resources are counted under `component:<type>`.
 */
export async function installMocks(): Promise<{
  resources: Record<string, number>;
  settle: (created: readonly pulumi.Resource[]) => Promise<ScenarioOutput>;
}> {
  const resources: Record<string, number> = {};
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        countType(resources, args.custom === false ? `component:${args.type}` : args.type);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    'eventform-bench',
    'bench',
    false,
  );
  return {
    resources,
    settle: async (created) => {
      await new Promise<void>((resolve) => {
        pulumi.all(created.map((resource) => resource.urn)).apply(() => resolve());
      });
      return { stacks: 1, resources };
    },
  };
}
