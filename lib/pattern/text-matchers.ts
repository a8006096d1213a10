/**
 * String predicates for the `wildcard` and `equals-ignore-case` operators, compiled once per pattern value.
 */

/** Why a wildcard value is rejected, or undefined when it is valid. */
export function wildcardProblem(value: string): { code: 'consecutive' | 'escape'; position: number } | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 42 && value.charCodeAt(i + 1) === 42) return { code: 'consecutive', position: i };
    if (c === 92) {
      const next = value.charCodeAt(i + 1);
      if (next !== 42 && next !== 92) return { code: 'escape', position: i };
      i++;
    }
  }
  return undefined;
}

/**
 * A compiled wildcard: `*` matches any run of characters (including none), `\*` a literal asterisk, `\\` a literal
 * backslash. The value must be valid (see {@link wildcardProblem}).
 */
export class Wildcard {
  /** Literal pieces between the stars. */
  private readonly pieces: string[];
  private readonly minLength: number;

  constructor(readonly source: string) {
    const pieces: string[] = [];
    let current = '';
    for (let i = 0; i < source.length; i++) {
      const ch = source[i];
      if (ch === '\\') {
        current += source[i + 1];
        i++;
      } else if (ch === '*') {
        pieces.push(current);
        current = '';
      } else {
        current += ch;
      }
    }
    pieces.push(current);
    this.pieces = pieces;
    this.minLength = pieces.reduce((n, p) => n + p.length, 0);
  }

  /** Whether the whole string matches. */
  matches(s: string): boolean {
    const pieces = this.pieces;
    if (pieces.length === 1) return s === pieces[0];
    if (s.length < this.minLength) return false;
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (!s.startsWith(first) || !s.endsWith(last)) return false;
    let pos = first.length;
    const limit = s.length - last.length;
    for (let i = 1; i < pieces.length - 1; i++) {
      const piece = pieces[i];
      const at = s.indexOf(piece, pos);
      if (at < 0 || at + piece.length > limit) return false;
      pos = at + piece.length;
    }
    return true;
  }
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function escapeRegex(s: string): string {
  return s.replace(REGEX_SPECIAL, '\\$&');
}

/**
 * A regular expression source that matches, character by character, either the lower-case or the upper-case form
 * of each character of `value` (Unicode default case mappings, as `String.toLowerCase(Locale.ROOT)` and
 * `toUpperCase(Locale.ROOT)` give them per character: `ß` accepts `ß` or `SS`).
 */
function caseInsensitiveSource(value: string): string {
  let out = '';
  for (const ch of value) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    out += lower === upper ? escapeRegex(ch) : `(?:${escapeRegex(lower)}|${escapeRegex(upper)})`;
  }
  return out;
}

/** Where an equals-ignore-case comparison is anchored. */
export type CaseInsensitiveMode = 'equals' | 'prefix' | 'suffix';

/** Compiles an equals-ignore-case (or prefix/suffix equals-ignore-case) value into a predicate on strings. */
export function caseInsensitiveMatcher(value: string, mode: CaseInsensitiveMode): (s: string) => boolean {
  const body = caseInsensitiveSource(value);
  const source = mode === 'equals' ? `^${body}$` : mode === 'prefix' ? `^${body}` : `${body}$`;
  const re = new RegExp(source, 'u');
  return (s) => re.test(s);
}
