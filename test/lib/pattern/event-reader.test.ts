import { compileEventPattern } from '../../../lib/pattern';

describe('reading events given as JSON text', () => {
  const rule = compileEventPattern({ detail: { name: ['x"y'], n: [{ numeric: ['>', 1] }] } });

  it.each([
    ['plain', '{"detail":{"name":"x\\"y","n":2}}', true],
    ['whitespace everywhere', ' {\n "detail" :\t{ "name" : "x\\"y" ,\r\n "n" : 2 } } ', true],
    ['escaped member names', '{"det\\u0061il":{"n\\u0061me":"x\\u0022y","n":2}}', true],
    [
      'skipped members with brackets and quotes in strings',
      '{"a":{"s":"}]{[\\"\\\\","t":[1,{"u":"]"}]},"detail":{"name":"x\\"y","n":2}}',
      true,
    ],
    [
      'skipped members after the used ones',
      '{"detail":{"name":"x\\"y","n":2,"z":[[[]]],"w":{"v":null}},"zz":-1.5e-3}',
      true,
    ],
    ['skipped values of every kind', '{"k":[true,false,null,-0.5,"s",{},[]],"detail":{"n":2,"name":"x\\"y"}}', true],
    ['a used member holding an object where a value is expected', '{"detail":{"name":{"x":1},"n":2}}', false],
    ['a used member holding an array of values', '{"detail":{"name":["a","x\\"y"],"n":[0,5]}}', true],
    ['unicode', '{"detail":{"name":"x\\"y","n":2,"note":"\\ud83d\\ude00 日本"}}', true],
  ])('%s', (_what, event, expected) => {
    expect(rule.matches(event)).toBe(expected);
  });

  it('decodes every JSON escape in values', () => {
    const escapes = compileEventPattern({ s: ['\b\f\n\r\t/\\"é'] });
    expect(escapes.matches('{"s":"\\b\\f\\n\\r\\t\\/\\\\\\"\\u00e9"}')).toBe(true);
  });

  it('reads fields through dotted event keys at any depth', () => {
    const dotted = compileEventPattern({ a: { b: { c: ['x'] } } });
    expect(dotted.matches('{"a.b.c":"x"}')).toBe(true);
    expect(dotted.matches('{"a":{"b.c":"x"}}')).toBe(true);
    expect(dotted.matches('{"a.b":{"c":"x"}}')).toBe(true);
    expect(dotted.matches({ 'a.b': { c: 'x' } })).toBe(true);
    expect(dotted.matches({ a: { 'b.c': 'x' } })).toBe(true);
    expect(dotted.matches('{"a.b":{"d":"x"}}')).toBe(false);
  });

  it('keeps array membership through skipped and nested arrays', () => {
    const items = compileEventPattern({ items: { sku: ['A'], qty: [2] } });
    expect(items.matches('{"x":[{"a":1}],"items":[{"sku":"B","qty":2},{"sku":"A","qty":2}]}')).toBe(true);
    expect(items.matches('{"items":[{"sku":"A","qty":1},{"sku":"B","qty":2}]}')).toBe(false);
    expect(items.matches('{"items":[[{"sku":"A"}],[{"qty":2}]]}')).toBe(false);
    expect(items.matches('{"items":[[{"sku":"A","qty":[1,2]}]]}')).toBe(true);
  });

  it('gives the same answers for text and objects', () => {
    const event = { detail: { name: 'x"y', n: 2, list: [{ name: 'q' }] } };
    expect(rule.matches(JSON.stringify(event))).toBe(rule.matches(event));
  });

  it('reuses one compiled pattern across many events', () => {
    const results = [1, 2, 3, 0].map((n) => rule.matches(`{"detail":{"name":"x\\"y","n":${n}}}`));
    expect(results).toEqual([false, true, true, false]);
  });
});

describe('reading events given as objects', () => {
  it('reads values of every JavaScript type as JSON.stringify would', () => {
    const rule = compileEventPattern({
      a: [1],
      b: [null],
      c: [true],
      d: ['2026-01-01T00:00:00.000Z'],
      e: [12345678901234567890n as unknown as number],
    });
    expect(
      rule.matches({ a: 1, b: Number.NaN, c: true, d: new Date('2026-01-01T00:00:00Z'), e: 12345678901234567890n }),
    ).toBe(true);
  });

  it('ignores undefined members and inherited properties', () => {
    const rule = compileEventPattern({ toString: [{ exists: false }], a: [{ exists: false }] });
    expect(rule.matches({ a: undefined })).toBe(true);
    expect(rule.matches(Object.create({ a: 'inherited' }) as object)).toBe(true);
  });
});

describe('arrays of objects at scale', () => {
  const elements = Array.from({ length: 2000 }, (_, i) => ({ x: i, y: i === 1999 ? 'last' : 'other', z: 'v' }));
  const event = JSON.stringify({ a: elements });

  it.each([
    ['a field no element satisfies', { a: { x: [{ exists: true }], y: [{ exists: true }], z: ['nomatch'] } }, false],
    ['fields satisfied only by the last element', { a: { x: [{ numeric: ['>=', 0] }], y: ['last'], z: ['v'] } }, true],
    ['fields never satisfied by one element', { a: { x: [{ numeric: ['<', 1] }], y: ['last'] } }, false],
  ])('decides quickly: %s', (_what, pattern, expected) => {
    const rule = compileEventPattern(pattern);
    const start = Date.now();
    expect(rule.matches(event)).toBe(expected);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
