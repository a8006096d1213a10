import { EventformError, type EventformIssue } from './errors';

/**
 * Tells whether a value is not known until deploy (a CDK token, a Pulumi Output). Each engine adapter passes its
 * own; the core never imports an engine.
 */
export type UnresolvedPredicate = (value: unknown) => boolean;

const neverUnresolved: UnresolvedPredicate = () => false;

/** Shows a received value in a message: strings quoted, long values shortened. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value);
  } else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    text = String(value);
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Collects every problem in one construct's props, then throws them together as one {@link EventformError}.
 *
 * ```ts
 * const v = new PropsValidator('MyTopic', Token.isUnresolved);
 * v.range('ackDeadlineSeconds', props.ackDeadlineSeconds, 10, 600, 'PUBSUB_ACK_DEADLINE_RANGE', ' seconds');
 * v.throwIfAny();
 * ```
 */
export class PropsValidator {
  private readonly found: EventformIssue[] = [];

  /**
   * @param path the construct path (or resource name) reported with the error
   * @param isUnresolved values for which this returns true are skipped by every check
   */
  constructor(
    readonly path?: string,
    private readonly isUnresolved: UnresolvedPredicate = neverUnresolved,
  ) {}

  /** The issues collected so far. */
  get issues(): readonly EventformIssue[] {
    return this.found;
  }

  /** Records one issue. */
  add(code: string, prop: string | undefined, message: string): this {
    this.found.push(prop === undefined ? { code, message } : { code, path: prop, message });
    return this;
  }

  /** Records issues found elsewhere (for example by `validateEventPattern`), prefixing their paths with `prop`. */
  addAll(issues: readonly EventformIssue[], prop?: string): this {
    for (const i of issues) {
      const path = prop && i.path ? `${prop}.${i.path}` : (prop ?? i.path);
      this.found.push(path === undefined ? { code: i.code, message: i.message } : { ...i, path });
    }
    return this;
  }

  /** Whether the value is known now (not undefined, not a token or Output). */
  known<T>(value: T | undefined): value is T {
    return value !== undefined && !this.isUnresolved(value);
  }

  /** Records an issue unless `ok` holds. */
  check(ok: boolean, code: string, prop: string | undefined, message: string): this {
    if (!ok) this.add(code, prop, message);
    return this;
  }

  /** An integer (when `integer`) within [min, max]. Skips undefined and unresolved values. */
  range(
    prop: string,
    value: number | undefined,
    min: number,
    max: number,
    code: string,
    opts: { unit?: string; integer?: boolean; hint?: string } = {},
  ): this {
    if (!this.known(value)) return this;
    const unit = opts.unit ?? '';
    const intOk = !opts.integer || Number.isInteger(value);
    if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max || !intOk) {
      this.add(
        code,
        prop,
        `${prop} must be ${opts.integer ? 'an integer ' : ''}between ${min}${unit} and ${max}${unit}; got ${show(value)}.` +
          (opts.hint ? ` ${opts.hint}` : ''),
      );
    }
    return this;
  }

  /** A string of at most `max` characters matching `pattern` (described by `allowed`). */
  text(
    prop: string,
    value: string | undefined,
    code: string,
    rule: { min?: number; max?: number; pattern?: RegExp; allowed?: string },
  ): this {
    if (!this.known(value)) return this;
    const min = rule.min ?? 0;
    const tooShort = value.length < min;
    const tooLong = rule.max !== undefined && value.length > rule.max;
    const badChars = rule.pattern !== undefined && !rule.pattern.test(value);
    if (typeof value !== 'string' || tooShort || tooLong || badChars) {
      const limits = [
        rule.max !== undefined ? `${min}-${rule.max} characters` : min > 0 ? `at least ${min} characters` : undefined,
        rule.allowed,
      ]
        .filter(Boolean)
        .join(' of ');
      this.add(code, prop, `${prop} must be ${limits}; got ${show(value)} (${String(value).length} characters).`);
    }
    return this;
  }

  /** At most one of the named props may be set. */
  exclusive(props: Record<string, unknown>, code: string): this {
    const set = Object.entries(props)
      .filter(([, v]) => v !== undefined && v !== false)
      .map(([k]) => k);
    if (set.length > 1) {
      this.add(code, set.join(', '), `${set.join(' and ')} cannot be used together; choose one.`);
    }
    return this;
  }

  /** Throws every collected issue as one EventformError; does nothing when there is none. */
  throwIfAny(): void {
    if (this.found.length > 0) throw new EventformError([...this.found], this.path);
  }
}
