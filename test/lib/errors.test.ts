import { EventformError, isEventformError, MULTIPLE_ISSUES, PropsValidator } from '../../lib';

describe('EventformError', () => {
  it('takes the code and path of a single issue', () => {
    const e = new EventformError({ code: 'X_RANGE', path: 'x', message: 'x must be 1-2; got 3.' });
    expect(e.code).toBe('X_RANGE');
    expect(e.path).toBe('x');
    expect(e.message).toBe('[X_RANGE] x: x must be 1-2; got 3.');
    expect(isEventformError(e)).toBe(true);
    expect(e).toBeInstanceOf(Error);
  });

  it('reports every issue together under MULTIPLE_ISSUES', () => {
    const e = new EventformError(
      [
        { code: 'A', path: 'a', message: 'bad a' },
        { code: 'B', message: 'bad b' },
      ],
      'Stack/Topic',
    );
    expect(e.code).toBe(MULTIPLE_ISSUES);
    expect(e.path).toBe('Stack/Topic');
    expect(e.message).toContain('2 problems');
    expect(e.message).toContain('[A] a: bad a');
    expect(e.message).toContain('[B] bad b');
    expect(e.hasCode('B')).toBe(true);
    expect(e.hasCode('C')).toBe(false);
  });

  it('reports an empty issue list as a defect instead of an empty message', () => {
    const e = new EventformError([]);
    expect(e.code).toBe('CORE_NO_ISSUES');
    expect(e.issues).toHaveLength(1);
  });
});

describe('PropsValidator', () => {
  it('collects range, text and exclusivity problems and throws once', () => {
    const v = new PropsValidator('S/T');
    v.range('ackDeadlineSeconds', 5, 10, 600, 'ACK', { unit: ' s', integer: true });
    v.range('ok', 10, 10, 600, 'OK');
    v.range('frac', 1.5, 0, 5, 'FRAC', { integer: true });
    v.text('name', 'bad name!', 'NAME', { max: 10, pattern: /^[a-z]+$/, allowed: '[a-z]' });
    v.exclusive({ push: {}, bigquery: {}, storage: undefined }, 'EXCL');
    expect(v.issues.map((i) => i.code)).toEqual(['ACK', 'FRAC', 'NAME', 'EXCL']);
    expect(v.issues[0].message).toBe('ackDeadlineSeconds must be an integer between 10 s and 600 s; got 5.');
    expect(v.issues[3].message).toContain('push and bigquery cannot be used together; choose one');
    try {
      v.throwIfAny();
      throw new Error('expected a throw');
    } catch (e) {
      expect(isEventformError(e)).toBe(true);
      expect((e as EventformError).issues).toHaveLength(4);
      expect((e as EventformError).path).toBe('S/T');
    }
  });

  it('skips unresolved values and does nothing without issues', () => {
    const v = new PropsValidator('p', (x) => x === 999);
    v.range('a', 999, 0, 1, 'A').text('b', undefined, 'B', { max: 1 });
    expect(() => v.throwIfAny()).not.toThrow();
  });

  it('prefixes the paths of issues found elsewhere', () => {
    const v = new PropsValidator();
    v.addAll(
      [
        { code: 'P', path: 'detail.amount', message: 'm' },
        { code: 'Q', message: 'n' },
      ],
      'eventPattern',
    );
    expect(v.issues).toEqual([
      { code: 'P', path: 'eventPattern.detail.amount', message: 'm' },
      { code: 'Q', path: 'eventPattern', message: 'n' },
    ]);
  });
});
