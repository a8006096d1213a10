import { EventformError } from '../errors';
import { analyzePattern, type SubRule } from './compiler';
import { FieldTrie, JsonEventScanner, LeafTable, readObjectEvent } from './event-reader';
import type { FieldTest } from './field-test';
import type { PatternIssue } from './issues';
import { stringifyJsonNode } from './json-node';

interface Branch {
  readonly slots: Int32Array;
  readonly names: readonly string[];
  readonly tests: readonly FieldTest[];
}

/** Why an event did or did not match a pattern, for test failure messages. */
export interface EventMatchExplanation {
  /** Whether the event matches. */
  readonly matched: boolean;
  /**
   * One line per pattern branch (`$or` alternatives expand into branches): for a match, the branch that matched;
   * otherwise, for each branch, the fields that failed and the values the event has there.
   */
  readonly reasons: readonly string[];
}

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
  private readonly branches: readonly Branch[];
  private readonly trie: FieldTrie;
  private readonly table: LeafTable;
  private readonly scanner: JsonEventScanner;
  private assigned = new Int32Array(16).fill(-1);
  private readonly undo: number[] = [];

  /** @internal use {@link compileEventPattern} */
  constructor(patternText: string, subRules: readonly SubRule[]) {
    this.patternText = patternText;
    const names = [...new Set(subRules.flatMap((r) => r.names))].sort();
    this.fieldNames = names;
    const slotOf = new Map(names.map((n, i) => [n, i]));
    this.branches = subRules.map((r) => ({
      names: r.names,
      tests: r.tests,
      slots: Int32Array.from(r.names, (n) => slotOf.get(n) as number),
    }));
    this.trie = FieldTrie.of(names);
    this.table = new LeafTable(names.length);
    this.scanner = new JsonEventScanner(this.trie, this.table);
  }

  /**
   * Whether EventBridge would deliver this event to a rule with this pattern.
   * @param event the event as JSON text (numbers keep their form) or as an object
   * @throws EventformError `PATTERN_EVENT_INVALID` when the event is not a JSON object
   */
  matches(event: string | object): boolean {
    this.read(event);
    for (const branch of this.branches) {
      if (this.matchBranch(branch)) return true;
    }
    return false;
  }

  /** Like {@link matches}, and says why: which fields failed and what the event holds there. */
  explain(event: string | object): EventMatchExplanation {
    this.read(event);
    const reasons: string[] = [];
    const table = this.table;
    for (const [b, branch] of this.branches.entries()) {
      const label = this.branches.length > 1 ? `alternative ${b + 1}: ` : '';
      if (this.matchBranch(branch)) {
        return { matched: true, reasons: [`${label}every field matches`] };
      }
      const failed: string[] = [];
      branch.names.forEach((name, i) => {
        const slot = branch.slots[i];
        const test = branch.tests[i];
        const n = table.counts[slot];
        const values = table.texts[slot]
          .slice(0, n)
          .map((t, j) => (table.kinds[slot][j] === 0 ? JSON.stringify(t) : t));
        let ok = test.absent && n === 0;
        for (let j = 0; j < n && !ok; j++)
          ok = test.hasValueTest && test.matches(table.kinds[slot][j], table.texts[slot][j]);
        if (!ok) {
          failed.push(
            n === 0
              ? `${name} is missing from the event`
              : test.absent && !test.hasValueTest
                ? `${name} must be absent but the event has ${values.join(', ')}`
                : `${name} has ${values.join(', ')}, which the pattern does not accept`,
          );
        }
      });
      reasons.push(
        label +
          (failed.length
            ? failed.join('; ')
            : 'each field matches somewhere, but not within the same array element (arrays of objects must ' +
              'match element by element), or an exists:false field is present in the element the others matched'),
      );
    }
    return { matched: false, reasons };
  }

  private read(event: string | object): void {
    if (typeof event === 'string') this.scanner.scan(event);
    else readObjectEvent(event, this.trie, this.table);
    if (this.assigned.length < this.table.arrays) {
      this.assigned = new Int32Array(Math.max(this.table.arrays, this.assigned.length * 2)).fill(-1);
    }
  }

  private matchBranch(branch: Branch): boolean {
    this.undo.length = 0;
    return this.step(branch, 0);
  }

  private consistent(m: readonly number[]): boolean {
    const assigned = this.assigned;
    for (let k = 0; k < m.length; k += 2) {
      const at = assigned[m[k]];
      if (at !== -1 && at !== m[k + 1]) return false;
    }
    return true;
  }

  /**
   * Depth-first search over the branch's fields in name order (event-ruler's order): each field takes an event
   * value that matches and lies in the same array elements as the values taken so far; an `exists: false` field
   * is satisfied when no value of that field lies in those elements.
   */
  private step(branch: Branch, i: number): boolean {
    if (i === branch.slots.length) return true;
    const slot = branch.slots[i];
    const test = branch.tests[i];
    const table = this.table;
    const n = table.counts[slot];
    const members = table.members[slot];
    if (test.absent) {
      let present = false;
      for (let j = 0; j < n; j++) {
        const m = members[j];
        if (m === null || this.consistent(m)) {
          present = true;
          break;
        }
      }
      if (!present && this.step(branch, i + 1)) return true;
    }
    if (n === 0 || !test.hasValueTest) return false;
    const kinds = table.kinds[slot];
    const texts = table.texts[slot];
    for (let j = 0; j < n; j++) {
      const m = members[j];
      if (m === null) {
        if (test.matches(kinds[j], texts[j]) && this.step(branch, i + 1)) return true;
        continue;
      }
      if (!this.consistent(m) || !test.matches(kinds[j], texts[j])) continue;
      const mark = this.undo.length;
      const assigned = this.assigned;
      for (let k = 0; k < m.length; k += 2) {
        if (assigned[m[k]] === -1) {
          assigned[m[k]] = m[k + 1];
          this.undo.push(m[k]);
        }
      }
      const ok = this.step(branch, i + 1);
      while (this.undo.length > mark) assigned[this.undo.pop() as number] = -1;
      if (ok) return true;
    }
    return false;
  }
}

function invalid(issues: readonly PatternIssue[]): EventformError {
  return new EventformError(issues, 'eventPattern');
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
  const analysis = analyzePattern(pattern);
  if (analysis.issues.length > 0 || !analysis.node) throw invalid(analysis.issues);
  return new CompiledEventPattern(stringifyJsonNode(analysis.node), analysis.subRules);
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
