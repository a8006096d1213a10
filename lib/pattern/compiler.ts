import { show } from '../validation';
import { FieldTest, type AnythingBut } from './field-test';
import { parseCidr, ipHex } from './ip';
import type { PatternIssue, PatternIssueCode } from './issues';
import { stringifyJsonNode, type JsonNode } from './json-node';
import { comparableNumber } from './numbers';
import { ANYTHING_BUT_OPERATORS, OPERATORS, RESERVED_IN_OR, suggestion } from './operator-names';
import { caseInsensitiveMatcher, Wildcard, wildcardProblem } from './text-matchers';

/** One branch of a pattern after `$or` is expanded: field names (dot-joined, sorted) and what each accepts. */
export interface SubRule {
  readonly names: readonly string[];
  readonly tests: readonly FieldTest[];
}

/** A value as messages show it: strings quoted, long values shortened. */
export function describe(node: JsonNode): string {
  if (node.kind === 'string') return show(node.value);
  const text = stringifyJsonNode(node);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

const child = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** One branch while compiling: dot-joined field name to what it accepts. */
export type RuleMap = Map<string, FieldTest>;

/** Walks a pattern as event-ruler's JsonRuleCompiler does, collecting issues and the fields of each branch. */
export class Compiler {
  readonly issues: PatternIssue[] = [];

  private add(code: PatternIssueCode, path: string, message: string): void {
    this.issues.push(path ? { code, path, message } : { code, message });
  }

  object(
    rules: RuleMap[],
    segments: readonly string[],
    node: JsonNode & { kind: 'object' },
    path: string,
    inOr: boolean,
  ) {
    if (node.entries.length === 0) {
      this.add(
        'PATTERN_EMPTY_OBJECT',
        path,
        'Empty objects are not allowed; add at least one field, or remove the object.',
      );
      return;
    }
    for (const [key, value] of node.entries) {
      const at = child(path, key);
      if (key === '$or' && value.kind !== 'object') {
        this.or(rules, segments, value, at);
        continue;
      }
      if (inOr && RESERVED_IN_OR.has(key)) {
        this.add(
          'PATTERN_OR_RESERVED_FIELD',
          at,
          `"${key}" is an operator name and cannot be a field name inside $or; an operator belongs in a value ` +
            `list such as "field": [{ "${key}": ... }].`,
        );
        continue;
      }
      if (value.kind === 'object') {
        this.object(rules, [...segments, key], value, at, inOr);
      } else if (value.kind === 'array') {
        const test = this.values(value, at);
        if (test) {
          if (rules.length === 0) rules.push(new Map());
          const name = [...segments, key].join('.');
          for (const rule of rules) rule.set(name, test);
        }
      } else {
        this.add(
          'PATTERN_LEAF_NOT_ARRAY',
          at,
          `"${key}" must be an object or an array of values; got ${describe(value)}. Wrap the value in an array: ` +
            `"${key}": [${describe(value)}].`,
        );
      }
    }
  }

  private or(rules: RuleMap[], segments: readonly string[], node: JsonNode, path: string): void {
    if (node.kind !== 'array') {
      this.add('PATTERN_OR_NOT_ARRAY', path, `$or must be an array of at least two objects; got ${describe(node)}.`);
      return;
    }
    const before = rules.map((r) => new Map(r));
    rules.length = 0;
    node.items.forEach((item, i) => {
      if (item.kind !== 'object') {
        this.add(
          'PATTERN_OR_NOT_ARRAY',
          `${path}[${i}]`,
          `every $or alternative must be an object of fields; got ${describe(item)}.`,
        );
        return;
      }
      const branch = before.length === 0 ? [new Map()] : before.map((r) => new Map(r));
      this.object(branch, segments, item, `${path}[${i}]`, true);
      rules.push(...branch);
    });
    if (node.items.length < 2) {
      this.add(
        'PATTERN_OR_TOO_FEW',
        path,
        `$or needs at least two alternatives; got ${node.items.length}. With one alternative, put its fields ` +
          'directly in the enclosing object.',
      );
    }
  }

  private values(node: JsonNode & { kind: 'array' }, path: string): FieldTest | undefined {
    if (node.items.length === 0) {
      this.add('PATTERN_EMPTY_ARRAY', path, 'Empty arrays are not allowed; list at least one value or operator.');
      return undefined;
    }
    const before = this.issues.length;
    const test = new FieldTest();
    node.items.forEach((item, i) => {
      const at = `${path}[${i}]`;
      switch (item.kind) {
        case 'string':
          if (ipHex(item.value) !== undefined) {
            const hex = ipHex(item.value) as string;
            test.ipRanges.push({ low: hex, high: hex });
            test.hasIp = true;
          } else {
            test.strings.add(item.value);
          }
          break;
        case 'number': {
          const n = comparableNumber(item.text);
          if (n !== undefined) {
            test.numbers.add(n);
            test.hasNumeric = true;
          }
          test.numberTexts.add(item.text);
          break;
        }
        case 'boolean':
          if (item.value) test.matchTrue = true;
          else test.matchFalse = true;
          break;
        case 'null':
          test.matchNull = true;
          break;
        case 'array':
          this.add(
            'PATTERN_INVALID_VALUE',
            at,
            `a match value must be a string, number, true, false, null or an operator object; got the array ` +
              `${describe(item)}. Flatten it into the enclosing list.`,
          );
          break;
        case 'object':
          this.operator(item, at, test);
          break;
      }
    });
    return this.issues.length === before ? test : undefined;
  }

  private operator(node: JsonNode & { kind: 'object' }, path: string, test: FieldTest): void {
    if (node.entries.length === 0) {
      this.add(
        'PATTERN_EMPTY_OBJECT',
        path,
        `a match expression needs exactly one operator (${OPERATORS.slice(0, 8).join(', ')}); got {}.`,
      );
      return;
    }
    if (node.entries.length > 1) {
      this.add(
        'PATTERN_OPERATOR_MULTIPLE_KEYS',
        path,
        `a match expression takes exactly one operator; got ${node.entries.length} keys ` +
          `(${node.entries.map(([k]) => k).join(', ')}). Put each operator in its own object in the list.`,
      );
    }
    const [op, operand] = node.entries[0];
    const at = `${path}.${op}`;
    switch (op) {
      case 'exactly':
        if (this.string(operand, at, 'exactly')) test.strings.add(operand.value);
        return;
      case 'prefix':
      case 'suffix':
        if (operand.kind === 'object') {
          const value = this.ignoreCaseOperand(operand, at, op);
          if (value !== undefined) test.textTests.push(caseInsensitiveMatcher(value, op));
        } else if (this.string(operand, at, op, ' or {"equals-ignore-case": "..."}')) {
          (op === 'prefix' ? test.prefixes : test.suffixes).push(operand.value);
        }
        return;
      case 'equals-ignore-case':
        if (this.string(operand, at, op)) test.textTests.push(caseInsensitiveMatcher(operand.value, 'equals'));
        return;
      case 'wildcard':
        if (this.string(operand, at, op) && this.wildcardOk(operand.value, at)) {
          test.wildcards.push(new Wildcard(operand.value));
        }
        return;
      case 'numeric':
        this.numeric(operand, at, test);
        return;
      case 'exists':
        if (operand.kind !== 'boolean') {
          this.add('PATTERN_OPERAND_TYPE', at, `exists must be true or false; got ${describe(operand)}.`);
        } else if (operand.value) {
          test.exists = true;
        } else {
          test.absent = true;
        }
        return;
      case 'cidr':
        if (this.string(operand, at, op)) {
          const result = parseCidr(operand.value);
          if ('error' in result) {
            this.add(
              'PATTERN_CIDR_INVALID',
              at,
              `${show(operand.value)} is not a valid CIDR block: ${result.error}. Use a form such as ` +
                '"10.0.0.0/24" or "2001:db8::/32".',
            );
          } else {
            test.ipRanges.push(result.range);
            test.hasIp = true;
          }
        }
        return;
      case 'anything-but':
        this.anythingBut(operand, at, test);
        return;
      default:
        this.add(
          'PATTERN_UNKNOWN_OPERATOR',
          at,
          `"${op}" is not an EventBridge operator; use one of ${OPERATORS.slice(0, 8).join(', ')}.` +
            suggestion(op, OPERATORS),
        );
    }
  }

  private string(node: JsonNode, path: string, op: string, alternative = ''): node is JsonNode & { kind: 'string' } {
    if (node.kind === 'string') return true;
    this.add('PATTERN_OPERAND_TYPE', path, `${op} must be a string${alternative}; got ${describe(node)}.`);
    return false;
  }

  private wildcardOk(value: string, path: string): boolean {
    const problem = wildcardProblem(value);
    if (!problem) return true;
    if (problem.code === 'consecutive') {
      this.add(
        'PATTERN_WILDCARD_CONSECUTIVE',
        path,
        `${show(value)} has consecutive wildcard characters at position ${problem.position}; use a single "*".`,
      );
    } else {
      this.add(
        'PATTERN_WILDCARD_ESCAPE',
        path,
        `${show(value)} has a backslash at position ${problem.position} that escapes neither "*" nor "\\"; ` +
          'write "\\\\*" for a literal asterisk and "\\\\\\\\" for a literal backslash.',
      );
    }
    return false;
  }

  private ignoreCaseOperand(node: JsonNode & { kind: 'object' }, path: string, op: string): string | undefined {
    if (node.entries.length !== 1) {
      this.add(
        node.entries.length === 0 ? 'PATTERN_EMPTY_OBJECT' : 'PATTERN_OPERATOR_MULTIPLE_KEYS',
        path,
        `${op} takes a string or exactly {"equals-ignore-case": "..."}; got ${describe(node)}.`,
      );
      return undefined;
    }
    const [key, value] = node.entries[0];
    if (key !== 'equals-ignore-case') {
      this.add(
        'PATTERN_UNKNOWN_OPERATOR',
        `${path}.${key}`,
        `${op} supports only "equals-ignore-case" inside an object; got "${key}".` +
          suggestion(key, ['equals-ignore-case']),
      );
      return undefined;
    }
    return this.string(value, `${path}.${key}`, 'equals-ignore-case') ? value.value : undefined;
  }

  private number(node: JsonNode | undefined, path: string, what: string): number | undefined {
    if (node === undefined) {
      this.add('PATTERN_NUMERIC_SYNTAX', path, `${what} needs a number after it.`);
      return undefined;
    }
    if (node.kind !== 'number') {
      this.add('PATTERN_OPERAND_TYPE', path, `the value of ${what} must be a number; got ${describe(node)}.`);
      return undefined;
    }
    const n = comparableNumber(node.text);
    if (n === undefined) {
      this.add(
        'PATTERN_NUMBER_NOT_COMPARABLE',
        path,
        `${node.text} cannot be compared exactly: EventBridge compares numbers as IEEE-754 doubles, and this text ` +
          'is outside their range or has more precision than a double keeps. Use a number such as 1.5 or 3e2.',
      );
    }
    return n;
  }

  private numeric(node: JsonNode, path: string, test: FieldTest): void {
    if (node.kind !== 'array') {
      this.add(
        'PATTERN_OPERAND_TYPE',
        path,
        `numeric must be an array such as [">", 0, "<=", 5]; got ${describe(node)}.`,
      );
      return;
    }
    const items = node.items;
    const op = items[0];
    const syntax = (message: string): void =>
      this.add(
        'PATTERN_NUMERIC_SYNTAX',
        path,
        `${message} Use [op, n] with op one of =, <, <=, >, >=, or [">" or ">=", low, "<" or "<=", high].`,
      );
    if (!op || op.kind !== 'string' || !['=', '<', '<=', '>', '>='].includes(op.value)) {
      syntax(`${op ? describe(op) : 'an empty list'} is not a numeric operator.`);
      return;
    }
    const first = this.number(items[1], `${path}[1]`, `"${op.value}"`);
    if (op.value === '=' || op.value === '<' || op.value === '<=') {
      if (items.length > 2) {
        syntax(`"${op.value}" takes one number and cannot start a range; got ${items.length} terms.`);
        return;
      }
      if (first === undefined) return;
      if (op.value === '=') test.numbers.add(first);
      else test.intervals.push({ low: -Infinity, lowOpen: false, high: first, highOpen: op.value === '<' });
      test.hasNumeric = true;
      return;
    }
    if (items.length <= 2) {
      if (first === undefined) return;
      test.intervals.push({ low: first, lowOpen: op.value === '>', high: Infinity, highOpen: false });
      test.hasNumeric = true;
      return;
    }
    const topOp = items[2];
    if (items.length > 4) {
      syntax(`a numeric range has at most four terms; got ${items.length}.`);
      return;
    }
    if (items.length === 3 || topOp.kind !== 'string' || (topOp.value !== '<' && topOp.value !== '<=')) {
      syntax(
        items.length === 3
          ? `a range needs four terms; got three.`
          : `a range starting with "${op.value}" must continue with "<" or "<="; got ${describe(topOp)}.`,
      );
      return;
    }
    const second = this.number(items[3], `${path}[3]`, `"${topOp.value}"`);
    if (first === undefined || second === undefined) return;
    if (first >= second) {
      this.add(
        'PATTERN_NUMERIC_RANGE_ORDER',
        path,
        `the lower bound ${describe(items[1])} must be below the upper bound ${describe(items[3] as JsonNode)}; ` +
          'swap them or widen the range.',
      );
      return;
    }
    test.intervals.push({ low: first, lowOpen: op.value === '>', high: second, highOpen: topOp.value === '<' });
    test.hasNumeric = true;
  }

  private anythingBut(node: JsonNode, path: string, test: FieldTest): void {
    switch (node.kind) {
      case 'string':
        test.anythingButs.push({ kind: 'strings', values: new Set([node.value]) });
        return;
      case 'number': {
        const n = this.number(node, path, 'anything-but');
        if (n !== undefined) {
          test.anythingButs.push({ kind: 'numbers', values: new Set([n]) });
          test.hasNumeric = true;
        }
        return;
      }
      case 'array': {
        if (node.items.length === 0) {
          this.add('PATTERN_EMPTY_ARRAY', path, 'anything-but needs at least one string or number to exclude.');
          return;
        }
        const strings = new Set<string>();
        const numbers = new Set<number>();
        let hasString = false;
        let hasNumber = false;
        let ok = true;
        node.items.forEach((item, i) => {
          if (item.kind === 'string') {
            hasString = true;
            strings.add(item.value);
          } else if (item.kind === 'number') {
            hasNumber = true;
            const n = this.number(item, `${path}[${i}]`, 'anything-but');
            if (n === undefined) ok = false;
            else numbers.add(n);
          } else {
            ok = false;
            this.add(
              'PATTERN_OPERAND_TYPE',
              `${path}[${i}]`,
              `anything-but lists hold only strings or only numbers; got ${describe(item)}.`,
            );
          }
        });
        if (hasString && hasNumber) {
          this.add(
            'PATTERN_ANYTHING_BUT_MIXED_TYPES',
            path,
            `anything-but lists must be all strings or all numbers; got ${describe(node)}. Split it into two ` +
              'anything-but expressions on separate fields, or quote the numbers.',
          );
          return;
        }
        if (!ok) return;
        if (hasNumber) {
          test.anythingButs.push({ kind: 'numbers', values: numbers });
          test.hasNumeric = true;
        } else {
          test.anythingButs.push({ kind: 'strings', values: strings });
        }
        return;
      }
      case 'object':
        this.anythingButOperator(node, path, test);
        return;
      default:
        this.add(
          'PATTERN_OPERAND_TYPE',
          path,
          `anything-but takes a string, a number, a list of either, or an object with prefix, suffix, wildcard or ` +
            `equals-ignore-case; got ${describe(node)}.`,
        );
    }
  }

  private anythingButOperator(node: JsonNode & { kind: 'object' }, path: string, test: FieldTest): void {
    if (node.entries.length !== 1) {
      this.add(
        node.entries.length === 0 ? 'PATTERN_EMPTY_OBJECT' : 'PATTERN_OPERATOR_MULTIPLE_KEYS',
        path,
        `anything-but takes exactly one of ${ANYTHING_BUT_OPERATORS.join(', ')} inside an object; got ` +
          `${describe(node)}.`,
      );
      if (node.entries.length === 0) return;
    }
    const [op, operand] = node.entries[0];
    const at = `${path}.${op}`;
    if (!ANYTHING_BUT_OPERATORS.includes(op)) {
      this.add(
        'PATTERN_UNKNOWN_OPERATOR',
        at,
        `anything-but supports ${ANYTHING_BUT_OPERATORS.join(', ')} inside an object; got "${op}".` +
          suggestion(op, ANYTHING_BUT_OPERATORS),
      );
      return;
    }
    let items: Array<{ node: JsonNode; path: string }>;
    if (operand.kind === 'array') {
      if (operand.items.length === 0) {
        this.add('PATTERN_EMPTY_ARRAY', at, `anything-but ${op} needs at least one string.`);
        return;
      }
      items = operand.items.map((n, i) => ({ node: n, path: `${at}[${i}]` }));
    } else {
      items = [{ node: operand, path: at }];
    }
    const values: string[] = [];
    for (const item of items) {
      if (!this.string(item.node, item.path, `anything-but ${op}`, ' (or a list of strings)')) return;
      const value = item.node.value;
      if ((op === 'prefix' || op === 'suffix') && value === '') {
        this.add(
          'PATTERN_ANYTHING_BUT_EMPTY_AFFIX',
          item.path,
          `anything-but ${op} cannot be ""; every string has the empty ${op}, so nothing would match. Remove it.`,
        );
        return;
      }
      if (op === 'wildcard' && !this.wildcardOk(value, item.path)) return;
      values.push(value);
    }
    let clause: AnythingBut;
    switch (op) {
      case 'prefix':
      case 'suffix':
        clause = { kind: op, values };
        break;
      case 'wildcard':
        clause = { kind: 'wildcard', values: values.map((v) => new Wildcard(v)) };
        break;
      default:
        clause = { kind: 'ignore-case', values: values.map((v) => caseInsensitiveMatcher(v, 'equals')) };
    }
    test.anythingButs.push(clause);
  }
}
