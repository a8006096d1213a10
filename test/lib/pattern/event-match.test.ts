import {
  buildEventPattern,
  EventMatch,
  EventMatchAlternatives,
  matchEvent,
  validateEventPattern,
} from '../../../lib/pattern';

describe('EventMatch factories', () => {
  it.each([
    ['exactly', EventMatch.exactly('a', 1, true, null), ['a', 1, true, null]],
    ['nullValue', EventMatch.nullValue(), [null]],
    ['emptyString', EventMatch.emptyString(), ['']],
    ['prefix', EventMatch.prefix('VIP-'), [{ prefix: 'VIP-' }]],
    [
      'prefix ignoring case',
      EventMatch.prefix('vip-', { ignoreCase: true }),
      [{ prefix: { 'equals-ignore-case': 'vip-' } }],
    ],
    ['suffix', EventMatch.suffix('.png'), [{ suffix: '.png' }]],
    [
      'suffix ignoring case',
      EventMatch.suffix('.png', { ignoreCase: true }),
      [{ suffix: { 'equals-ignore-case': '.png' } }],
    ],
    ['equalsIgnoreCase', EventMatch.equalsIgnoreCase('Done'), [{ 'equals-ignore-case': 'Done' }]],
    ['wildcard', EventMatch.wildcard('*/orders/*'), [{ wildcard: '*/orders/*' }]],
    ['anythingBut one string', EventMatch.anythingBut('x'), [{ 'anything-but': 'x' }]],
    ['anythingBut strings', EventMatch.anythingBut('x', 'y'), [{ 'anything-but': ['x', 'y'] }]],
    ['anythingBut numbers', EventMatch.anythingBut(1, 2), [{ 'anything-but': [1, 2] }]],
    ['anythingButPrefix', EventMatch.anythingButPrefix('init'), [{ 'anything-but': { prefix: 'init' } }]],
    ['anythingButSuffix', EventMatch.anythingButSuffix('.a', '.b'), [{ 'anything-but': { suffix: ['.a', '.b'] } }]],
    ['anythingButWildcard', EventMatch.anythingButWildcard('*test*'), [{ 'anything-but': { wildcard: '*test*' } }]],
    [
      'anythingButEqualsIgnoreCase',
      EventMatch.anythingButEqualsIgnoreCase('done'),
      [{ 'anything-but': { 'equals-ignore-case': 'done' } }],
    ],
    ['numeric', EventMatch.numeric('>', 1000), [{ numeric: ['>', 1000] }]],
    ['numeric range', EventMatch.numeric('>', 0, '<=', 5), [{ numeric: ['>', 0, '<=', 5] }]],
    ['between', EventMatch.between(1, 2), [{ numeric: ['>=', 1, '<=', 2] }]],
    [
      'between, open',
      EventMatch.between(1, 2, { lowInclusive: false, highInclusive: false }),
      [{ numeric: ['>', 1, '<', 2] }],
    ],
    ['exists', EventMatch.exists(), [{ exists: true }]],
    ['exists false', EventMatch.exists(false), [{ exists: false }]],
    ['cidr', EventMatch.cidr('10.0.0.0/24'), [{ cidr: '10.0.0.0/24' }]],
    ['anyOf', EventMatch.anyOf(EventMatch.prefix('a'), EventMatch.exists(false)), [{ prefix: 'a' }, { exists: false }]],
  ])('%s', (_name, match, values) => {
    expect(match.values).toEqual(values);
    expect(JSON.parse(JSON.stringify(match))).toEqual(values);
  });

  it.each([
    ['exactly()', () => EventMatch.exactly(), 'PATTERN_EMPTY_ARRAY', /Empty arrays/],
    ['wildcard("a**")', () => EventMatch.wildcard('a**'), 'PATTERN_WILDCARD_CONSECUTIVE', /consecutive/],
    ['wildcard("a\\\\b")', () => EventMatch.wildcard('a\\b'), 'PATTERN_WILDCARD_ESCAPE', /backslash/],
    [
      'anythingButPrefix("")',
      () => EventMatch.anythingButPrefix(''),
      'PATTERN_ANYTHING_BUT_EMPTY_AFFIX',
      /cannot be ""/,
    ],
    ['anythingBut()', () => EventMatch.anythingBut(), 'PATTERN_EMPTY_ARRAY', /at least one/],
    ['numeric(">", 5, "<", 1)', () => EventMatch.numeric('>', 5, '<', 1), 'PATTERN_NUMERIC_RANGE_ORDER', /below/],
    ['numeric(">", NaN)', () => EventMatch.numeric('>', Number.NaN), 'PATTERN_INVALID_VALUE', /NaN/],
    ['between(2, 1)', () => EventMatch.between(2, 1), 'PATTERN_NUMERIC_RANGE_ORDER', /below/],
    ['cidr("10.0.0.0/40")', () => EventMatch.cidr('10.0.0.0/40'), 'PATTERN_CIDR_INVALID', /below 32/],
    ['prefix(3) from JavaScript', () => EventMatch.prefix(3 as unknown as string), 'PATTERN_OPERAND_TYPE', /string/],
    ['or with one alternative', () => EventMatch.or({ a: 'x' }), 'PATTERN_OR_TOO_FEW', /at least two/],
  ])('%s throws where it is called', (_name, call, code, message) => {
    expect(call).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });

  it('names the factory in the error path', () => {
    expect(() => EventMatch.wildcard('**')).toThrow(expect.objectContaining({ path: 'EventMatch.wildcard' }));
  });
});

