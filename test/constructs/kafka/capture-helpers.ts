import { capturePulumiProgram, type CapturedResource, type CaptureOptions } from '../../../scripts/pulumi-capture';

/** Captures what `build` registers and returns a lookup by type and name. */
export async function capture(build: () => unknown, options: CaptureOptions = {}) {
  const result = await capturePulumiProgram(build, options);
  const find = (type: string, name: string): CapturedResource => {
    const found = result.resources.find((r) => r.type === type && r.name === name);
    if (!found) {
      throw new Error(
        `no ${type} named ${name}; have ${result.resources.map((r) => `${r.type}::${r.name}`).join(', ')}`,
      );
    }
    return found;
  };
  const ofType = (type: string) => result.resources.filter((r) => r.type === type);
  return { ...result, find, ofType };
}

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): Error & { code?: string; issues?: { code: string; message: string }[] } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected an error');
}

/**
 * Replaces Pulumi's closure serializer (it loads the TypeScript compiler: seconds per test file) with a stub for
 * mock tests that do not look at the dynamic providers' code. `dynamic-provider-serialization.test.ts` runs the real
 * one. Call before the first dynamic resource is created.
 */
export function stubDynamicProviderSerialization(): void {
  jest.doMock('@pulumi/pulumi/runtime/closure/serializeClosure', () => ({
    serializeFunction: async () => ({ text: 'exports.handler = undefined;', containsSecrets: false }),
  }));
}
