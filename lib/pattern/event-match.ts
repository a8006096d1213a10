import { EventformError } from '../errors';
import { validateEventPattern } from './compiled-pattern';
import type { PatternIssue } from './issues';
import type {
  AnythingButOperand,
  EventPatternJson,
  NumericOperator,
  PatternMatchValue,
  PatternScalar,
} from './pattern-json';

/** Options of {@link EventMatch.prefix} and {@link EventMatch.suffix}. */
export interface AffixMatchOptions {
  /**
   * Compare ignoring case (EventBridge's `equals-ignore-case` inside `prefix` or `suffix`).
   * @default false
   */
  readonly ignoreCase?: boolean;
}

/** Options of {@link EventMatch.between}. */
export interface BetweenOptions {
  /**
   * Whether the lower bound itself matches (`>=` rather than `>`).
   * @default true
   */
  readonly lowInclusive?: boolean;
  /**
   * Whether the upper bound itself matches (`<=` rather than `<`).
   * @default true
   */
  readonly highInclusive?: boolean;
}

function check(method: string, values: readonly PatternMatchValue[]): void {
  const issues = validateEventPattern({ value: values });
  if (issues.length === 0) return;
  const rewritten: PatternIssue[] = issues.map((i) => ({
    ...i,
    path: `EventMatch.${method}`,
  }));
  throw new EventformError(rewritten);
}

/**
 * The values one event field may take, built with a checked factory per EventBridge operator. Every factory
 * validates its arguments where it is called and throws an `EventformError` with the validator's code
 * (`PATTERN_WILDCARD_CONSECUTIVE`, `PATTERN_CIDR_INVALID`, ...). Put instances in a spec for
 * {@link buildEventPattern}; combine several on one field with {@link EventMatch.anyOf}.
 *
 * ```ts
 * buildEventPattern({
 *   source: ['order-service'],
 *   detail: { amount: EventMatch.numeric('>', 1000), customerId: EventMatch.prefix('VIP-') },
 * });
 * ```
 */
export class EventMatch {
  /** The value list this match stands for, as EventBridge writes it (`[{"prefix": "VIP-"}]`). */
  readonly values: readonly PatternMatchValue[];

  private constructor(method: string, values: readonly PatternMatchValue[]) {
    check(method, values);
    this.values = values;
  }

  /** Any of these exact values: strings compare exactly, numbers as numbers (`300` matches `3.0e2`). */
  static exactly(...values: PatternScalar[]): EventMatch {
    return new EventMatch('exactly', values);
  }

  /** The JSON value `null`. */
  static nullValue(): EventMatch {
    return new EventMatch('nullValue', [null]);
  }

  /** The empty string `""`. */
  static emptyString(): EventMatch {
    return new EventMatch('emptyString', ['']);
  }

  /** Strings starting with `prefix` (only strings match). */
  static prefix(prefix: string, options: AffixMatchOptions = {}): EventMatch {
    return new EventMatch('prefix', [{ prefix: options.ignoreCase ? { 'equals-ignore-case': prefix } : prefix }]);
  }

  /** Strings ending with `suffix` (only strings match). */
  static suffix(suffix: string, options: AffixMatchOptions = {}): EventMatch {
    return new EventMatch('suffix', [{ suffix: options.ignoreCase ? { 'equals-ignore-case': suffix } : suffix }]);
  }

  /** Strings equal to `value` ignoring case (Unicode case mappings: `"Straße"` matches `"STRASSE"`). */
  static equalsIgnoreCase(value: string): EventMatch {
    return new EventMatch('equalsIgnoreCase', [{ 'equals-ignore-case': value }]);
  }

  /**
   * Strings matching a wildcard: `*` stands for any run of characters; write `\\*` for a literal `*` and `\\\\`
   * for a literal backslash. `**` is not allowed.
   */
  static wildcard(pattern: string): EventMatch {
    return new EventMatch('wildcard', [{ wildcard: pattern }]);
  }

  /**
   * Any value except these: all strings or all numbers (numbers compare as numbers). The field must be present;
   * values of another type (a number when strings are excluded) match.
   */
  static anythingBut(...values: string[]): EventMatch;
  /** Any value except these numbers. */
  static anythingBut(...values: number[]): EventMatch;
  static anythingBut(...values: Array<string | number>): EventMatch {
    const operand = (values.length === 1 ? values[0] : values) as AnythingButOperand;
    return new EventMatch('anythingBut', [{ 'anything-but': operand }]);
  }

  /** Any value except strings starting with one of these prefixes (none may be empty). */
  static anythingButPrefix(...prefixes: string[]): EventMatch {
    return new EventMatch('anythingButPrefix', [{ 'anything-but': { prefix: EventMatch.one(prefixes) } }]);
  }

  /** Any value except strings ending with one of these suffixes (none may be empty). */
  static anythingButSuffix(...suffixes: string[]): EventMatch {
    return new EventMatch('anythingButSuffix', [{ 'anything-but': { suffix: EventMatch.one(suffixes) } }]);
  }

  /** Any value except strings matching one of these wildcards. */
  static anythingButWildcard(...patterns: string[]): EventMatch {
    return new EventMatch('anythingButWildcard', [{ 'anything-but': { wildcard: EventMatch.one(patterns) } }]);
  }

  /** Any value except strings equal to one of these, ignoring case. */
  static anythingButEqualsIgnoreCase(...values: string[]): EventMatch {
    return new EventMatch('anythingButEqualsIgnoreCase', [
      { 'anything-but': { 'equals-ignore-case': EventMatch.one(values) } },
    ]);
  }

