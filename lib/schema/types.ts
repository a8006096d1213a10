/** The schema languages eventform understands. */
export type SchemaFormat = 'AVRO' | 'JSON' | 'PROTOBUF';

/** The format every list in this module is checked against. */
export const SCHEMA_FORMATS: readonly SchemaFormat[] = ['AVRO', 'JSON', 'PROTOBUF'];

/**
 * A compatibility mode with Confluent Schema Registry's meaning: BACKWARD = the new schema reads data written with
 * the old one; FORWARD = the old schema reads data written with the new one; FULL = both. Non-transitive modes
 * compare with the latest previous version only, `_TRANSITIVE` modes with every previous version.
 */
export type CompatibilityMode =
  'NONE' | 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE';

/** Every compatibility mode, in the order the Schema Registry documents them. */
export const COMPATIBILITY_MODES: readonly CompatibilityMode[] = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
];

/** The outcome of a compatibility check. */
export interface CompatibilityResult {
  /** Whether the candidate may be registered under the mode. */
  readonly compatible: boolean;
  /**
   * One line per incompatibility: which version and direction, where in the schema (field path), the old and new
   * types, and what would make the change compatible when that can be known. Empty when compatible.
   */
  readonly messages: string[];
}

/** One reason why a reader schema cannot read data written with a writer schema (see `incompatibilitiesReading`). */
export interface SchemaIncompatibility {
  /** Stable kind, e.g. `READER_FIELD_MISSING_DEFAULT_VALUE`, `TYPE_MISMATCH`, `PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL`. */
  readonly kind: string;
  /** Where in the schema: a field path such as `Order.items[].price`. */
  readonly path: string;
  /** What is wrong, in terms of the schema. */
  readonly detail: string;
  /** What would make it compatible by changing the reader, when that can be known. */
  readonly hint?: string;
  /**
   * What would make it compatible by changing the writer instead (used when the writer is the new schema, as in
   * FORWARD checks, where the reader is a registered version that cannot change).
   * @default - the reader-side `hint`
   */
  readonly writerHint?: string;
}
