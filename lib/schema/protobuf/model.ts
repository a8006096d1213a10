import type * as protobuf from 'protobufjs';
import { runtime } from '../runtime';
import { SchemaErrorCodes, schemaError } from '../errors';

/** A parsed .proto file: its package, its top-level messages and enums, resolved with protobufjs. */
export interface ParsedProto {
  /** The package (`com.example.orders`), `''` for none. */
  readonly packageName: string;
  /** The message and enum types declared at the top level of the file, in order. */
  readonly types: ReadonlyArray<protobuf.Type | protobuf.Enum>;
  /** The first message's full name (without the leading dot). */
  readonly firstMessage: string;
  /** The resolved root, for validation. */
  readonly root: protobuf.Root;
}

/**
 * Parses .proto text with protobufjs (`keepCase`, so field names stay as written) and resolves every type. Imports
 * of Google's well-known types (`google/protobuf/*.proto`) are supported; other imports (schema references) are
 * not. Throws `SCHEMA_PROTOBUF_INVALID`, `SCHEMA_PROTOBUF_IMPORT_UNSUPPORTED` or `SCHEMA_PROTOBUF_NO_MESSAGE`.
 */
export function parseProto(definition: string): ParsedProto {
  if (typeof definition !== 'string') {
    schemaError(
      SchemaErrorCodes.ARGUMENT_INVALID,
      'definition',
      `A Protocol Buffers schema is .proto text; got ${typeof definition}. Pass the file's text.`,
    );
  }
  const pb = runtime.protobuf();
  let parsed: protobuf.IParserResult;
  try {
    parsed = pb.parse(definition, new pb.Root(), { keepCase: true });
  } catch (e) {
    return schemaError(
      SchemaErrorCodes.PROTOBUF_INVALID,
      undefined,
      `The .proto schema does not parse: ${(e as Error).message}. Fix the syntax at the line shown.`,
    );
  }
  for (const file of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
    const wellKnown = file.startsWith('google/protobuf/') ? pb.common.get(file) : null;
    if (!wellKnown) {
      schemaError(
        SchemaErrorCodes.PROTOBUF_IMPORT_UNSUPPORTED,
        'import',
        `The .proto schema imports ${JSON.stringify(file)}; only Google's well-known types (google/protobuf/*.proto) ` +
          'can be imported. Declare the imported messages in the same file.',
      );
    }
    parsed.root.addJSON(wellKnown.nested as Record<string, protobuf.AnyNestedObject>);
  }
  try {
    parsed.root.resolveAll();
  } catch (e) {
    schemaError(
      SchemaErrorCodes.PROTOBUF_INVALID,
      undefined,
      `The .proto schema does not resolve: ${(e as Error).message}. Declare every type the fields use.`,
    );
  }
  const packageName = parsed.package ?? '';
  const scope = packageName ? parsed.root.lookup(packageName) : parsed.root;
  const types = ((scope as protobuf.Namespace | null)?.nestedArray ?? []).filter(
    (n): n is protobuf.Type | protobuf.Enum =>
      (n instanceof pb.Type || n instanceof pb.Enum) && !n.fullName.startsWith('.google.protobuf.'),
  );
  const first = types.find((t): t is protobuf.Type => t instanceof pb.Type);
  if (!first) {
    return schemaError(
      SchemaErrorCodes.PROTOBUF_NO_MESSAGE,
      undefined,
      'The .proto schema declares no message; declare at least one message (the first one is the event type).',
    );
  }
  return { packageName, types, firstMessage: first.fullName.slice(1), root: parsed.root };
}
