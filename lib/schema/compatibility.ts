import { EventSchema, type SchemaInput } from './event-schema';
import { SchemaErrorCodes, schemaError } from './errors';
import { assertMode, evaluateMode } from './modes';
import type { CompatibilityMode, CompatibilityResult, SchemaFormat } from './types';

/** The input of {@link checkCompatibility}. */
export interface CheckCompatibilityInput {
  /**
   * The schema language of `previous` and `candidate` (EventSchema values carry their own, which must match).
   * @default 'AVRO'
   */
  readonly format?: SchemaFormat;
  /** The subject's compatibility mode. */
  readonly mode: CompatibilityMode;
  /** The registered versions, oldest first (definition text, objects, or EventSchema values). */
  readonly previous: ReadonlyArray<SchemaInput>;
  /** The new schema. */
  readonly candidate: SchemaInput;
}

/**
 * Decides whether `candidate` may be registered after `previous` under `mode`, as Confluent Schema Registry does:
 * BACKWARD = the new schema reads data written with the old one, FORWARD = the old schema reads data written with
 * the new one, FULL = both; non-transitive modes compare with the latest previous version only, transitive modes
 * with all. AVRO follows the Avro specification's schema resolution (as Avro Java decides it), JSON and PROTOBUF
 * follow Confluent's documented rules for those formats. Each message names the version and direction, the place
 * in the schema, the old and new types, and a fix where one is known.
 *
 * Throws `SCHEMA_ARGUMENT_INVALID` for an unknown mode or format, `SCHEMA_FORMAT_MISMATCH` for EventSchema values of
 * another format, and the parse errors of {@link EventSchema} for schemas that do not parse.
 */
export function checkCompatibility(input: CheckCompatibilityInput): CompatibilityResult {
  if (input === null || typeof input !== 'object') {
    return schemaError(
      SchemaErrorCodes.ARGUMENT_INVALID,
      undefined,
      `checkCompatibility takes { format?, mode, previous, candidate }; got ${JSON.stringify(input)}.`,
    );
  }
  assertMode(input.mode);
  if (!Array.isArray(input.previous)) {
    schemaError(
      SchemaErrorCodes.ARGUMENT_INVALID,
      'previous',
      `"previous" must be an array of the registered versions, oldest first; got ${JSON.stringify(input.previous)}.`,
    );
  }
  const format =
    input.format ??
    (input.candidate instanceof EventSchema
      ? input.candidate.format
      : (input.previous.find((p): p is EventSchema => p instanceof EventSchema)?.format ?? 'AVRO'));
  const candidate = EventSchema.of(input.candidate, format, 'candidate');
  const previous = input.previous.map((p, i) => EventSchema.of(p, format, `previous[${i}]`));
  return evaluateMode(input.mode, previous, candidate, (reader, writer) => reader.incompatibilitiesReading(writer));
}
