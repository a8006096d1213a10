import {
  assertEventDoesNotMatch,
  assertEventMatches,
  compileEventPattern,
  eventformMatchers,
} from '../../../lib/pattern';

expect.extend(eventformMatchers);

const pattern = {
  source: ['order-service'],
  detail: { amount: [{ numeric: ['>', 1000] }], customerId: [{ prefix: 'VIP-' }] },
};

describe('assertEventMatches / assertEventDoesNotMatch', () => {
  it('pass silently when the expectation holds', () => {
    expect(() =>
      assertEventMatches(pattern, { source: 'order-service', detail: { amount: 1500, customerId: 'VIP-1' } }),
    ).not.toThrow();
    expect(() => assertEventDoesNotMatch(pattern, '{"source": "billing"}')).not.toThrow();
    expect(() =>
      assertEventMatches(
        compileEventPattern(pattern),
        '{"source":"order-service","detail":{"amount":1.5e3,"customerId":"VIP-2"}}',
      ),
    ).not.toThrow();
  });

  it('explain which fields failed and what the event holds', () => {
    expect(() => assertEventMatches(pattern, { source: 'order-service', detail: { amount: 10 } })).toThrow(
      expect.objectContaining({
        code: 'PATTERN_EVENT_NOT_MATCHED',
        message: expect.stringMatching(
          /detail\.amount has 10, which the pattern does not accept; detail\.customerId is missing from the event/,
        ),
      }),
    );
  });

  it('explain array-consistency failures', () => {
    const arrays = { items: { sku: ['A'], qty: [2] } };
    expect(() =>
      assertEventMatches(arrays, {
        items: [
          { sku: 'A', qty: 1 },
          { sku: 'B', qty: 2 },
        ],
      }),
    ).toThrow(expect.objectContaining({ message: expect.stringMatching(/not within the same array element/) }));
  });

  it('name the alternative that matched when a match was not wanted', () => {
    const or = { $or: [{ a: ['x'] }, { b: ['y'] }] };
    expect(() => assertEventDoesNotMatch(or, { b: 'y' })).toThrow(
      expect.objectContaining({
        code: 'PATTERN_EVENT_MATCHED',
        message: expect.stringMatching(/alternative 2: every field matches/),
      }),
    );
  });

  it('reject invalid patterns with their issues', () => {
    expect(() => assertEventMatches({ a: 'x' }, {})).toThrow(
      expect.objectContaining({ code: 'PATTERN_LEAF_NOT_ARRAY' }),
    );
  });
});

describe('expect(pattern).toMatchEvent(event)', () => {
  it('passes and fails like EventBridge', () => {
    expect(pattern).toMatchEvent({ source: 'order-service', detail: { amount: 2000, customerId: 'VIP-9' } });
    expect(JSON.stringify(pattern)).not.toMatchEvent('{"source": "order-service"}');
  });

  it('fails with the reasons', () => {
    expect(() => expect(pattern).toMatchEvent({ source: 'billing' })).toThrow(
      /expected the pattern to match \{"source":"billing"\}: .*source has "billing", which the pattern does not accept/,
    );
    expect(() =>
      expect(pattern).not.toMatchEvent({ source: 'order-service', detail: { amount: 2000, customerId: 'VIP-1' } }),
    ).toThrow(/expected the pattern not to match/);
  });

  it('fails on an invalid pattern, with or without .not', () => {
    expect(() => expect({ a: [] }).toMatchEvent({})).toThrow(
      /expected a valid event pattern and event: .*PATTERN_EMPTY_ARRAY/,
    );
    expect(() => expect({ a: [] }).not.toMatchEvent({})).toThrow(/PATTERN_EMPTY_ARRAY/);
  });
});
