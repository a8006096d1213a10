/**
 * Assertions over synthesized Terraform JSON that read like aws-cdk's `Template`: synthesize a cdktf stack with
 * validations on, parse it, and ask for resources by type and (deep, partial) properties.
 */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';

const MATCHER = Symbol('matcher');
type Matcher = { [MATCHER]: (actual: unknown) => boolean; describe: string };

/** Matchers for {@link TfTemplate.hasResourceProperties}. Plain objects match partially, arrays exactly. */
export const Match = {
  /** The key must be missing (or undefined). */
  absent: (): Matcher => ({ [MATCHER]: (a) => a === undefined, describe: 'absent' }),
  /** Any defined value. */
  anyValue: (): Matcher => ({ [MATCHER]: (a) => a !== undefined, describe: 'anyValue' }),
  /** A string matching the pattern. */
  stringLikeRegexp: (re: RegExp): Matcher => ({
    [MATCHER]: (a) => typeof a === 'string' && re.test(a),
    describe: `string like ${re}`,
  }),
  /** An array containing elements matching each pattern (in any position). */
  arrayWith: (items: unknown[]): Matcher => ({
    [MATCHER]: (a) => Array.isArray(a) && items.every((p) => a.some((x) => matches(p, x))),
    describe: `arrayWith ${JSON.stringify(items)}`,
  }),
  /** A value deep-equal to the pattern (objects must not have extra keys). */
  exact: (value: unknown): Matcher => ({
    [MATCHER]: (a) => JSON.stringify(a) === JSON.stringify(value),
    describe: `exactly ${JSON.stringify(value)}`,
  }),
};

function isMatcher(p: unknown): p is Matcher {
  return typeof p === 'object' && p !== null && MATCHER in p;
}

/** Whether `actual` matches `pattern` (objects partially, arrays element-wise with equal length). */
export function matches(pattern: unknown, actual: unknown): boolean {
  if (isMatcher(pattern)) return pattern[MATCHER](actual);
  if (Array.isArray(pattern)) {
    return Array.isArray(actual) && actual.length === pattern.length && pattern.every((p, i) => matches(p, actual[i]));
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    return Object.entries(pattern).every(([k, p]) => matches(p, (actual as Record<string, unknown>)[k]));
  }
  return pattern === actual;
}

type Json = Record<string, any>;

/** A synthesized cdktf stack. */
export class TfTemplate {
  /** Synthesizes `stack` with validations on (`Testing.synth(stack, true)`). */
  static fromStack(stack: TerraformStack): TfTemplate {
    return new TfTemplate(JSON.parse(Testing.synth(stack, true)));
  }

  constructor(readonly json: Json) {}

  /** Every resource of a type, by logical ID. */
  resources(type: string): Record<string, Json> {
    return (this.json.resource?.[type] ?? {}) as Record<string, Json>;
  }

  /** Resources of `type` whose properties match `props`. */
  findResources(type: string, props: unknown = {}): Json[] {
    return Object.values(this.resources(type)).filter((r) => matches(props, r));
  }

  /** The logical ID of the one resource of `type` matching `props`. */
  logicalId(type: string, props: unknown = {}): string {
    const ids = Object.entries(this.resources(type))
      .filter(([, r]) => matches(props, r))
      .map(([id]) => id);
    if (ids.length !== 1) throw new TypeError(`expected one ${type} matching, found ${ids.length}`);
    return ids[0];
  }

  /** Terraform reference to an attribute of the one resource of `type` matching `props`. */
  ref(type: string, props: unknown, attribute = 'id'): string {
    return `\${${type}.${this.logicalId(type, props)}.${attribute}}`;
  }

  /** Asserts the number of resources of `type`. */
  resourceCountIs(type: string, count: number): void {
    expect({ type, count: Object.keys(this.resources(type)).length }).toEqual({ type, count });
  }

  /** Asserts that some resource of `type` matches `props`. */
  hasResourceProperties(type: string, props: unknown): void {
    const found = this.findResources(type, props);
    if (found.length === 0) {
      throw new TypeError(
        `no ${type} matches ${describe(props)}; candidates:\n${JSON.stringify(Object.values(this.resources(type)), null, 1).slice(0, 4000)}`,
      );
    }
  }

  /** Asserts that no resource of `type` matches `props`. */
  hasNoResource(type: string, props: unknown = {}): void {
    expect(this.findResources(type, props)).toHaveLength(0);
  }

  /** The data sources of a type. */
  dataSources(type: string): Record<string, Json> {
    return (this.json.data?.[type] ?? {}) as Record<string, Json>;
  }
}

function describe(p: unknown): string {
  return JSON.stringify(p, (_k, v) => (isMatcher(v) ? `<${v.describe}>` : v));
}

/** A stack in a fresh test app with a Google provider (validations need one). */
export function gcpTestStack(id = 'test'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new GoogleProvider(stack, 'google', { project: 'test-project' });
  return stack;
}
