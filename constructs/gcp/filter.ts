/**
 * A parser for the Pub/Sub subscription filter language
 * (https://cloud.google.com/pubsub/docs/subscription-message-filter), so that a filter the API would reject fails at
 * synth time. Pure: no engine imports.
 *
 * ```
 * filter    := term { AND term } | term { OR term }      -- AND and OR may only be mixed with parentheses
 * term      := ( NOT | "-" ) term | "(" filter ")" | predicate
 * predicate := attributes ":" key                        -- the attribute is present
 *            | attributes "." key ( "=" | "!=" ) string
 *            | hasPrefix "(" attributes "." key "," string ")"
 * key       := identifier | string
 * ```
 * @module
 */
import type { EventformIssue } from '../../lib';
import { PUBSUB_LIMITS } from './limits';

/** A parsed filter. */
export type PubsubFilterNode =
  | { readonly kind: 'has'; readonly key: string }
  | { readonly kind: 'equals' | 'notEquals' | 'hasPrefix'; readonly key: string; readonly value: string }
  | { readonly kind: 'not'; readonly operand: PubsubFilterNode }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly PubsubFilterNode[] };

/** The outcome of {@link parsePubsubFilter}: the tree when the filter is valid, and every issue found. */
export interface PubsubFilterResult {
  /** The parsed filter; undefined when there are issues. */
  readonly node?: PubsubFilterNode;
  /** Problems, each with a `PUBSUB_FILTER_*` code; empty when the API would accept the filter. */
  readonly issues: readonly EventformIssue[];
}

type TokenKind = 'ident' | 'string' | 'punct' | 'end';
interface Tok {
  readonly kind: TokenKind;
  readonly text: string;
  readonly pos: number;
}

