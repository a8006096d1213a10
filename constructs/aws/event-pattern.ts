import { Token } from 'aws-cdk-lib';
import { validateEventPattern } from '../../lib/pattern/compiled-pattern';
import type { EventPatternJson } from '../../lib/pattern/pattern-json';
import type { PropsValidator } from '../../lib/validation';

/**
 * Checks an event pattern with the core validator (`validateEventPattern`, which agrees with EventBridge's own
 * engine) and records every issue under `prop`. Patterns that contain deploy-time tokens are not checked.
 */
export function checkEventPattern(v: PropsValidator, prop: string, pattern: EventPatternJson | undefined): void {
  if (pattern === undefined || Token.isUnresolved(pattern) || containsToken(pattern)) return;
  v.addAll(validateEventPattern(pattern), prop);
}

function containsToken(value: unknown): boolean {
  if (typeof value === 'string') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsToken);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsToken);
  return false;
}
