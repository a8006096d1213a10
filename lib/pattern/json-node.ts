/**
 * A JSON value that keeps what `JSON.parse` loses: the text of every number (`3.0e2` stays `3.0e2`) and every
 * member of an object in order, duplicates included. Event patterns are read into this form before they are
 * validated and compiled, so that numbers compare the way Amazon EventBridge compares them.
 */
export type JsonNode =
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, JsonNode]> }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

/** Where and why a text is not JSON. */
export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly message: string;
}

/** Thrown internally by {@link parseJsonText}; callers turn it into an issue with a stable code. */
export class JsonSyntaxFailure {
  constructor(readonly problem: JsonSyntaxProblem) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Reads strict JSON (RFC 8259) text into a {@link JsonNode}, keeping number text and duplicate members.
 * Throws a {@link JsonSyntaxFailure} on the first syntax error.
 */
export function parseJsonText(text: string): JsonNode {
  let pos = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxFailure({ offset: pos, message });
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else return;
    }
  };
  const str = (): string => {
    // pos is on the opening quote
    pos++;
    let out = '';
    let start = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 34) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 32) fail('control character in string');
      if (c === 92) {
        out += text.slice(start, pos);
        const e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(pos, pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            pos -= 2;
            fail(`bad escape \\${e}`);
        }
        start = pos;
      } else {
        pos++;
      }
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > 512) fail('nested too deeply');
    ws();
    const c = text.charCodeAt(pos);
    if (c === 123) {
      pos++;
      const entries: Array<readonly [string, JsonNode]> = [];
      ws();
      if (text.charCodeAt(pos) === 125) {
        pos++;
        return { kind: 'object', entries };
      }
      for (;;) {
        ws();
        if (text.charCodeAt(pos) !== 34) fail('expected a member name in double quotes');
        const key = str();
        ws();
        if (text.charCodeAt(pos) !== 58) fail("expected ':' after a member name");
        pos++;
        entries.push([key, value(depth + 1)]);
        ws();
        const d = text.charCodeAt(pos);
        if (d === 44) {
          pos++;
          continue;
        }
        if (d === 125) {
          pos++;
          return { kind: 'object', entries };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === 91) {
      pos++;
      const items: JsonNode[] = [];
      ws();
      if (text.charCodeAt(pos) === 93) {
        pos++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        const d = text.charCodeAt(pos);
        if (d === 44) {
          pos++;
          continue;
        }
        if (d === 93) {
          pos++;
          return { kind: 'array', items };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === 34) return { kind: 'string', value: str() };
    if (text.startsWith('true', pos)) {
      pos += 4;
      return { kind: 'boolean', value: true };
    }
    if (text.startsWith('false', pos)) {
      pos += 5;
      return { kind: 'boolean', value: false };
    }
    if (text.startsWith('null', pos)) {
      pos += 4;
      return { kind: 'null' };
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos += m[0].length;
      return { kind: 'number', text: m[0] };
    }
    return fail(pos >= text.length ? 'unexpected end of text' : `unexpected character ${JSON.stringify(text[pos])}`);
  };
  const root = value(0);
  ws();
  if (pos < text.length) fail('unexpected text after the JSON value');
  return root;
}

/** Why a JavaScript value cannot be read as JSON, with the path of the offending part. */
export interface JsValueProblem {
  readonly path: string;
  readonly message: string;
}

/** Thrown internally by {@link fromJsValue}. */
export class JsValueFailure {
  constructor(readonly problem: JsValueProblem) {}
}

/**
 * Reads a JavaScript value (as `JSON.stringify` would see it) into a {@link JsonNode}. Numbers keep the text
 * `String(n)` gives them, bigints their exact digits. Object members whose value is `undefined` are left out, as
 * `JSON.stringify` does; anything else that has no JSON form throws a {@link JsValueFailure}.
 */
export function fromJsValue(value: unknown, path = ''): JsonNode {
  switch (typeof value) {
    case 'string':
      return { kind: 'string', value };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'number':
      if (!Number.isFinite(value)) {
        throw new JsValueFailure({ path, message: `${String(value)} has no JSON form; use a finite number.` });
      }
      return { kind: 'number', text: String(value) };
    case 'bigint':
      return { kind: 'number', text: value.toString() };
    case 'object': {
      if (value === null) return { kind: 'null' };
      if (Array.isArray(value)) {
        return { kind: 'array', items: value.map((v, i) => fromJsValue(v, `${path}[${i}]`)) };
      }
      const json = (value as { toJSON?: () => unknown }).toJSON;
      if (typeof json === 'function') return fromJsValue(json.call(value), path);
      const entries: Array<readonly [string, JsonNode]> = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined) continue;
        entries.push([k, fromJsValue(v, path ? `${path}.${k}` : k)]);
      }
      return { kind: 'object', entries };
    }
    default:
      throw new JsValueFailure({ path, message: `a ${typeof value} has no JSON form.` });
  }
}

/** Writes a {@link JsonNode} back as compact JSON text, numbers exactly as they were read. */
export function stringifyJsonNode(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${stringifyJsonNode(v)}`).join(',')}}`;
    case 'array':
      return `[${node.items.map(stringifyJsonNode).join(',')}]`;
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}
