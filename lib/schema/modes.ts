import { SchemaErrorCodes, schemaError } from './errors';
import {
  COMPATIBILITY_MODES,
  type CompatibilityMode,
  type CompatibilityResult,
  type SchemaIncompatibility,
} from './types';

/** Every reason why `reader` cannot read data written with `writer`; empty when it can. */
export type ReadCheck<T> = (reader: T, writer: T) => SchemaIncompatibility[];

/** Throws `SCHEMA_ARGUMENT_INVALID` unless `mode` is one of the seven Schema Registry modes. */
export function assertMode(mode: unknown): asserts mode is CompatibilityMode {
  if (!COMPATIBILITY_MODES.includes(mode as CompatibilityMode)) {
    schemaError(
      SchemaErrorCodes.ARGUMENT_INVALID,
      'mode',
      `Unknown compatibility mode ${JSON.stringify(mode)}; choose one of ${COMPATIBILITY_MODES.join(', ')}.`,
    );
  }
}

function phrase(issue: SchemaIncompatibility, direction: string, candidateIsReader: boolean): string {
  const hint = candidateIsReader ? issue.hint : (issue.writerHint ?? issue.hint);
  return `${direction}: [${issue.kind}] at ${issue.path}: ${issue.detail}.${hint ? ` Fix: ${hint}.` : ''}`;
}

/**
 * Applies a compatibility mode with Confluent Schema Registry's semantics: BACKWARD checks that the candidate reads
 * data written with a previous version, FORWARD that a previous version reads data written with the candidate, FULL
 * both; non-transitive modes compare with the latest previous version only, transitive modes with all of them.
 * `previous` is oldest first; messages number the versions from 1.
 */
export function evaluateMode<T>(
  mode: CompatibilityMode,
  previous: readonly T[],
  candidate: T,
  canRead: ReadCheck<T>,
): CompatibilityResult {
  assertMode(mode);
  if (mode === 'NONE' || previous.length === 0) return { compatible: true, messages: [] };
  const transitive = mode.endsWith('_TRANSITIVE');
  const backward = mode.startsWith('BACKWARD') || mode.startsWith('FULL');
  const forward = mode.startsWith('FORWARD') || mode.startsWith('FULL');
  const versions = previous.map((schema, i) => ({ schema, version: i + 1 }));
  const compared = transitive ? versions.reverse() : versions.slice(-1);
  const messages: string[] = [];
  for (const { schema, version } of compared) {
    const label = `version ${version}${version === previous.length ? ' (latest)' : ''}`;
    if (backward) {
      for (const issue of canRead(candidate, schema)) {
        messages.push(phrase(issue, `${mode}: the new schema cannot read data written with ${label}`, true));
      }
    }
    if (forward) {
      for (const issue of canRead(schema, candidate)) {
        messages.push(phrase(issue, `${mode}: ${label} cannot read data written with the new schema`, false));
      }
    }
  }
  return { compatible: messages.length === 0, messages };
}
