import { EventformError } from '../errors';
import { LeafKind } from './field-test';

/**
 * A trie of the field names a pattern uses, split at dots. Event keys are split the same way, so that
 * `{"a": {"b": 1}}` and `{"a.b": 1}` both reach field `a.b`, as in EventBridge.
 */
export class FieldTrie {
  /** Index of the field whose name ends here, or -1. */
  slot = -1;
  readonly names: string[] = [];
  readonly nodes: FieldTrie[] = [];
  /** Whether a child name is also an `Object.prototype` property (needs an own-property check). */
  readonly inherited: boolean[] = [];
  /** Dot-joined names of deeper descendants (`b.c`), for event keys that contain dots. */
  readonly compound: Array<readonly [string, FieldTrie]> = [];

  /** Builds the trie of the given dot-joined field names; slot i is field names[i]. */
  static of(fieldNames: readonly string[]): FieldTrie {
    const root = new FieldTrie();
    fieldNames.forEach((name, slot) => {
      let node: FieldTrie = root;
      for (const segment of name.split('.')) node = node.childOrAdd(segment);
      node.slot = slot;
    });
    root.collectCompound();
    return root;
  }

  private childOrAdd(segment: string): FieldTrie {
    const i = this.names.indexOf(segment);
    if (i >= 0) return this.nodes[i];
    const node = new FieldTrie();
    this.names.push(segment);
    this.nodes.push(node);
    this.inherited.push(segment in Object.prototype);
    return node;
  }

  private collectCompound(): void {
    const walk = (node: FieldTrie, prefix: string, depth: number): void => {
      node.names.forEach((name, i) => {
        const joined = `${prefix}.${name}`;
        if (depth >= 1) this.compound.push([joined, node.nodes[i]]);
        walk(node.nodes[i], joined, depth + 1);
      });
    };
    this.names.forEach((name, i) => walk(this.nodes[i], name, 1));
    this.nodes.forEach((n) => n.collectCompound());
  }

  /** The node reached by an event key (which may contain dots), or undefined. */
  resolve(key: string): FieldTrie | undefined {
    const first = key.indexOf('.');
    const head = first < 0 ? key : key.slice(0, first);
    const i = this.names.indexOf(head);
    if (i < 0) return undefined;
    return first < 0 ? this.nodes[i] : this.nodes[i].resolve(key.slice(first + 1));
  }

  /** The child whose name is exactly `text[start, end)`, without allocating. */
  childAt(text: string, start: number, end: number): FieldTrie | undefined {
    const names = this.names;
    const len = end - start;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name.length === len && text.startsWith(name, start)) return this.nodes[i];
    }
    return undefined;
  }
}

/**
 * The leaf values of an event for the fields a pattern uses, grouped by field, each with its array membership
 * (pairs of array id and element index for every enclosing array element that is an object or an array).
 * Reused across events: `reset` clears it without freeing memory.
 */
export class LeafTable {
  readonly counts: Int32Array;
  readonly kinds: LeafKind[][];
  readonly texts: string[][];
  /** The value of numbers read from JavaScript objects (their text is then `''`); NaN for every other leaf. */
  readonly values: number[][];
  readonly members: Array<Array<readonly number[] | null>>;
  arrays = 0;

  constructor(fields: number) {
    this.counts = new Int32Array(fields);
    this.kinds = Array.from({ length: fields }, () => []);
    this.texts = Array.from({ length: fields }, () => []);
    this.values = Array.from({ length: fields }, () => []);
    this.members = Array.from({ length: fields }, () => []);
  }

  reset(): void {
    this.counts.fill(0);
    this.arrays = 0;
  }

  add(slot: number, kind: LeafKind, text: string, membership: readonly number[] | null, value = Number.NaN): void {
    const i = this.counts[slot]++;
    this.kinds[slot][i] = kind;
    this.texts[slot][i] = text;
    this.values[slot][i] = value;
    this.members[slot][i] = membership;
  }

  /** The JSON text of leaf `i` of field `slot` (numbers from objects are written as `String` writes them). */
  textOf(slot: number, i: number): string {
    const text = this.texts[slot][i];
    return text === '' && this.kinds[slot][i] === LeafKind.NUMBER ? String(this.values[slot][i]) : text;
  }
}

const eventError = (message: string): EventformError =>
  new EventformError({ code: 'PATTERN_EVENT_INVALID', path: 'event', message });

/** Reads the leaves a pattern needs from an event given as a JavaScript object. */
export function readObjectEvent(event: object, trie: FieldTrie, table: LeafTable): void {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw eventError(`an event must be a JSON object; got ${Array.isArray(event) ? 'an array' : String(event)}.`);
  }
  table.reset();
  visitObject(event as Record<string, unknown>, trie, table, []);
}

