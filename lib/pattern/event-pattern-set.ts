import { EventformError, isEventformError, type EventformIssue } from '../errors';
import { compileOrThrow } from './analyze';
import { LeafKind } from './field-test';
import { EventFields, RuleBranches } from './rule-evaluator';

/**
 * Many named rules compiled together, like the rules of one event bus: {@link EventPatternSet.matchingRules}
 * reads an event once (one scan of JSON text, however many rules) and returns the names of the rules whose
 * patterns match it, with the same semantics as {@link CompiledEventPattern.matches}.
 *
 * ```ts
 * const bus = new EventPatternSet({ highValue: { detail: { amount: [{ numeric: ['>', 1000] }] } }, all: { source: [{ prefix: '' }] } });
 * bus.matchingRules('{"source": "order-service", "detail": {"amount": 1500}}'); // ['highValue', 'all']
 * ```
 */
export class EventPatternSet<Name extends string = string> {
  /** The rule names, in the order given. */
  readonly ruleNames: readonly Name[];
  private readonly fields: EventFields;
  private readonly rules: readonly RuleBranches[];
  /**
   * Pre-filter: for each slot that some rules are keyed on (a field they accept only exact strings in), the rules
   * that each string admits. A keyed rule is evaluated only when the event has one of its key strings.
   */
  private readonly keys: ReadonlyArray<readonly [slot: number, rulesByString: ReadonlyMap<string, readonly number[]>]>;
  /** 1 for rules that are always evaluated (no key), 0 for keyed rules; copied into `candidates` per event. */
  private readonly unkeyed: Uint8Array;
  private readonly candidates: Uint8Array;

  /**
   * @param rules rule name to pattern (JSON text or object)
   * @throws EventformError with the issues of every invalid pattern, each path prefixed with its rule name
   */
  constructor(rules: Readonly<Record<Name, string | object>>) {
    const names = Object.keys(rules) as Name[];
    const issues: EventformIssue[] = [];
    const compiled = names.map((name) => {
      try {
        return compileOrThrow(rules[name]).subRules;
      } catch (e) {
        if (!isEventformError(e)) throw e;
        issues.push(...e.issues.map((i) => ({ ...i, path: i.path ? `${name}.${i.path}` : name })));
        return [];
      }
    });
    if (issues.length > 0) throw new EventformError(issues, 'EventPatternSet');
    const fieldNames = [...new Set(compiled.flatMap((subRules) => subRules.flatMap((r) => r.names)))].sort();
    const slotOf = new Map(fieldNames.map((n, i) => [n, i]));
    this.ruleNames = names;
    this.fields = new EventFields(fieldNames);
    this.rules = compiled.map((subRules) => new RuleBranches(subRules, slotOf));
    this.unkeyed = new Uint8Array(names.length);
    this.candidates = new Uint8Array(names.length);
    const keys = new Map<number, Map<string, number[]>>();
    this.rules.forEach((rule, i) => {
      const key = rule.exactKey();
      if (!key) {
        this.unkeyed[i] = 1;
        return;
      }
      let byString = keys.get(key.slot);
      if (!byString) keys.set(key.slot, (byString = new Map()));
      for (const text of key.strings) {
        const list = byString.get(text);
        if (list) list.push(i);
        else byString.set(text, [i]);
      }
    });
    this.keys = [...keys];
  }

  /**
   * The names of the rules that match the event, in the order the rules were given.
   * @param event the event as JSON text (numbers keep their form) or as an object
   * @throws EventformError `PATTERN_EVENT_INVALID` when the event is not a JSON object
   */
  matchingRules(event: string | object): Name[] {
    this.fields.read(event);
    const candidates = this.candidates;
    candidates.set(this.unkeyed);
    const table = this.fields.table;
    for (const [slot, rulesByString] of this.keys) {
      const kinds = table.kinds[slot];
      const texts = table.texts[slot];
      for (let j = 0; j < table.counts[slot]; j++) {
        if (kinds[j] !== LeafKind.STRING) continue;
        const admitted = rulesByString.get(texts[j]);
        if (admitted) for (let k = 0; k < admitted.length; k++) candidates[admitted[k]] = 1;
      }
    }
    const out: Name[] = [];
    for (let i = 0; i < this.rules.length; i++) {
      if (candidates[i] === 1 && this.rules[i].matches(this.fields)) out.push(this.ruleNames[i]);
    }
    return out;
  }
}
