/**
 * The engine-neutral description of a Pub/Sub topic and the checks eventform runs on it at synth time. Pure: no
 * engine imports.
 * @module
 */
import type { EventSchema } from '../../lib';
import { type PropsValidator, show } from '../../lib/validation';
import { PUBSUB_LIMITS } from './limits';
import { checkLabels, checkPubsubName, KMS_KEY_PATTERN, REGION_PATTERN } from './names';
import { PROJECT_NUMBER_PATTERN } from './service-agent';

/** How publishers encode messages on a topic with a schema. */
export enum SchemaEncoding {
  /** JSON text (for AVRO, Avro's JSON encoding). */
  JSON = 'JSON',
  /** The schema's binary encoding. */
  BINARY = 'BINARY',
}

/** The Pub/Sub schema type for an eventform schema format. */
export function pubsubSchemaType(format: string): 'AVRO' | 'PROTOCOL_BUFFER' | undefined {
  if (format === 'AVRO') return 'AVRO';
  if (format === 'PROTOBUF') return 'PROTOCOL_BUFFER';
  return undefined;
}

/** What a Pub/Sub topic is, independent of the engine that creates it. */
export interface TopicSpec {
  /** The topic ID (3-255 characters, a letter first, not starting with `goog`). Changing it replaces the topic. */
  readonly topicName: string;
  /**
   * Labels on the topic.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * How long the topic itself keeps published messages (10 minutes to 31 days), so that subscriptions can seek back.
   * @default - no topic retention (messages are kept by subscriptions only)
   */
  readonly messageRetentionSeconds?: number;
  /**
   * Cloud KMS key that encrypts messages (`projects/P/locations/L/keyRings/R/cryptoKeys/K`). eventform grants the
   * Pub/Sub service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on this key only.
   * @default - Google-managed encryption
   */
  readonly kmsKeyName?: string;
  /**
   * Regions where messages may be stored (message storage policy).
   * @default - any region allowed by the organization policy
   */
  readonly allowedPersistenceRegions?: readonly string[];
  /**
   * Schema that every published message must match; creates a `google_pubsub_schema`. AVRO or PROTOBUF.
   * @default - no schema: any bytes are accepted
   */
  readonly schema?: EventSchema;
  /**
   * Pub/Sub schema ID.
   * @default - the schema's `name` (for AVRO the record's full name)
   */
  readonly schemaName?: string;
  /**
   * Encoding publishers use with the schema.
   * @default SchemaEncoding.JSON
   */
  readonly schemaEncoding?: SchemaEncoding;
  /**
   * Keep the topic when the stack is destroyed or the topic would be replaced (Terraform `prevent_destroy`): a plan
   * that would delete it fails instead.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** Checks a topic spec; every problem is recorded on `v`. */
export function validateTopicSpec(v: PropsValidator, spec: TopicSpec, projectNumber?: string): void {
  checkPubsubName(v, 'topicName', spec.topicName, 'PUBSUB_TOPIC_NAME');
  checkLabels(v, spec.labels);
  const r = PUBSUB_LIMITS.messageRetentionSeconds;
  v.range('messageRetentionSeconds', spec.messageRetentionSeconds, r.min, r.max, 'PUBSUB_TOPIC_RETENTION_RANGE', {
    unit: ' s',
    integer: true,
    hint: 'Topic retention is 10 minutes (600) to 31 days (2678400).',
  });
  if (v.known(spec.kmsKeyName)) {
    v.check(
      KMS_KEY_PATTERN.test(spec.kmsKeyName),
      'PUBSUB_KMS_KEY_NAME',
      'kmsKeyName',
      `kmsKeyName must be projects/PROJECT/locations/LOCATION/keyRings/RING/cryptoKeys/KEY; got ${show(spec.kmsKeyName)}.`,
    );
  }
  if (v.known(spec.allowedPersistenceRegions)) {
    const regions = spec.allowedPersistenceRegions;
    v.check(
      regions.length > 0,
      'PUBSUB_STORAGE_REGIONS',
      'allowedPersistenceRegions',
      'allowedPersistenceRegions must list at least one region, e.g. ["europe-west1"]; leave it unset to allow all.',
    );
    for (const region of regions) {
      if (!v.known(region)) continue;
      v.check(
        REGION_PATTERN.test(region),
        'PUBSUB_STORAGE_REGIONS',
        'allowedPersistenceRegions',
        `allowedPersistenceRegions entries must be region names such as "europe-west1"; got ${show(region)}.`,
      );
    }
  }
  if (spec.schema !== undefined) {
    v.check(
      pubsubSchemaType(spec.schema.format) !== undefined,
      'PUBSUB_SCHEMA_FORMAT',
      'schema',
      `schema must be an AVRO or PROTOBUF schema; got format ${show(spec.schema.format)}. Pub/Sub has no JSON Schema.`,
    );
    const name = spec.schemaName ?? spec.schema.name;
    checkPubsubName(v, spec.schemaName !== undefined ? 'schemaName' : 'schema.name', name, 'PUBSUB_SCHEMA_NAME');
  } else {
    v.check(
      spec.schemaEncoding === undefined && spec.schemaName === undefined,
      'PUBSUB_SCHEMA_SETTINGS_WITHOUT_SCHEMA',
      spec.schemaEncoding !== undefined ? 'schemaEncoding' : 'schemaName',
      'schemaEncoding and schemaName need a schema; set schema or remove them.',
    );
  }
  if (v.known(projectNumber)) {
    v.check(
      PROJECT_NUMBER_PATTERN.test(projectNumber),
      'PUBSUB_PROJECT_NUMBER',
      'projectNumber',
      `projectNumber must be the numeric project number (not the project ID); got ${show(projectNumber)}.`,
    );
  }
}
