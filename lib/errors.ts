/**
 * One problem found in user input: a stable `code`, the `path` of the prop as the user wrote it, and a message
 * that shows the value received and what is allowed.
 */
export interface EventformIssue {
  /** Stable, SCREAMING_SNAKE identifier of the rule that failed, e.g. `PUBSUB_ACK_DEADLINE_RANGE`. */
  readonly code: string;
  /** Where the problem is: a prop name (`ackDeadlineSeconds`) or a path inside a value (`detail.amount[0]`). */
  readonly path?: string;
  /** What was received, what is allowed, and how to fix it. */
  readonly message: string;
}

/** Code of an error that carries more than one issue. Each issue keeps its own code. */
export const MULTIPLE_ISSUES = 'MULTIPLE_ISSUES';

function render(issue: EventformIssue): string {
  return `[${issue.code}]${issue.path ? ` ${issue.path}:` : ''} ${issue.message}`;
}

/**
 * The one error family eventform throws. `issues` lists every problem found (at least one); `code` is the code of
 * the single issue, or `MULTIPLE_ISSUES` when there are several. `path` is the construct path (or the prop path
 * for a single issue outside a construct).
 */
export class EventformError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly issues: readonly EventformIssue[];

  constructor(issues: EventformIssue | readonly EventformIssue[], path?: string) {
    let list: readonly EventformIssue[] = Array.isArray(issues) ? issues : [issues as EventformIssue];
    if (list.length === 0) {
      list = [
        { code: 'CORE_NO_ISSUES', message: 'An EventformError was raised without any issue (a defect in eventform).' },
      ];
    }
    const where = path ? `${path}: ` : '';
    const message =
      list.length === 1
        ? `${where}${render(list[0])}`
        : `${where}${list.length} problems:\n${list.map((i) => `  - ${render(i)}`).join('\n')}`;
    super(message);
    this.name = 'EventformError';
    this.code = list.length === 1 ? list[0].code : MULTIPLE_ISSUES;
    this.path = path ?? (list.length === 1 ? list[0].path : undefined);
    this.issues = list;
  }

  /** Whether this error, or any of its issues, has the given code. */
  hasCode(code: string): boolean {
    return this.code === code || this.issues.some((i) => i.code === code);
  }
}

/** Type guard that also works across copies of the package (checks the name and shape, not the prototype). */
export function isEventformError(e: unknown): e is EventformError {
  return (
    e instanceof EventformError ||
    (e instanceof Error && e.name === 'EventformError' && Array.isArray((e as Partial<EventformError>).issues))
  );
}