function visitObject(obj: Record<string, unknown>, node: FieldTrie, table: LeafTable, stack: number[]): void {
  const names = node.names;
  const plain = Object.getPrototypeOf(obj) === Object.prototype;
  for (let i = 0; i < names.length; i++) {
    const v = obj[names[i]];
    if (v === undefined) continue;
    if ((!plain || node.inherited[i]) && !Object.prototype.hasOwnProperty.call(obj, names[i])) continue;
    visitValue(v, node.nodes[i], table, stack);
  }
  const compound = node.compound;
  for (let i = 0; i < compound.length; i++) {
    const key = compound[i][0];
    const v = obj[key];
    if (v !== undefined && Object.prototype.hasOwnProperty.call(obj, key)) visitValue(v, compound[i][1], table, stack);
  }
}

function visitValue(v: unknown, node: FieldTrie, table: LeafTable, stack: number[]): void {
  const slot = node.slot;
  switch (typeof v) {
    case 'string':
      if (slot >= 0) table.add(slot, LeafKind.STRING, v, stack.length ? stack.slice() : null);
      return;
    case 'number':
      if (slot >= 0) {
        if (Number.isFinite(v)) table.add(slot, LeafKind.NUMBER, '', stack.length ? stack.slice() : null, v);
        else table.add(slot, LeafKind.NULL, 'null', stack.length ? stack.slice() : null);
      }
      return;
    case 'bigint':
      if (slot >= 0) table.add(slot, LeafKind.NUMBER, v.toString(), stack.length ? stack.slice() : null);
      return;
    case 'boolean':
      if (slot >= 0)
        table.add(slot, v ? LeafKind.TRUE : LeafKind.FALSE, String(v), stack.length ? stack.slice() : null);
      return;
    case 'object':
      if (v === null) {
        if (slot >= 0) table.add(slot, LeafKind.NULL, 'null', stack.length ? stack.slice() : null);
      } else if (Array.isArray(v)) {
        visitArray(v, node, table, stack);
      } else {
        const json = (v as { toJSON?: () => unknown }).toJSON;
        if (typeof json === 'function') visitValue(json.call(v), node, table, stack);
        else if (node.names.length > 0) visitObject(v as Record<string, unknown>, node, table, stack);
      }
      return;
    default:
      return;
  }
}

function visitArray(arr: readonly unknown[], node: FieldTrie, table: LeafTable, stack: number[]): void {
  const id = table.arrays++;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v !== null && typeof v === 'object') {
      stack.push(id, i);
      visitValue(v, node, table, stack);
      stack.length -= 2;
    } else {
      visitValue(v, node, table, stack);
    }
  }
}

/**
 * Reads the leaves a pattern needs from an event given as JSON text, in one pass, without building the event:
 * members the pattern does not use are skipped without allocating, and numbers keep their text.
 */
export class JsonEventScanner {
  private s = '';
  private pos = 0;
  /** Position of the next backslash at or after the last string read (text length + 1 when none is left). */
  private nextBackslash = -1;
  /** Position of the next dot at or after the last member name read (text length + 1 when none is left). */
  private nextDot = -1;
  private readonly stack: number[] = [];

  constructor(
    private readonly trie: FieldTrie,
    private readonly table: LeafTable,
  ) {}

  scan(text: string): void {
    this.s = text;
    this.pos = 0;
    this.nextBackslash = -1;
    this.nextDot = -1;
    this.stack.length = 0;
    this.table.reset();
    this.ws();
    if (text.charCodeAt(this.pos) !== 123) throw this.fail('an event must be a JSON object');
    this.object(this.trie);
    this.ws();
    if (this.pos < text.length) throw this.fail('unexpected text after the event object');
    this.s = '';
  }

  private fail(message: string): EventformError {
    return eventError(`the event is not valid JSON: ${message} at character ${this.pos}.`);
  }

  private ws(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  /** pos on '{'. */
  private object(node: FieldTrie): void {
    const s = this.s;
    this.pos++;
    this.ws();
    if (s.charCodeAt(this.pos) === 125) {
      this.pos++;
      return;
    }
    for (;;) {
      if (s.charCodeAt(this.pos) !== 34) throw this.fail('expected a member name');
      const start = this.pos + 1;
      const end = s.indexOf('"', start);
      if (end < 0) throw this.fail('unterminated member name');
      this.pos = end + 1;
      if (this.nextBackslash < start) this.nextBackslash = indexOrBeyond(s, '\\', start);
      const escaped = this.nextBackslash < end;
      let dotted = false;
      if (node.compound.length > 0) {
        if (this.nextDot < start) this.nextDot = indexOrBeyond(s, '.', start);
        dotted = this.nextDot < end;
      }
      let next: FieldTrie | undefined;
      if (escaped) {
        this.pos = start - 1;
        next = node.resolve(this.string());
      } else if (dotted) {
        next = node.resolve(s.slice(start, end));
      } else {
        next = node.childAt(s, start, end);
      }
      this.ws();
      if (s.charCodeAt(this.pos) !== 58) throw this.fail("expected ':'");
      this.pos++;
      this.ws();
      if (next) this.value(next);
      else this.skip();
      this.ws();
      const c = s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.ws();
        continue;
      }
      if (c === 125) {
        this.pos++;
        return;
      }
      throw this.fail("expected ',' or '}'");
    }
  }

