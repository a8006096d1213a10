import { isEventformError } from '../../../lib/errors';
import {
  compileEventPattern,
  matchEvent,
  MAX_EVENT_PATTERN_LENGTH,
  PATTERN_ISSUE_CODES,
  validateEventPattern,
  type PatternIssueCode,
} from '../../../lib/pattern';

/** [pattern (JSON text or object), code, path, message pattern] */
const rejections: Array<[string | object, PatternIssueCode, string | undefined, RegExp]> = [
  ['{"a": ["x"]', 'PATTERN_INVALID_JSON', undefined, /not valid JSON: expected ',' or '}' at character 11/],
  [{ a: [Number.NaN] }, 'PATTERN_INVALID_VALUE', 'a[0]', /NaN has no JSON form/],
  ['{"a": [["x"]]}', 'PATTERN_INVALID_VALUE', 'a[0]', /got the array \["x"\]/],
  ['[1, 2]', 'PATTERN_NOT_OBJECT', undefined, /must be a JSON object.*got \[1,2\]/],
  ['"source"', 'PATTERN_NOT_OBJECT', undefined, /got "source"/],
  [{ a: ['x'.repeat(MAX_EVENT_PATTERN_LENGTH)] }, 'PATTERN_TOO_LONG', undefined, /2058 characters long.*at most 2048/],
  ['{}', 'PATTERN_EMPTY_OBJECT', undefined, /Empty objects are not allowed/],
  ['{"detail": {}}', 'PATTERN_EMPTY_OBJECT', 'detail', /Empty objects/],
  ['{"a": [{}]}', 'PATTERN_EMPTY_OBJECT', 'a[0]', /exactly one operator/],
  ['{"a": []}', 'PATTERN_EMPTY_ARRAY', 'a', /Empty arrays are not allowed/],
  ['{"a": [{"anything-but": []}]}', 'PATTERN_EMPTY_ARRAY', 'a[0].anything-but', /at least one/],
  ['{"a": [{"anything-but": {"prefix": []}}]}', 'PATTERN_EMPTY_ARRAY', 'a[0].anything-but.prefix', /at least one/],
  ['{"a": "x"}', 'PATTERN_LEAF_NOT_ARRAY', 'a', /"a" must be an object or an array.*got "x".*"a": \["x"\]/],
  ['{"d": {"a": 1}}', 'PATTERN_LEAF_NOT_ARRAY', 'd.a', /got 1/],
  ['{"a": [{"prefx": "x"}]}', 'PATTERN_UNKNOWN_OPERATOR', 'a[0].prefx', /not an EventBridge operator.*"prefix"\?/],
  ['{"a": [{"Numeric": [">", 1]}]}', 'PATTERN_UNKNOWN_OPERATOR', 'a[0].Numeric', /Did you mean "numeric"\?/],
  ['{"a": [{"prefix": {"ignore-case": "x"}}]}', 'PATTERN_UNKNOWN_OPERATOR', 'a[0].prefix.ignore-case', /only/],
  [
    '{"a": [{"anything-but": {"numeric": [">", 1]}}]}',
    'PATTERN_UNKNOWN_OPERATOR',
    'a[0].anything-but.numeric',
    /prefix, suffix, wildcard/,
  ],
  [
    '{"a": [{"prefix": "x", "suffix": "y"}]}',
    'PATTERN_OPERATOR_MULTIPLE_KEYS',
    'a[0]',
    /got 2 keys \(prefix, suffix\)/,
  ],
  [
    '{"a": [{"anything-but": {"prefix": "x", "suffix": "y"}}]}',
    'PATTERN_OPERATOR_MULTIPLE_KEYS',
    'a[0].anything-but',
    /exactly one/,
  ],
  ['{"a": [{"prefix": 3}]}', 'PATTERN_OPERAND_TYPE', 'a[0].prefix', /prefix must be a string.*got 3/],
  ['{"a": [{"suffix": ["x"]}]}', 'PATTERN_OPERAND_TYPE', 'a[0].suffix', /suffix must be a string/],
  ['{"a": [{"equals-ignore-case": 5}]}', 'PATTERN_OPERAND_TYPE', 'a[0].equals-ignore-case', /must be a string/],
  ['{"a": [{"wildcard": 5}]}', 'PATTERN_OPERAND_TYPE', 'a[0].wildcard', /must be a string/],
  ['{"a": [{"exists": "yes"}]}', 'PATTERN_OPERAND_TYPE', 'a[0].exists', /true or false; got "yes"/],
  ['{"a": [{"cidr": 10}]}', 'PATTERN_OPERAND_TYPE', 'a[0].cidr', /cidr must be a string/],
  ['{"a": [{"numeric": 5}]}', 'PATTERN_OPERAND_TYPE', 'a[0].numeric', /must be an array/],
  ['{"a": [{"numeric": [">", "5"]}]}', 'PATTERN_OPERAND_TYPE', 'a[0].numeric[1]', /must be a number; got "5"/],
  ['{"a": [{"anything-but": true}]}', 'PATTERN_OPERAND_TYPE', 'a[0].anything-but', /got true/],
  ['{"a": [{"anything-but": [null]}]}', 'PATTERN_OPERAND_TYPE', 'a[0].anything-but[0]', /only strings or only numbers/],
  ['{"a": [{"anything-but": {"suffix": 1}}]}', 'PATTERN_OPERAND_TYPE', 'a[0].anything-but.suffix', /string/],
  ['{"a": [{"numeric": ["<>", 1]}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric', /"<>" is not a numeric operator/],
  ['{"a": [{"numeric": []}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric', /an empty list/],
  ['{"a": [{"numeric": [">"]}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric[1]', /needs a number/],
  ['{"a": [{"numeric": ["<", 1, ">", 0]}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric', /cannot start a range/],
  ['{"a": [{"numeric": [">", 0, ">", 1]}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric', /continue with "<" or "<="/],
  ['{"a": [{"numeric": [">", 0, "<", 1, "<", 2]}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric', /at most four terms/],
  ['{"a": [{"numeric": [">", 0, "<"]}]}', 'PATTERN_NUMERIC_SYNTAX', 'a[0].numeric', /four terms; got three/],
  [
    '{"a": [{"numeric": [">", 5, "<", 1]}]}',
    'PATTERN_NUMERIC_RANGE_ORDER',
    'a[0].numeric',
    /lower bound 5 must be below the upper bound 1/,
  ],
  ['{"a": [{"numeric": [">=", 1, "<=", 1]}]}', 'PATTERN_NUMERIC_RANGE_ORDER', 'a[0].numeric', /must be below/],
  [
    '{"a": [{"numeric": ["=", 2.0e422]}]}',
    'PATTERN_NUMBER_NOT_COMPARABLE',
    'a[0].numeric[1]',
    /2\.0e422 cannot be compared/,
  ],
  ['{"a": [{"numeric": ["<", 0.30000000000000001]}]}', 'PATTERN_NUMBER_NOT_COMPARABLE', 'a[0].numeric[1]', /double/],
  ['{"a": [{"anything-but": [1e400]}]}', 'PATTERN_NUMBER_NOT_COMPARABLE', 'a[0].anything-but[0]', /1e400/],
  [
    '{"a": [{"anything-but": ["x", 1]}]}',
    'PATTERN_ANYTHING_BUT_MIXED_TYPES',
    'a[0].anything-but',
    /all strings or all numbers/,
  ],
  [
    '{"a": [{"anything-but": {"prefix": ""}}]}',
    'PATTERN_ANYTHING_BUT_EMPTY_AFFIX',
    'a[0].anything-but.prefix',
    /cannot be ""/,
  ],
  [
    '{"a": [{"anything-but": {"suffix": ["x", ""]}}]}',
    'PATTERN_ANYTHING_BUT_EMPTY_AFFIX',
    'a[0].anything-but.suffix[1]',
    /suffix cannot be ""/,
  ],
  [
    '{"a": [{"wildcard": "a**b"}]}',
    'PATTERN_WILDCARD_CONSECUTIVE',
    'a[0].wildcard',
    /consecutive wildcard characters at position 1/,
  ],
  [
    '{"a": [{"anything-but": {"wildcard": "**"}}]}',
    'PATTERN_WILDCARD_CONSECUTIVE',
    'a[0].anything-but.wildcard',
    /consecutive/,
  ],
  ['{"a": [{"wildcard": "he\\\\llo"}]}', 'PATTERN_WILDCARD_ESCAPE', 'a[0].wildcard', /backslash at position 2/],
  ['{"a": [{"cidr": "10.0.0.0"}]}', 'PATTERN_CIDR_INVALID', 'a[0].cidr', /exactly one '\/'/],
  ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'PATTERN_CIDR_INVALID', 'a[0].cidr', /IPv4 mask bits must be below 32/],
  ['{"a": [{"cidr": "2001:db8::/128"}]}', 'PATTERN_CIDR_INVALID', 'a[0].cidr', /IPv6 mask bits must be below 128/],
  ['{"a": [{"cidr": "10.0.0.256/8"}]}', 'PATTERN_CIDR_INVALID', 'a[0].cidr', /not an IPv4 or IPv6 address/],
  ['{"a": [{"cidr": "10.0.0.0/x"}]}', 'PATTERN_CIDR_INVALID', 'a[0].cidr', /must be an integer/],
  ['{"a": [{"cidr": "10.0.0.0/-1"}]}', 'PATTERN_CIDR_INVALID', 'a[0].cidr', /must not be negative/],
  ['{"$or": "x"}', 'PATTERN_OR_NOT_ARRAY', '$or', /array of at least two objects/],
  ['{"$or": [{"a": ["x"]}, "b"]}', 'PATTERN_OR_NOT_ARRAY', '$or[1]', /must be an object/],
  ['{"$or": [{"a": ["x"]}]}', 'PATTERN_OR_TOO_FEW', '$or', /at least two alternatives; got 1/],
  ['{"$or": [{"prefix": ["x"]}, {"a": ["y"]}]}', 'PATTERN_OR_RESERVED_FIELD', '$or[0].prefix', /operator name/],
];

