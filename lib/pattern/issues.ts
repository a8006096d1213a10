import type { EventformIssue } from '../errors';

/**
 * One reason Amazon EventBridge would reject an event pattern: a stable `code` (one of {@link PatternIssueCode}),
 * the `path` inside the pattern (`detail.amount[0].numeric`, `$or[1].source`; absent for the pattern as a whole)
 * and a message that shows the value received, what is allowed and how to fix it.
 */
export interface PatternIssue extends EventformIssue {
  readonly code: PatternIssueCode;
}

/**
 * Codes of {@link PatternIssue}s, one per kind of problem.
 *
 * | code | problem |
 * |---|---|
 * | `PATTERN_INVALID_JSON` | the pattern text is not JSON |
 * | `PATTERN_INVALID_VALUE` | a JavaScript value with no JSON form, or an array element that is an array |
 * | `PATTERN_NOT_OBJECT` | the pattern is not a JSON object |
 * | `PATTERN_TOO_LONG` | the pattern is longer than 2,048 characters |
 * | `PATTERN_EMPTY_OBJECT` | an object (or a match expression) with no members |
 * | `PATTERN_EMPTY_ARRAY` | a value list or operand list with no elements |
 * | `PATTERN_LEAF_NOT_ARRAY` | a field's value is neither an object nor an array |
 * | `PATTERN_UNKNOWN_OPERATOR` | an operator EventBridge does not know (`prefx`) |
 * | `PATTERN_OPERATOR_MULTIPLE_KEYS` | a match expression with more than one key |
 * | `PATTERN_OPERAND_TYPE` | an operand of the wrong type (`{"prefix": 3}`) |
 * | `PATTERN_NUMERIC_SYNTAX` | a `numeric` expression that is not `[op, n]` or `[">"/">=", n, "<"/"<=", n]` |
 * | `PATTERN_NUMERIC_RANGE_ORDER` | a numeric range whose lower bound is not below its upper bound |
 * | `PATTERN_NUMBER_NOT_COMPARABLE` | a number EventBridge cannot compare exactly (beyond double precision) |
 * | `PATTERN_ANYTHING_BUT_MIXED_TYPES` | an `anything-but` list mixing strings and numbers |
 * | `PATTERN_ANYTHING_BUT_EMPTY_AFFIX` | `anything-but` with a `prefix` or `suffix` of `""` |
 * | `PATTERN_WILDCARD_CONSECUTIVE` | a wildcard with `**` |
 * | `PATTERN_WILDCARD_ESCAPE` | a backslash in a wildcard not followed by `*` or `\` |
 * | `PATTERN_CIDR_INVALID` | a `cidr` value that is not an IPv4 or IPv6 block |
 * | `PATTERN_OR_NOT_ARRAY` | `$or` whose value is not an array of objects |
 * | `PATTERN_OR_TOO_FEW` | `$or` with fewer than two alternatives |
 * | `PATTERN_OR_RESERVED_FIELD` | an operator name used as a field name inside `$or` |
 *
 * Matching and the test helpers throw three more codes, about events rather than patterns:
 * `PATTERN_EVENT_INVALID` (the event is not a JSON object), `PATTERN_EVENT_NOT_MATCHED` and `PATTERN_EVENT_MATCHED`
 * (from {@link assertEventMatches} and {@link assertEventDoesNotMatch}).
 */
export type PatternIssueCode = (typeof PATTERN_ISSUE_CODES)[number];

/** Every {@link PatternIssueCode}, in the order of the table above. */
export const PATTERN_ISSUE_CODES = [
  'PATTERN_INVALID_JSON',
  'PATTERN_INVALID_VALUE',
  'PATTERN_NOT_OBJECT',
  'PATTERN_TOO_LONG',
  'PATTERN_EMPTY_OBJECT',
  'PATTERN_EMPTY_ARRAY',
  'PATTERN_LEAF_NOT_ARRAY',
  'PATTERN_UNKNOWN_OPERATOR',
  'PATTERN_OPERATOR_MULTIPLE_KEYS',
  'PATTERN_OPERAND_TYPE',
  'PATTERN_NUMERIC_SYNTAX',
  'PATTERN_NUMERIC_RANGE_ORDER',
  'PATTERN_NUMBER_NOT_COMPARABLE',
  'PATTERN_ANYTHING_BUT_MIXED_TYPES',
  'PATTERN_ANYTHING_BUT_EMPTY_AFFIX',
  'PATTERN_WILDCARD_CONSECUTIVE',
  'PATTERN_WILDCARD_ESCAPE',
  'PATTERN_CIDR_INVALID',
  'PATTERN_OR_NOT_ARRAY',
  'PATTERN_OR_TOO_FEW',
  'PATTERN_OR_RESERVED_FIELD',
] as const;

/** Maximum length of an event pattern in characters (EventBridge's default quota). */
export const MAX_EVENT_PATTERN_LENGTH = 2048;
