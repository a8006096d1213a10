import { comparableNumber } from './numbers';
import { ipHex, type IpRange } from './ip';
import { Wildcard } from './text-matchers';

/** Kinds of leaf values in an event, as stored by the event readers. */
export const LeafKind = { STRING: 0, NUMBER: 1, TRUE: 2, FALSE: 3, NULL: 4 } as const;
/** One of the {@link LeafKind} values. */
export type LeafKind = (typeof LeafKind)[keyof typeof LeafKind];

/** A numeric interval; `Infinity` ends stand for "no bound". */
export interface NumericInterval {
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

/** One `anything-but` clause: it matches every value it does not exclude. */
export type AnythingBut =
  | { readonly kind: 'strings'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'numbers'; readonly values: ReadonlySet<number> }
  | { readonly kind: 'prefix' | 'suffix'; readonly values: readonly string[] }
  | { readonly kind: 'wildcard'; readonly values: readonly Wildcard[] }
  | { readonly kind: 'ignore-case'; readonly values: ReadonlyArray<(s: string) => boolean> };

/**
 * Everything one field's value list (`"amount": [ ... ]`) accepts, compiled into sets and small lists so that
 * a value is tested without allocating. A field matches an event leaf when any of its alternatives does.
 */
export class FieldTest {
  /** `exists: true`: any leaf value. */
  exists = false;
  /** `exists: false`: the field must be absent. */
  absent = false;
  /** Whether any alternative compares numbers (number values are then also read as doubles). */
  hasNumeric = false;
  /** Whether any alternative compares IP addresses (string values are then also read as addresses). */
  hasIp = false;
  readonly strings = new Set<string>();
  readonly numberTexts = new Set<string>();
  readonly numbers = new Set<number>();
  matchTrue = false;
  matchFalse = false;
  matchNull = false;
  readonly prefixes: string[] = [];
  readonly suffixes: string[] = [];
  readonly textTests: Array<(s: string) => boolean> = [];
  readonly wildcards: Wildcard[] = [];
  readonly intervals: NumericInterval[] = [];
  readonly ipRanges: IpRange[] = [];
  readonly anythingButs: AnythingBut[] = [];

  private valueTestCache?: boolean;

  /** Whether this field has any value alternative (as opposed to only `exists: false`). */
  get hasValueTest(): boolean {
    return (this.valueTestCache ??= this.strings.size > 0 || this.hasNonStringAlternative);
  }

  /**
   * The strings this field accepts when exact strings are its only alternatives (then a leaf matches exactly when
   * it is a string in this set), otherwise undefined. Rule sets index rules by such fields.
   */
  get exactStrings(): ReadonlySet<string> | undefined {
    return this.strings.size > 0 && !this.absent && !this.hasNonStringAlternative ? this.strings : undefined;
  }

  /** Whether any alternative other than an exact string is present (`exists: true` included). */
  private get hasNonStringAlternative(): boolean {
    return (
      this.exists ||
      this.numberTexts.size > 0 ||
      this.numbers.size > 0 ||
      this.matchTrue ||
      this.matchFalse ||
      this.matchNull ||
      this.prefixes.length > 0 ||
      this.suffixes.length > 0 ||
      this.textTests.length > 0 ||
      this.wildcards.length > 0 ||
      this.intervals.length > 0 ||
      this.ipRanges.length > 0 ||
      this.anythingButs.length > 0
    );
  }

  /**
   * Whether a leaf value matches: its kind and text (the string itself, or the number's JSON text), or for numbers
   * read from JavaScript objects, text `''` and the number as `value` (NaN otherwise). As in event-ruler
   * since its CIDR fixes (aws/event-ruler#131), address ranges, numeric comparisons and string comparisons are
   * evaluated independently: an IP string is tested against `cidr` ranges and against string operators alike.
   */
  matches(kind: LeafKind, text: string, value = Number.NaN): boolean {
    if (this.exists) return true;
    let num: number | undefined;
    if (kind === LeafKind.STRING) {
      if (this.hasIp) {
        const ip = ipHex(text);
        if (ip !== undefined) {
          for (const r of this.ipRanges) {
            if (ip.length === r.low.length && ip >= r.low && ip <= r.high) return true;
          }
        }
      }
      if (this.strings.has(text)) return true;
      for (const p of this.prefixes) if (text.startsWith(p)) return true;
      for (const s of this.suffixes) if (text.endsWith(s)) return true;
      for (const t of this.textTests) if (t(text)) return true;
      for (const w of this.wildcards) if (w.matches(text)) return true;
    } else if (kind === LeafKind.NUMBER) {
      if (this.hasNumeric) {
        num = value === value ? value : comparableNumber(text);
        if (num !== undefined) {
          if (this.numbers.has(num)) return true;
          for (const r of this.intervals) {
            if ((r.lowOpen ? num > r.low : num >= r.low) && (r.highOpen ? num < r.high : num <= r.high)) return true;
          }
        }
      }
      if (this.numberTexts.size > 0 && this.numberTexts.has(text === '' ? String(value) : text)) return true;
    } else if (kind === LeafKind.TRUE) {
      if (this.matchTrue) return true;
    } else if (kind === LeafKind.FALSE) {
      if (this.matchFalse) return true;
    } else if (this.matchNull) {
      return true;
    }
    if (this.anythingButs.length === 0) return false;
    const isString = kind === LeafKind.STRING;
    for (const a of this.anythingButs) {
      if (!excludes(a, isString, text, num)) return true;
    }
    return false;
  }
}

function excludes(a: AnythingBut, isString: boolean, text: string, num: number | undefined): boolean {
  switch (a.kind) {
    case 'numbers':
      return num !== undefined && a.values.has(num);
    case 'strings':
      return isString && a.values.has(text);
    case 'prefix':
      return isString && a.values.some((p) => text.startsWith(p));
    case 'suffix':
      return isString && a.values.some((s) => text.endsWith(s));
    case 'wildcard':
      return isString && a.values.some((w) => w.matches(text));
    case 'ignore-case':
      return isString && a.values.some((t) => t(text));
  }
}