class FilterSyntaxError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const start = i;
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) {
        throw new FilterSyntaxError('PUBSUB_FILTER_SYNTAX', `unterminated string starting at position ${start}`);
      }
      i++;
      toks.push({ kind: 'string', text: value, pos: start });
    } else if (c === '!' && text[i + 1] === '=') {
      toks.push({ kind: 'punct', text: '!=', pos: i });
      i += 2;
    } else if ('().:=,-'.includes(c)) {
      toks.push({ kind: 'punct', text: c, pos: i });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i)) as RegExpExecArray;
      toks.push({ kind: 'ident', text: m[0], pos: i });
      i += m[0].length;
    } else {
      throw new FilterSyntaxError('PUBSUB_FILTER_SYNTAX', `unexpected character ${JSON.stringify(c)} at position ${i}`);
    }
  }
  toks.push({ kind: 'end', text: '', pos: text.length });
  return toks;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): PubsubFilterNode {
    const node = this.filter();
    this.expectEnd();
    return node;
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private next(): Tok {
    return this.toks[this.i++];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text === word;
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }

  private fail(expected: string): never {
    const t = this.peek();
    const found = t.kind === 'end' ? 'the end of the filter' : JSON.stringify(t.text);
    throw new FilterSyntaxError('PUBSUB_FILTER_SYNTAX', `expected ${expected} at position ${t.pos}, found ${found}`);
  }

  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail(JSON.stringify(p));
    this.next();
  }

  private expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail('AND, OR or the end of the filter');
  }

  private filter(): PubsubFilterNode {
    const first = this.term();
    const operands = [first];
    let op: 'AND' | 'OR' | undefined;
    while (this.isWord('AND') || this.isWord('OR')) {
      const word = this.next().text as 'AND' | 'OR';
      if (op !== undefined && op !== word) {
        throw new FilterSyntaxError(
          'PUBSUB_FILTER_MIXED_AND_OR',
          'AND and OR cannot be mixed without parentheses; group them, e.g. "(a AND b) OR c"',
        );
      }
      op = word;
      operands.push(this.term());
    }
    if (op === undefined) return first;
    return { kind: op === 'AND' ? 'and' : 'or', operands };
  }

  private term(): PubsubFilterNode {
    if (this.isWord('NOT') || this.isPunct('-')) {
      this.next();
      return { kind: 'not', operand: this.term() };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.filter();
      this.expectPunct(')');
      return inner;
    }
    if (this.isWord('hasPrefix')) {
      this.next();
      this.expectPunct('(');
      const key = this.attributeKey();
      this.expectPunct(',');
      const value = this.string();
      this.expectPunct(')');
      return { kind: 'hasPrefix', key, value };
    }
    if (this.isWord('attributes')) {
      this.next();
      if (this.isPunct(':')) {
        this.next();
        return { kind: 'has', key: this.key() };
      }
      this.expectPunct('.');
      const key = this.key();
      if (this.isPunct('=') || this.isPunct('!=')) {
        const op = this.next().text;
        return { kind: op === '=' ? 'equals' : 'notEquals', key, value: this.string() };
      }
      return this.fail('"=" or "!="');
    }
    const t = this.peek();
    if (t.kind === 'ident' && !['AND', 'OR'].includes(t.text)) {
      throw new FilterSyntaxError(
        'PUBSUB_FILTER_NOT_ATTRIBUTES',
        `filters can only test message attributes (attributes.KEY, attributes:KEY, hasPrefix(attributes.KEY, ...)); ` +
          `found ${JSON.stringify(t.text)} at position ${t.pos}. Message data cannot be filtered`,
      );
    }
    return this.fail('attributes.KEY, attributes:KEY, hasPrefix(...), NOT or "("');
  }

  private attributeKey(): string {
    if (!this.isWord('attributes')) {
      const t = this.peek();
      if (t.kind === 'ident') {
        throw new FilterSyntaxError(
          'PUBSUB_FILTER_NOT_ATTRIBUTES',
          `hasPrefix can only test message attributes (attributes.KEY); found ${JSON.stringify(t.text)} at position ${t.pos}`,
        );
      }
      this.fail('attributes');
    }
    this.next();
    this.expectPunct('.');
    return this.key();
  }

  private key(): string {
    const t = this.peek();
    if (t.kind === 'ident' || t.kind === 'string') {
      this.next();
      return t.text;
    }
    return this.fail('an attribute key');
  }

  private string(): string {
    const t = this.peek();
    if (t.kind !== 'string') this.fail('a quoted string');
    this.next();
    return t.text;
  }
}

/**
 * Parses a Pub/Sub subscription filter and checks its size (at most 256 UTF-8 bytes).
 *
 * Issue codes: `PUBSUB_FILTER_TOO_LONG`, `PUBSUB_FILTER_EMPTY`, `PUBSUB_FILTER_SYNTAX`, `PUBSUB_FILTER_MIXED_AND_OR`,
 * `PUBSUB_FILTER_NOT_ATTRIBUTES`; each issue's path is `prop`.
 */
export function parsePubsubFilter(filter: string, prop = 'filter'): PubsubFilterResult {
  const issues: EventformIssue[] = [];
  const bytes = Buffer.byteLength(filter, 'utf8');
  const max = PUBSUB_LIMITS.filterMaxBytes;
  if (bytes > max) {
    issues.push({
      code: 'PUBSUB_FILTER_TOO_LONG',
      path: prop,
      message: `${prop} must be at most ${max} bytes (UTF-8); got ${bytes} bytes. Shorten attribute keys or values.`,
    });
  }
  if (filter.trim() === '') {
    issues.push({
      code: 'PUBSUB_FILTER_EMPTY',
      path: prop,
      message: `${prop} must not be empty; leave it unset to receive every message.`,
    });
    return { issues };
  }
  try {
    const node = new Parser(tokenize(filter)).parse();
    return issues.length === 0 ? { node, issues } : { issues };
  } catch (e) {
    if (!(e instanceof FilterSyntaxError)) throw e;
    issues.push({ code: e.code, path: prop, message: `${prop} ${JSON.stringify(filter)} is invalid: ${e.message}.` });
    return { issues };
  }
}
