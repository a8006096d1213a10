import { EventformError } from '../errors';
import { CompiledEventPattern, compileEventPattern } from './compiled-pattern';
import { stringifyJsonNode, fromJsValue } from './json-node';

/** A pattern as the test helpers accept it: JSON text, a JavaScript object, or a compiled pattern. */
export type EventPatternInput = string | object | CompiledEventPattern;

function compiled(pattern: EventPatternInput): CompiledEventPattern {
  return pattern instanceof CompiledEventPattern ? pattern : compileEventPattern(pattern);
}

function eventText(event: string | object): string {
  const text = typeof event === 'string' ? event : stringifyJsonNode(fromJsValue(event));
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/**
 * Asserts that Amazon EventBridge would deliver `event` to a rule with `pattern`; otherwise throws an
 * `EventformError` (`PATTERN_EVENT_NOT_MATCHED`) that says which fields failed and what the event holds there.
 * Works in any test runner.
 *
 * ```ts
 * assertEventMatches(rule.eventPattern, { source: 'order-service', detail: { amount: 1500 } });
 * ```
 * @throws EventformError also when the pattern is invalid (with every issue)
 */
export function assertEventMatches(pattern: EventPatternInput, event: string | object): void {
  const explanation = compiled(pattern).explain(event);
  if (!explanation.matched) {
    throw new EventformError({
      code: 'PATTERN_EVENT_NOT_MATCHED',
      path: 'event',
      message: `the event ${eventText(event)} does not match the pattern: ${explanation.reasons.join(' | ')}.`,
    });
  }
}

/**
 * Asserts that Amazon EventBridge would not deliver `event` to a rule with `pattern`; otherwise throws an
 * `EventformError` (`PATTERN_EVENT_MATCHED`) that names the alternative that matched.
 * @throws EventformError also when the pattern is invalid (with every issue)
 */
export function assertEventDoesNotMatch(pattern: EventPatternInput, event: string | object): void {
  const explanation = compiled(pattern).explain(event);
  if (explanation.matched) {
    throw new EventformError({
      code: 'PATTERN_EVENT_MATCHED',
      path: 'event',
      message: `the event ${eventText(event)} matches the pattern (${explanation.reasons.join(' | ')}), but it should not.`,
    });
  }
}

/** The part of a jest matcher context these matchers use. */
export interface EventformMatcherContext {
  /** True under `expect(...).not`. */
  readonly isNot?: boolean;
}

/** What a jest matcher returns. */
export interface EventformMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * Jest matchers for event patterns. Register once (for example in a setup file) with
 * `expect.extend(eventformMatchers)`, then:
 *
 * ```ts
 * expect(pattern).toMatchEvent({ source: 'order-service', detail: { amount: 1500 } });
 * expect(pattern).not.toMatchEvent('{"source": "billing"}');
 * ```
 * The pattern may be JSON text, an object or a {@link CompiledEventPattern}; an invalid pattern fails the
 * assertion with every issue, under `.not` too.
 */
export const eventformMatchers = {
  /** Passes when EventBridge would deliver `event` to a rule with the received pattern. */
  toMatchEvent(
    this: EventformMatcherContext,
    received: EventPatternInput,
    event: string | object,
  ): EventformMatcherResult {
    let explanation;
    try {
      explanation = compiled(received).explain(event);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      return { pass: this.isNot === true, message: () => `expected a valid event pattern and event: ${text}` };
    }
    const { matched, reasons } = explanation;
    return {
      pass: matched,
      message: () =>
        matched
          ? `expected the pattern not to match ${eventText(event)}, but it does (${reasons.join(' | ')})`
          : `expected the pattern to match ${eventText(event)}: ${reasons.join(' | ')}`,
    };
  },
};

declare global {
  // Types `expect(pattern).toMatchEvent(event)` for projects using jest's global `expect` (@types/jest).
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes when Amazon EventBridge would deliver `event` to a rule with the received pattern. */
      toMatchEvent(event: string | object): R;
    }
  }
}
