import { EventformError } from '../errors';
import { Compiler, describe, type RuleMap, type SubRule } from './compiler';
import type { FieldTest } from './field-test';
import { MAX_EVENT_PATTERN_LENGTH, type PatternIssue } from './issues';
import {
  fromJsValue,
  JsValueFailure,
  JsonSyntaxFailure,
  parseJsonText,
  stringifyJsonNode,
  type JsonNode,
} from './json-node';

/** The outcome of reading and checking a pattern: its branches, or the issues that make EventBridge reject it. */
export interface PatternAnalysis {
  readonly issues: PatternIssue[];
  readonly subRules: SubRule[];
  /** The pattern as read (numbers keep their text), when it could be read at all. */
  readonly node?: JsonNode;
}

/** Reads a pattern given as JSON text or as a JavaScript object, keeping number text. */
function read(pattern: unknown): { node?: JsonNode; issues: PatternIssue[] } {
  const issues: PatternIssue[] = [];
  let node: JsonNode | undefined;
  let length: number;
  if (typeof pattern === 'string') {
    length = pattern.length;
    try {
      node = parseJsonText(pattern);
    } catch (e) {
      if (!(e instanceof JsonSyntaxFailure)) throw e;
      issues.push({
        code: 'PATTERN_INVALID_JSON',
        message: `the pattern is not valid JSON: ${e.problem.message} at character ${e.problem.offset}.`,
      });
    }
  } else {
    try {
      node = fromJsValue(pattern);
    } catch (e) {
      if (!(e instanceof JsValueFailure)) throw e;
      issues.push({
        code: 'PATTERN_INVALID_VALUE',
        ...(e.problem.path ? { path: e.problem.path } : {}),
        message: `the pattern is not JSON: ${e.problem.message}`,
      });
      return { issues };
    }
    length = stringifyJsonNode(node).length;
  }
  if (length > MAX_EVENT_PATTERN_LENGTH) {
    issues.push({
      code: 'PATTERN_TOO_LONG',
      message:
        `the pattern is ${length} characters long; EventBridge accepts at most ${MAX_EVENT_PATTERN_LENGTH}. ` +
        'Split it into several rules or shorten value lists (prefix, wildcard).',
    });
  }
  return { node, issues };
}

/** Reads, checks and compiles an event pattern. Never throws for bad input: problems come back as issues. */
export function analyzePattern(pattern: unknown): PatternAnalysis {
  const { node, issues } = read(pattern);
  if (!node) return { issues, subRules: [] };
  if (node.kind !== 'object') {
    issues.push({
      code: 'PATTERN_NOT_OBJECT',
      message: `an event pattern must be a JSON object such as {"source": ["my.app"]}; got ${describe(node)}.`,
    });
    return { issues, node, subRules: [] };
  }
  const compiler = new Compiler();
  const rules: RuleMap[] = [];
  compiler.object(rules, [], node, '', false);
  issues.push(...compiler.issues);
  const subRules = issues.length
    ? []
    : rules.map((rule) => {
        const names = [...rule.keys()].sort();
        return { names, tests: names.map((n) => rule.get(n) as FieldTest) };
      });
  return { issues, node, subRules };
}

/** Reads and checks a pattern for compiling, throwing one `EventformError` with every issue. */
export function compileOrThrow(pattern: unknown, path = 'eventPattern'): { text: string; subRules: SubRule[] } {
  const analysis = analyzePattern(pattern);
  if (analysis.issues.length > 0 || !analysis.node) throw new EventformError(analysis.issues, path);
  return { text: stringifyJsonNode(analysis.node), subRules: analysis.subRules };
}
