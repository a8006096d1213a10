import { SchemaErrorCodes, schemaError } from './errors';

/** Reads definition text as JSON (objects pass through); throws `SCHEMA_INVALID_JSON` naming `what` otherwise. */
export function readJson(definition: string | object, what: string): unknown {
  if (typeof definition !== 'string') return definition;
  try {
    return JSON.parse(definition);
  } catch (e) {
    return schemaError(
      SchemaErrorCodes.INVALID_JSON,
      undefined,
      `The ${what} is not JSON (${(e as Error).message}); got ${JSON.stringify(definition.slice(0, 80))}. ` +
        'Pass it as an object or as its JSON text.',
    );
  }
}
