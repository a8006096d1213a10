import { compileEventPattern, EventPatternSet } from '../../../lib/pattern';

describe('EventPatternSet', () => {
  const rules = {
    highValue: { source: ['order-service'], detail: { amount: [{ numeric: ['>', 1000] }] } },
    vip: '{"detail": {"customerId": [{"prefix": "VIP-"}]}}',
    lineItems: { detail: { items: { sku: ['A'], qty: [2] } } },
    either: { $or: [{ region: ['eu-west-1'] }, { 'detail-type': ['OrderPlaced'] }] },
  };
  const set = new EventPatternSet(rules);

  it.each([
    ['{"source":"order-service","detail":{"amount":1.5e3,"customerId":"VIP-1"}}', ['highValue', 'vip']],
    ['{"region":"eu-west-1","detail":{"items":[{"sku":"A","qty":2}]}}', ['lineItems', 'either']],
    ['{"detail":{"items":[{"sku":"A","qty":1},{"sku":"B","qty":2}]}}', []],
  ])('returns the rules that match %s, in the order given', (event, expected) => {
    expect(set.matchingRules(event)).toEqual(expected);
    expect(set.matchingRules(JSON.parse(event) as object)).toEqual(expected);
  });

  it('agrees with each rule compiled on its own', () => {
    const events = [
      { source: 'order-service', detail: { amount: 5000, customerId: 'X' }, region: 'us-east-1' },
      { 'detail-type': 'OrderPlaced', detail: { customerId: 'VIP-7', items: [] } },
    ];
    for (const event of events) {
      const alone = Object.entries(rules)
        .filter(([, pattern]) => compileEventPattern(pattern).matches(event))
        .map(([name]) => name);
      expect(set.matchingRules(event)).toEqual(alone);
    }
  });

  it('agrees with each rule alone when rules are pre-filtered by their exact-string fields', () => {
    const keyed = {
      one: { source: ['a'], n: [1] },
      two: { source: ['a', 'b'], kind: ['x'] },
      numberText: { source: ['1'] },
      anythingBut: { source: ['a', { 'anything-but': 'z' }] },
      missing: { source: ['a'], gone: [{ exists: false }] },
      orRule: { $or: [{ source: ['c'] }, { kind: ['x'] }] },
      inArray: { items: { sku: ['s1'], qty: [2] } },
      dotted: { 'detail.type': ['t'] },
    };
    const keyedSet = new EventPatternSet(keyed);
    const events: object[] = [
      { source: 'a', n: 1, kind: 'x' },
      { source: 'b', kind: 'x', gone: 1 },
      { source: 1 },
      { source: '1' },
      { source: ['z', 'a'], n: [1, 2] },
      { source: 'z', kind: 'y' },
      { source: 'c' },
      {
        items: [
          { sku: 's1', qty: 1 },
          { sku: 's2', qty: 2 },
        ],
      },
      { items: [{ sku: 's1', qty: 2 }] },
      { 'detail.type': 't' },
      { detail: { type: 't' } },
      {},
    ];
    for (const event of events) {
      const alone = Object.entries(keyed)
        .filter(([, pattern]) => compileEventPattern(pattern).matches(event))
        .map(([name]) => name);
      expect(keyedSet.matchingRules(event)).toEqual(alone);
      expect(keyedSet.matchingRules(JSON.stringify(event))).toEqual(alone);
    }
  });

  it('reports the issues of every invalid rule, prefixed with the rule name', () => {
    expect(() => new EventPatternSet({ ok: { a: ['x'] }, bad: { a: [] }, worse: '{"b": 1}' })).toThrow(
      expect.objectContaining({
        code: 'MULTIPLE_ISSUES',
        path: 'EventPatternSet',
        issues: [
          expect.objectContaining({ code: 'PATTERN_EMPTY_ARRAY', path: 'bad.a' }),
          expect.objectContaining({ code: 'PATTERN_LEAF_NOT_ARRAY', path: 'worse.b' }),
        ],
      }),
    );
  });
});