describe('buildEventPattern', () => {
  it('turns plain values, lists, matches and nested objects into pattern JSON', () => {
    expect(
      buildEventPattern({
        source: 'order-service',
        'detail-type': ['OrderPlaced', 'OrderUpdated'],
        region: [EventMatch.prefix('eu-'), 'us-east-1'],
        detail: { amount: EventMatch.numeric('>', 1000), note: null },
      }),
    ).toEqual({
      source: ['order-service'],
      'detail-type': ['OrderPlaced', 'OrderUpdated'],
      region: [{ prefix: 'eu-' }, 'us-east-1'],
      detail: { amount: [{ numeric: ['>', 1000] }], note: [null] },
    });
  });

  it('writes EventMatch.or as $or, at the top and inside a field', () => {
    const alternatives = EventMatch.or(
      { amount: EventMatch.numeric('>', 1000) },
      { customerId: EventMatch.prefix('VIP-') },
    );
    expect(alternatives).toBeInstanceOf(EventMatchAlternatives);
    const nested = buildEventPattern({ source: 'order-service', detail: alternatives });
    expect(nested).toEqual({
      source: ['order-service'],
      detail: { $or: [{ amount: [{ numeric: ['>', 1000] }] }, { customerId: [{ prefix: 'VIP-' }] }] },
    });
    expect(matchEvent(nested, { source: 'order-service', detail: { customerId: 'VIP-1', amount: 5 } })).toBe(true);
    expect(buildEventPattern(EventMatch.or({ a: 'x' }, { b: 'y' }))).toEqual({ $or: [{ a: ['x'] }, { b: ['y'] }] });
    expect(buildEventPattern({ $or: [{ a: 'x' }, { b: ['y'] }] })).toEqual({ $or: [{ a: ['x'] }, { b: ['y'] }] });
  });

  it('produces patterns the validator accepts and that match as intended', () => {
    const pattern = buildEventPattern({
      source: 'order-service',
      detail: {
        amount: EventMatch.between(100, 200),
        status: EventMatch.anythingBut('CANCELLED'),
        coupon: EventMatch.exists(false),
        ip: EventMatch.cidr('10.0.0.0/8'),
      },
    });
    expect(validateEventPattern(pattern)).toEqual([]);
    const event = { source: 'order-service', detail: { amount: 150, status: 'PLACED', ip: '10.1.2.3' } };
    expect(matchEvent(pattern, event)).toBe(true);
    expect(matchEvent(pattern, { ...event, detail: { ...event.detail, coupon: 'X' } })).toBe(false);
  });

  it('throws every issue of the assembled pattern at once', () => {
    expect(() => buildEventPattern({ a: [], b: {} })).toThrow(
      expect.objectContaining({
        code: 'MULTIPLE_ISSUES',
        path: 'eventPattern',
        issues: [
          expect.objectContaining({ code: 'PATTERN_EMPTY_ARRAY', path: 'a' }),
          expect.objectContaining({ code: 'PATTERN_EMPTY_OBJECT', path: 'b' }),
        ],
      }),
    );
  });
});
