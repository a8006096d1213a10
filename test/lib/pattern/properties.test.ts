import fc from 'fast-check';
import { compileEventPattern, matchEvent, validateEventPattern } from '../../../lib/pattern';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.ipV4(),
);
const { event } = fc.letrec<{ value: Json; event: { [k: string]: Json } }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('event'),
    fc.array(scalar, { maxLength: 4 }),
    fc.array(tie('event'), { maxLength: 3 }),
  ),
  event: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

/**
 * A pattern derived from an event: a subset of its fields, each required to equal (or, by choice, to start with,
 * to be at least, to exist, to match a wildcard of) one value the event has there; inside arrays of objects, all fields come from one
 * element.
 */
function derive(e: { [k: string]: Json }, choices: number[]): Record<string, unknown> | undefined {
  let c = 0;
  const pick = (n: number): number => (n <= 1 ? 0 : (choices[c++ % choices.length] ?? 0) % n);
  const fromValue = (v: Json): unknown => {
    if (Array.isArray(v)) {
      if (v.length === 0) return undefined;
      return fromValue(v[pick(v.length)]);
    }
    if (v !== null && typeof v === 'object') return derive(v, choices.slice(c++));
    switch (pick(3)) {
      case 0:
        return [v];
      case 1:
        if (typeof v === 'string') return [{ prefix: v.slice(0, pick(v.length + 1)) }];
        if (typeof v === 'number') return [{ numeric: ['>=', v] }];
        return [{ exists: true }];
      default:
        return typeof v === 'string'
          ? [{ wildcard: `${v.slice(0, pick(v.length + 1)).replace(/[\\*]/g, '\\$&')}*` }]
          : [v];
    }
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (pick(3) === 0) continue;
    const p = fromValue(v);
    if (p !== undefined && (!Array.isArray(p) ? Object.keys(p as object).length > 0 : true)) out[k] = p;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

describe('properties', () => {
  it('a pattern derived from an event matches that event (as object and as JSON text)', () => {
    fc.assert(
      fc.property(event, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (e, choices) => {
        const pattern = derive(e, choices) ?? { 'absent-field': [{ exists: false }] };
        expect(validateEventPattern(pattern)).toEqual([]);
        const rule = compileEventPattern(pattern);
        expect(rule.matches(e)).toBe(true);
        expect(rule.matches(JSON.stringify(e))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('anything-but X never matches X', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()),
        fc.array(fc.string(), { maxLength: 3 }),
        (x, others) => {
          const list = typeof x === 'string' ? [x, ...others] : [x];
          expect(matchEvent({ f: [{ 'anything-but': x }] }, { f: x })).toBe(false);
          expect(matchEvent({ f: [{ 'anything-but': list }] }, JSON.stringify({ f: x }))).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('anything-but X matches every other string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        fc.pre(x !== y);
        expect(matchEvent({ f: [{ 'anything-but': x }] }, { f: y })).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a prefix, suffix or wildcard taken from a string matches it', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (s, a, b) => {
        const i = a % (s.length + 1);
        const j = b % (s.length + 1);
        const [lo, hi] = i <= j ? [i, j] : [j, i];
        const escaped = (t: string): string => t.replace(/[\\*]/g, '\\$&');
        expect(matchEvent({ f: [{ prefix: s.slice(0, lo) }] }, { f: s })).toBe(true);
        expect(matchEvent({ f: [{ suffix: s.slice(hi) }] }, { f: s })).toBe(true);
        const wildcard = `${escaped(s.slice(0, lo))}*${escaped(s.slice(hi))}`;
        expect(matchEvent({ f: [{ wildcard }] }, { f: s })).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('numbers match whatever way they are written', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const text = String(d);
        const exp = d.toExponential();
        expect(matchEvent(`{"f": [${text}]}`, `{"f": ${exp}}`)).toBe(true);
        expect(matchEvent(`{"f": [{"numeric": ["=", ${exp}]}]}`, `{"f": ${text}}`)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
