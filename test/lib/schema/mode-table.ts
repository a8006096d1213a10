import { checkCompatibility, COMPATIBILITY_MODES, type CompatibilityMode, type SchemaFormat } from '../../../lib';

/** [rule, old schema, new schema, BACKWARD compatible (new reads old), FORWARD compatible (old reads new)]. */
export type CompatibilityRule<S> = [string, S, S, boolean, boolean];

/** What each mode must answer for one previous version: FULL is both directions, NONE always passes. */
export function expectedByMode(backward: boolean, forward: boolean): Record<CompatibilityMode, boolean> {
  return {
    NONE: true,
    BACKWARD: backward,
    BACKWARD_TRANSITIVE: backward,
    FORWARD: forward,
    FORWARD_TRANSITIVE: forward,
    FULL: backward && forward,
    FULL_TRANSITIVE: backward && forward,
  };
}

/** One test per rule and mode: the verdict, and messages exactly when incompatible. */
export function describeRules<S extends string | object>(
  title: string,
  format: SchemaFormat,
  rules: CompatibilityRule<S>[],
): void {
  describe(title, () => {
    describe.each(rules)('%s', (_rule, oldSchema, newSchema, backward, forward) => {
      const expected = expectedByMode(backward, forward);
      it.each(COMPATIBILITY_MODES)('%s', (mode) => {
        const result = checkCompatibility({ format, mode, previous: [oldSchema], candidate: newSchema });
        expect(result.compatible).toBe(expected[mode]);
        expect(result.messages.length === 0).toBe(expected[mode]);
      });
    });
  });
}
