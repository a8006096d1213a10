import { EventformError } from '../../../lib';

/**
 * Runs `fn`, expects an EventformError carrying an issue with `code` whose message matches `pattern`, and returns
 * that error.
 */
export function expectIssue(fn: () => unknown, code: string, pattern: RegExp): EventformError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EventformError);
  const err = caught as EventformError;
  const issue = err.issues.find((i) => i.code === code);
  expect({ codes: err.issues.map((i) => i.code), hasCode: issue !== undefined }).toEqual(
    expect.objectContaining({ hasCode: true }),
  );
  expect(issue?.message).toMatch(pattern);
  return err;
}