  /** Numbers compared with one operator: `EventMatch.numeric('>', 1000)`. Only JSON numbers match. */
  static numeric(operator: NumericOperator, value: number): EventMatch;
  /** Numbers in a range: `EventMatch.numeric('>', 0, '<=', 5)`. */
  static numeric(lowOperator: '>' | '>=', low: number, highOperator: '<' | '<=', high: number): EventMatch;
  static numeric(...terms: Array<NumericOperator | number>): EventMatch {
    return new EventMatch('numeric', [{ numeric: terms }]);
  }

  /** Numbers between `low` and `high`, both included unless the options say otherwise. */
  static between(low: number, high: number, options: BetweenOptions = {}): EventMatch {
    const lowOp = options.lowInclusive === false ? '>' : '>=';
    const highOp = options.highInclusive === false ? '<' : '<=';
    return new EventMatch('between', [{ numeric: [lowOp, low, highOp, high] }]);
  }

  /**
   * Whether the field is present (`true`) or absent (`false`). Only leaf values count: a field holding an object
   * or an empty array is absent.
   * @param present `false` to require that the field is absent
   */
  static exists(present = true): EventMatch {
    return new EventMatch('exists', [{ exists: present }]);
  }

  /** IP address strings inside a CIDR block, IPv4 (`10.0.0.0/24`) or IPv6 (`2001:db8::/32`). */
  static cidr(block: string): EventMatch {
    return new EventMatch('cidr', [{ cidr: block }]);
  }

  /** Any of several matches on one field: `EventMatch.anyOf(EventMatch.prefix('a'), EventMatch.exists(false))`. */
  static anyOf(...matches: EventMatch[]): EventMatch {
    return new EventMatch(
      'anyOf',
      matches.flatMap((m) => m.values),
    );
  }

  /**
   * Alternatives (`$or`): the event matches if it matches any of them. Needs at least two.
   * ```ts
   * detail: EventMatch.or({ amount: EventMatch.numeric('>', 1000) }, { customerId: EventMatch.prefix('VIP-') })
   * ```
   */
  static or(...alternatives: EventPatternSpec[]): EventMatchAlternatives {
    return new EventMatchAlternatives(alternatives);
  }

  private static one<T>(values: T[]): T | T[] {
    return values.length === 1 ? values[0] : values;
  }

  /** The value list, so that `JSON.stringify` writes what EventBridge expects. */
  toJSON(): readonly PatternMatchValue[] {
    return this.values;
  }
}

/** Alternatives of an `$or`, made by {@link EventMatch.or}. */
export class EventMatchAlternatives {
  /** @internal use {@link EventMatch.or} */
  constructor(readonly alternatives: readonly EventPatternSpec[]) {
    if (alternatives.length < 2) {
      throw new EventformError({
        code: 'PATTERN_OR_TOO_FEW',
        path: 'EventMatch.or',
        message: `EventMatch.or needs at least two alternatives; got ${alternatives.length}.`,
      });
    }
  }
}

/** What a field may hold in a spec for {@link buildEventPattern}. */
export type EventPatternSpecValue =
  | PatternScalar
  | EventMatch
  | EventMatchAlternatives
  | readonly (PatternScalar | EventMatch)[]
  | EventPatternSpec
  | readonly EventPatternSpec[];

/**
 * A pattern written for {@link buildEventPattern}: plain values (`source: 'order-service'`), lists of values and
 * {@link EventMatch}es, nested objects, {@link EventMatch.or} alternatives, or `$or` with a list of specs.
 */
export interface EventPatternSpec {
  readonly [field: string]: EventPatternSpecValue;
}

function isScalar(v: unknown): v is PatternScalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function toJson(spec: EventPatternSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (value === undefined) continue;
    if (key === '$or' && Array.isArray(value)) {
      out[key] = (value as EventPatternSpec[]).map(toJson);
    } else if (value instanceof EventMatchAlternatives) {
      out[key] = { $or: value.alternatives.map(toJson) };
    } else if (value instanceof EventMatch) {
      out[key] = [...value.values];
    } else if (isScalar(value)) {
      out[key] = [value];
    } else if (Array.isArray(value)) {
      out[key] = (value as Array<PatternScalar | EventMatch>).flatMap((v) =>
        v instanceof EventMatch ? v.values : [v],
      );
    } else {
      out[key] = toJson(value as EventPatternSpec);
    }
  }
  return out;
}

/**
 * Turns a spec of plain values, {@link EventMatch}es and nested objects into plain event-pattern JSON, and checks
 * it as EventBridge would.
 *
 * ```ts
 * const pattern = buildEventPattern({
 *   source: 'order-service',
 *   'detail-type': 'OrderPlaced',
 *   detail: EventMatch.or({ amount: EventMatch.numeric('>', 1000) }, { customerId: EventMatch.prefix('VIP-') }),
 * });
 * // {"source":["order-service"],"detail-type":["OrderPlaced"],"detail":{"$or":[...]}}
 * ```
 * @throws EventformError with every issue found, when EventBridge would reject the pattern
 */
export function buildEventPattern(spec: EventPatternSpec | EventMatchAlternatives): EventPatternJson {
  const json = spec instanceof EventMatchAlternatives ? { $or: spec.alternatives.map(toJson) } : toJson(spec);
  const issues = validateEventPattern(json);
  if (issues.length > 0) throw new EventformError(issues, 'eventPattern');
  return json as EventPatternJson;
}