describe('validateEventPattern', () => {
  const labelled = rejections.map(([pattern, ...rest]) => {
    const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
    return [text.length > 70 ? `${text.slice(0, 67)}...` : text, ...rest, pattern] as const;
  });
  it.each(labelled)('%s -> %s at %s', (_label, code, path, message, pattern) => {
    const issues = validateEventPattern(pattern);
    const issue = issues.find((i) => i.code === code);
    expect(issue).toBeDefined();
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it.each([
    ['{"source": ["aws.ec2"], "detail": {"state": ["running", {"anything-but": "x"}]}}'],
    ['{"a": [{"numeric": [">=", -1e9, "<", 5e9]}], "b": [1, "1", true, null, ""]}'],
    ['{"a": [{"prefix": ""}], "b": [{"suffix": {"equals-ignore-case": "X"}}], "c": [{"exists": false}]}'],
    ['{"$or": [{"a": ["x"]}, {"b": {"$or": [{"c": ["y"]}, {"d": [{"cidr": "2001:db8::/32"}]}]}}]}'],
    ['{"a": [{"anything-but": {"wildcard": ["*.tmp", "a\\\\*"]}}], "b": [{"anything-but": [1, 2.5]}]}'],
    ['{"a": [{"wildcard": "a\\\\\\\\b*"}], "b": [123456789012345678901234567890]}'],
  ])('accepts %s', (pattern) => {
    expect(validateEventPattern(pattern)).toEqual([]);
  });

  it('has a rejection case for every issue code', () => {
    expect([...new Set(rejections.map(([, code]) => code))].sort()).toEqual([...PATTERN_ISSUE_CODES].sort());
  });

  it('reports every issue of a pattern, not only the first', () => {
    const codes = validateEventPattern({
      a: [],
      b: [{ prefx: 'x' }],
      detail: { c: [{ numeric: ['>', 5, '<', 1] }], d: 'plain' },
    }).map((i) => `${i.code}@${i.path}`);
    expect(codes).toEqual([
      'PATTERN_EMPTY_ARRAY@a',
      'PATTERN_UNKNOWN_OPERATOR@b[0].prefx',
      'PATTERN_NUMERIC_RANGE_ORDER@detail.c[0].numeric',
      'PATTERN_LEAF_NOT_ARRAY@detail.d',
    ]);
  });

  it('counts the length of JSON text as given and of objects as compact JSON', () => {
    const padded = `{"a": ["x"]${' '.repeat(MAX_EVENT_PATTERN_LENGTH)}}`;
    expect(validateEventPattern(padded).map((i) => i.code)).toEqual(['PATTERN_TOO_LONG']);
    expect(validateEventPattern({ a: ['x'.repeat(MAX_EVENT_PATTERN_LENGTH - 10)] })).toEqual([]);
  });

  it('skips undefined members of objects, as JSON.stringify does', () => {
    expect(validateEventPattern({ a: ['x'], b: undefined })).toEqual([]);
  });
});

describe('compileEventPattern and matchEvent on invalid input', () => {
  it('throw one EventformError with every issue', () => {
    expect.assertions(5);
    try {
      compileEventPattern({ a: [], b: 'x' });
    } catch (e) {
      expect(isEventformError(e)).toBe(true);
      if (!isEventformError(e)) return;
      expect(e.code).toBe('MULTIPLE_ISSUES');
      expect(e.path).toBe('eventPattern');
      expect(e.issues.map((i) => i.code)).toEqual(['PATTERN_EMPTY_ARRAY', 'PATTERN_LEAF_NOT_ARRAY']);
      expect(e.message).toMatch(/2 problems/);
    }
  });

  it.each([
    ['[1]', /an event must be a JSON object/],
    ['{"a": "x"', /the event is not valid JSON: expected ',' or '}'/],
    ['{"a": "x"} extra', /unexpected text after the event object/],
    ['{"a": tru}', /unexpected character/],
    ['{"a": "unterminated', /unterminated/],
    ['{"b": {"c": [1, 2}', /unterminated object or array|expected/],
  ])('reject the event %s with PATTERN_EVENT_INVALID', (event, message) => {
    expect(() => matchEvent({ a: ['x'] }, event)).toThrow(
      expect.objectContaining({ code: 'PATTERN_EVENT_INVALID', message: expect.stringMatching(message) }),
    );
  });

  it('rejects an event object that is an array', () => {
    expect(() => matchEvent({ a: ['x'] }, ['x'])).toThrow(
      expect.objectContaining({ code: 'PATTERN_EVENT_INVALID', message: expect.stringMatching(/got an array/) }),
    );
  });
});