  private array(node: FieldTrie): void {
    const s = this.s;
    const id = this.table.arrays++;
    this.pos++;
    this.ws();
    if (s.charCodeAt(this.pos) === 93) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      const c = s.charCodeAt(this.pos);
      if (c === 123 || c === 91) {
        this.stack.push(id, index);
        this.value(node);
        this.stack.length -= 2;
      } else {
        this.value(node);
      }
      this.ws();
      const d = s.charCodeAt(this.pos);
      if (d === 44) {
        this.pos++;
        this.ws();
        continue;
      }
      if (d === 93) {
        this.pos++;
        return;
      }
      throw this.fail("expected ',' or ']'");
    }
  }

  private value(node: FieldTrie): void {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    const slot = node.slot;
    if (c === 123) {
      if (node.names.length > 0) this.object(node);
      else this.skip();
      return;
    }
    if (c === 91) {
      this.array(node);
      return;
    }
    if (slot < 0) {
      this.skip();
      return;
    }
    const membership = this.stack.length ? this.stack.slice() : null;
    if (c === 34) {
      this.table.add(slot, LeafKind.STRING, this.string(), membership);
    } else if (c === 116 && s.startsWith('true', this.pos)) {
      this.pos += 4;
      this.table.add(slot, LeafKind.TRUE, 'true', membership);
    } else if (c === 102 && s.startsWith('false', this.pos)) {
      this.pos += 5;
      this.table.add(slot, LeafKind.FALSE, 'false', membership);
    } else if (c === 110 && s.startsWith('null', this.pos)) {
      this.pos += 4;
      this.table.add(slot, LeafKind.NULL, 'null', membership);
    } else {
      const start = this.pos;
      this.number();
      this.table.add(slot, LeafKind.NUMBER, s.slice(start, this.pos), membership);
    }
  }

  private number(): void {
    const s = this.s;
    let p = this.pos;
    if (s.charCodeAt(p) === 45) p++;
    const digits = p;
    while (isNumberChar(s.charCodeAt(p))) p++;
    if (p === digits) throw this.fail('unexpected character');
    this.pos = p;
  }

  /** pos on the opening quote; returns the decoded string. */
  private string(): string {
    const s = this.s;
    const start = this.pos + 1;
    const close = s.indexOf('"', start);
    if (this.nextBackslash < start) this.nextBackslash = indexOrBeyond(s, '\\', start);
    if (close >= 0 && this.nextBackslash > close) {
      this.pos = close + 1;
      return s.slice(start, close);
    }
    let p = start;
    let out = '';
    let from = start;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 34) break;
      if (Number.isNaN(c)) throw this.fail('unterminated string');
      if (c !== 92) {
        p++;
        continue;
      }
      out += s.slice(from, p);
      const e = s.charCodeAt(p + 1);
      switch (e) {
        case 110:
          out += '\n';
          break;
        case 116:
          out += '\t';
          break;
        case 114:
          out += '\r';
          break;
        case 98:
          out += '\b';
          break;
        case 102:
          out += '\f';
          break;
        case 117: {
          const hex = s.slice(p + 2, p + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          p += 4;
          break;
        }
        case 34:
        case 92:
        case 47:
          out += String.fromCharCode(e);
          break;
        default:
          throw this.fail('bad escape');
      }
      p += 2;
      from = p;
    }
    this.pos = p + 1;
    return out + s.slice(from, p);
  }

  /** Skips one value without decoding it. */
  private skip(): void {
    const s = this.s;
    let p = this.pos;
    const c = s.charCodeAt(p);
    if (c === 34) {
      this.pos = skipString(s, p, this);
      return;
    }
    if (c === 123 || c === 91) {
      let depth = 0;
      const n = s.length;
      while (p < n) {
        const d = s.charCodeAt(p++);
        if (d === 34) {
          // strings are skipped with a native search for their closing quote
          p = skipString(s, p - 1, this);
        } else if (d === 123 || d === 91) {
          depth++;
        } else if (d === 125 || d === 93) {
          if (--depth === 0) {
            this.pos = p;
            return;
          }
        }
      }
      throw this.failAt(n, 'unterminated object or array');
    }
    if (c === 116 || c === 102 || c === 110) {
      const word = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
      if (!s.startsWith(word, p)) throw this.fail('unexpected character');
      this.pos = p + word.length;
      return;
    }
    this.number();
  }

  /** @internal used by skipString for error reporting */
  failAt(pos: number, message: string): EventformError {
    this.pos = pos;
    return this.fail(message);
  }
}

/** Index of `char` at or after `from`, or past the end of `s` when there is none. */
function indexOrBeyond(s: string, char: string, from: number): number {
  const i = s.indexOf(char, from);
  return i < 0 ? s.length + 1 : i;
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

/** Position after the string starting at `p` (on its opening quote). */
function skipString(s: string, p: number, scanner: JsonEventScanner): number {
  let q = p + 1;
  for (;;) {
    const close = s.indexOf('"', q);
    if (close < 0) throw scanner.failAt(p, 'unterminated string');
    let backslashes = 0;
    for (let b = close - 1; s.charCodeAt(b) === 92; b--) backslashes++;
    if ((backslashes & 1) === 0) return close + 1;
    q = close + 1;
  }
}
