import type { SubRule } from './compiler';
import { FieldTrie, JsonEventScanner, LeafTable, readObjectEvent } from './event-reader';
import type { FieldTest } from './field-test';

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
 * The leaves of one event for a set of field names, read from JSON text or an object, plus the scratch state of
 * array-consistent matching. One instance serves any number of rules over the same field names.
 */
export class EventFields {
  readonly table: LeafTable;
  private readonly trie: FieldTrie;
  private readonly scanner: JsonEventScanner;
  /** Element index chosen so far per event array (-1: none), during matching. */
  assigned = new Int32Array(16).fill(-1);
  readonly undo: number[] = [];

  constructor(readonly names: readonly string[]) {
    this.trie = FieldTrie.of(names);
    this.table = new LeafTable(names.length);
    this.scanner = new JsonEventScanner(this.trie, this.table);
  }

  /** Reads an event (JSON text or object); throws `PATTERN_EVENT_INVALID` if it is not a JSON object. */
  read(event: string | object): void {
    if (typeof event === 'string') this.scanner.scan(event);
    else readObjectEvent(event, this.trie, this.table);
    if (this.assigned.length < this.table.arrays) {
      this.assigned = new Int32Array(Math.max(this.table.arrays, this.assigned.length * 2)).fill(-1);
    }
  }
}

interface Branch {
  readonly slots: Int32Array;
  readonly names: readonly string[];
  readonly tests: readonly FieldTest[];
  /** Scratch, per field: indexes of the event values that match, and how many there are. */
  readonly hits: number[][];
  readonly hitCounts: Int32Array;
}

/** The branches of one compiled rule, evaluated against {@link EventFields} that hold the rule's field names. */
export class RuleBranches {
  private readonly branches: readonly Branch[];

  constructor(subRules: readonly SubRule[], slotOf: ReadonlyMap<string, number>) {
    this.branches = subRules.map((r) => ({
      names: r.names,
      tests: r.tests,
      slots: Int32Array.from(r.names, (n) => slotOf.get(n) as number),
      hits: r.names.map(() => []),
      hitCounts: new Int32Array(r.names.length),
    }));
  }

  /**
   * For a rule without `$or` alternatives, a field that accepts only exact strings (the one with the fewest), as
   * its slot and strings: the rule cannot match an event without one of those strings in that field.
   */
  exactKey(): { readonly slot: number; readonly strings: ReadonlySet<string> } | undefined {
    if (this.branches.length !== 1) return undefined;
    const branch = this.branches[0];
    let key: { slot: number; strings: ReadonlySet<string> } | undefined;
    branch.tests.forEach((test, i) => {
      const strings = test.exactStrings;
      if (strings && (!key || strings.size < key.strings.size)) key = { slot: branch.slots[i], strings };
    });
    return key;
  }

  /** Whether the event last read into `fields` matches. */
  matches(fields: EventFields): boolean {
    for (const branch of this.branches) {
      if (evaluate(fields, branch)) return true;
    }
    return false;
  }

  /** Why the event last read into `fields` matches or not. */
  explain(fields: EventFields): EventMatchExplanation {
    const reasons: string[] = [];
    const table = fields.table;
    for (const [b, branch] of this.branches.entries()) {
      const label = this.branches.length > 1 ? `alternative ${b + 1}: ` : '';
      if (evaluate(fields, branch)) {
        return { matched: true, reasons: [`${label}every field matches`] };
      }
      const failed: string[] = [];
      branch.names.forEach((name, i) => {
        const slot = branch.slots[i];
        const test = branch.tests[i];
        const n = table.counts[slot];
        const values = Array.from({ length: n }, (_, j) =>
          table.kinds[slot][j] === 0 ? JSON.stringify(table.texts[slot][j]) : table.textOf(slot, j),
        );
        let ok = test.absent && n === 0;
        for (let j = 0; j < n && !ok; j++) {
          ok = test.hasValueTest && test.matches(table.kinds[slot][j], table.texts[slot][j], table.values[slot][j]);
        }
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
}

function consistent(fields: EventFields, m: readonly number[]): boolean {
  const assigned = fields.assigned;
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
function step(fields: EventFields, branch: Branch, i: number): boolean {
  if (i === branch.slots.length) return true;
  const slot = branch.slots[i];
  const table = fields.table;
  const members = table.members[slot];
  if (branch.tests[i].absent) {
    const n = table.counts[slot];
    let present = false;
    for (let j = 0; j < n; j++) {
      const m = members[j];
      if (m === null || consistent(fields, m)) {
        present = true;
        break;
      }
    }
    if (!present && step(fields, branch, i + 1)) return true;
  }
  const hits = branch.hits[i];
  const count = branch.hitCounts[i];
  for (let h = 0; h < count; h++) {
    const m = members[hits[h]];
    if (m === null) {
      if (step(fields, branch, i + 1)) return true;
      continue;
    }
    if (!consistent(fields, m)) continue;
    const mark = fields.undo.length;
    const assigned = fields.assigned;
    for (let k = 0; k < m.length; k += 2) {
      if (assigned[m[k]] === -1) {
        assigned[m[k]] = m[k + 1];
        fields.undo.push(m[k]);
      }
    }
    const ok = step(fields, branch, i + 1);
    while (fields.undo.length > mark) assigned[fields.undo.pop() as number] = -1;
    if (ok) return true;
  }
  return false;
}

/**
 * Tests every event value of every field of the branch once, then searches for a consistent choice. A field that
 * must have a value and has no matching one fails the branch before any search.
 */
function evaluate(fields: EventFields, branch: Branch): boolean {
  const table = fields.table;
  // Without arrays on the pattern's paths every value lies in the same (only) element: no search is needed.
  const noArrays = table.arrays === 0;
  for (let i = 0; i < branch.slots.length; i++) {
    const slot = branch.slots[i];
    const test = branch.tests[i];
    let count = 0;
    if (test.hasValueTest) {
      const n = table.counts[slot];
      const kinds = table.kinds[slot];
      const texts = table.texts[slot];
      const values = table.values[slot];
      const hits = branch.hits[i];
      for (let j = 0; j < n; j++) if (test.matches(kinds[j], texts[j], values[j])) hits[count++] = j;
    }
    branch.hitCounts[i] = count;
    if (count === 0 && (!test.absent || (noArrays && table.counts[slot] !== 0))) return false;
  }
  if (noArrays) return true;
  fields.undo.length = 0;
  return step(fields, branch, 0);
}
