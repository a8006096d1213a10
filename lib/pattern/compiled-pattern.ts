import { analyzePattern, compileOrThrow } from './analyze';
import type { SubRule } from './compiler';
import type { PatternIssue } from './issues';
import { EventFields, RuleBranches, type EventMatchExplanation } from './rule-evaluator';

export type { EventMatchExplanation } from './rule-evaluator';

/**
 * An event pattern compiled once for matching many events, with Amazon EventBridge's semantics (aws/event-ruler):
 * every field of the pattern must match (a field matches when any of the event's values there matches any of the
 * pattern's values), `$or` alternatives are tried in turn, and fields inside arrays of objects must all be matched
 * within the same array element. Create it with {@link compileEventPattern}.
 *
 * Events given as JSON text are scanned once, reading only the members the pattern uses and keeping number text
 * (`3.0e2` equals `300`); events given as objects are read by direct property access.
 */
export class CompiledEventPattern {
  /** The pattern as compact JSON text (numbers as written). */
  readonly patternText: string;
  /** Dot-joined names of the fields the pattern looks at, sorted. */
  readonly fieldNames: readonly string[];
  private readonly fields: EventFields;
  private readonly rule: RuleBranches;

  /** @internal use {@link compileEventPattern} */
  constructor(patternText: string, subRules: readonly SubRule[]) {
    this.patternText = patternText;
    const names = [...new Set(subRules.flatMap((r) => r.names))].sort();
    this.fieldNames = names;
    this.fields = new EventFields(names);
    this.rule = new RuleBranches(subRules, new Map(names.map((n, i) => [n, i])));
  }

  /**
   * Whether EventBridge would deliver this event to a rule with this pattern.
   * @param event the event as JSON text (numbers keep their form) or as an object
   * @throws EventformError `PATTERN_EVENT_INVALID` when the event is not a JSON object
   */
  matches(event: string | object): boolean {
    this.fields.read(event);
    return this.rule.matches(this.fields);
  }

  /** Like {@link matches}, and says why: which fields failed and what the event holds there. */
  explain(event: string | object): EventMatchExplanation {
    this.fields.read(event);
    return this.rule.explain(this.fields);
  }
}

/**
 * Lists every reason Amazon EventBridge would reject an event pattern; `[]` when it would accept it.
 *
 * Checks the whole grammar of aws/event-ruler: the pattern is a JSON object of at most 2,048 characters, fields
 * hold objects or non-empty arrays, values are strings, numbers, booleans, null or one-operator objects
 * (`prefix`, `suffix`, `equals-ignore-case`, `wildcard`, `anything-but`, `numeric`, `exists`, `cidr`), operands
 * have the right types, numeric ranges are ordered, `$or` has at least two object alternatives.
 *
 * @param pattern JSON text (numbers keep their form) or a JavaScript object
 */
export function validateEventPattern(pattern: string | object): PatternIssue[] {
  return analyzePattern(pattern).issues;
}

/**
 * Compiles an event pattern once, for matching many events with {@link CompiledEventPattern.matches}.
 * @param pattern JSON text (numbers keep their form) or a JavaScript object
 * @throws EventformError with every issue {@link validateEventPattern} finds, when EventBridge would reject it
 */
export function compileEventPattern(pattern: string | object): CompiledEventPattern {
  const { text, subRules } = compileOrThrow(pattern);
  return new CompiledEventPattern(text, subRules);
}

/**
 * Whether Amazon EventBridge would deliver `event` to a rule with `pattern`. To match many events against one
 * pattern, compile it once with {@link compileEventPattern}.
 *
 * ```ts
 * matchEvent({ source: ['order-service'], detail: { amount: [{ numeric: ['>', 1000] }] } },
 *   '{"source": "order-service", "detail": {"amount": 1.5e3}}'); // true
 * ```
 * @param pattern JSON text (numbers keep their form) or a JavaScript object
 * @param event JSON text (numbers keep their form) or a JavaScript object
 * @throws EventformError when the pattern is invalid (with every issue), or the event is not a JSON object
 */
export function matchEvent(pattern: string | object, event: string | object): boolean {
  return compileEventPattern(pattern).matches(event);
}
