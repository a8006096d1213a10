/**
 * The engine-neutral description of a Pub/Sub subscription and the checks eventform runs on it at synth time.
 * Pure: no engine imports.
 * @module
 */
import { type PropsValidator, show } from '../../lib/validation';
import { parsePubsubFilter } from './filter';
import { DAY_SECONDS, PUBSUB_LIMITS } from './limits';
import { BIGQUERY_DATASET_PATTERN, BIGQUERY_TABLE_PATTERN, checkLabels, checkPubsubName } from './names';

/** Push delivery: Pub/Sub POSTs each message to an HTTPS endpoint. */
export interface PushDeliveryOptions {
  /** The HTTPS URL messages are POSTed to. */
  readonly endpoint: string;
  /**
   * Service account whose OIDC token Pub/Sub attaches (`Authorization: Bearer ...`), so the endpoint can verify
   * the caller. Give the endpoint's invoker role to this account yourself.
   * @default - no token: the endpoint is called unauthenticated
   */
  readonly oidcServiceAccountEmail?: string;
  /**
   * Audience claim of the OIDC token. Needs `oidcServiceAccountEmail`.
   * @default - the endpoint URL
   */
  readonly oidcAudience?: string;
  /**
   * Deliver the message data as the raw HTTP body instead of the JSON push envelope.
   * @default false
   */
  readonly noWrapper?: boolean;
  /**
   * With `noWrapper`, send message attributes and metadata as HTTP headers.
   * @default false
   */
  readonly writeMetadata?: boolean;
}

/** BigQuery delivery: Pub/Sub writes each message as a table row. */
export interface BigQueryDeliveryOptions {
  /** The dataset ID (letters, digits, underscores). */
  readonly datasetId: string;
  /** The table ID. */
  readonly tableId: string;
  /**
   * Project of the dataset.
   * @default - the subscription's project (the provider's project when that is unset)
   */
  readonly project?: string;
  /**
   * Create the table, its columns converted from the topic's AVRO schema (plus the metadata columns when
   * `writeMetadata` is on, or a `data` column when neither schema option is on).
   * @default true
   */
  readonly createTable?: boolean;
  /**
   * Create the dataset too. Only with `createTable`.
   * @default - the value of `createTable`
   */
  readonly createDataset?: boolean;
  /**
   * Location of a created dataset.
   * @default - BigQuery's default location (US)
   */
  readonly location?: string;
  /**
   * Write subscription name, message ID, publish time and attributes to their own columns.
   * @default false
   */
  readonly writeMetadata?: boolean;
  /**
   * Map the topic schema's fields to columns. Needs a topic schema; exclusive with `useTableSchema`.
   * @default - true when the topic has a schema and `useTableSchema` is not set
   */
  readonly useTopicSchema?: boolean;
  /**
   * Map JSON message fields to the table's columns. Exclusive with `useTopicSchema`.
   * @default false
   */
  readonly useTableSchema?: boolean;
  /**
   * Drop message fields the table does not have instead of leaving the message in the backlog.
   * @default false
   */
  readonly dropUnknownFields?: boolean;
}

/** Format of the files a Cloud Storage subscription writes. */
export enum CloudStorageFileFormat {
  /** Message data as text, one message per line. */
  TEXT = 'TEXT',
  /** Avro container files. */
  AVRO = 'AVRO',
}

/** Cloud Storage delivery: Pub/Sub batches messages into files in a bucket. */
export interface CloudStorageDeliveryOptions {
  /** Bucket name, without `gs://`. eventform grants the service agent object creator and bucket reader on it. */
  readonly bucket: string;
  /**
   * Prefix of every file name.
   * @default - no prefix
   */
  readonly filenamePrefix?: string;
  /**
   * Suffix of every file name (must not end in `/`).
   * @default - no suffix
   */
  readonly filenameSuffix?: string;
  /**
   * Date-time part of file names, e.g. `YYYY-MM-DD/hh_mm_ssZ`.
   * @default - Pub/Sub's default format
   */
  readonly filenameDatetimeFormat?: string;
  /**
   * Seconds before a new file is started (60-600).
   * @default 300
   */
  readonly maxDurationSeconds?: number;
  /**
   * Bytes before a new file is started (1,000 to 10 GiB).
   * @default - no byte limit
   */
  readonly maxBytes?: number;
  /**
   * Messages before a new file is started (at least 1,000).
   * @default - no message limit
   */
  readonly maxMessages?: number;
  /**
   * File format.
   * @default CloudStorageFileFormat.TEXT
   */
  readonly format?: CloudStorageFileFormat;
  /**
   * AVRO only: write message metadata as Avro fields.
   * @default false
   */
  readonly writeMetadata?: boolean;
  /**
   * AVRO only: use the topic's schema for the file's records.
   * @default false
   */
  readonly useTopicSchema?: boolean;
}

/** Dead-lettering: after `maxDeliveryAttempts` failed deliveries a message moves to the dead-letter topic. */
export interface DeadLetterPolicySpec {
  /**
   * Delivery attempts before a message is forwarded (5-100).
   * @default 5
   */
  readonly maxDeliveryAttempts?: number;
}

/** What a Pub/Sub subscription is, independent of the engine that creates it. */
export interface SubscriptionSpec {
  /** The subscription ID (3-255 characters, a letter first). Changing it replaces the subscription. */
  readonly subscriptionName: string;
  /**
   * Labels on the subscription.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Seconds a subscriber has to acknowledge a message before it is redelivered (10-600).
   * @default 10
   */
  readonly ackDeadlineSeconds?: number;
  /**
   * How long unacknowledged (and, with `retainAckedMessages`, acknowledged) messages are kept (10 minutes-31 days).
   * @default 604800 (7 days)
   */
  readonly messageRetentionSeconds?: number;
  /**
   * Keep acknowledged messages for the retention period, so the subscription can seek back.
   * @default false
   */
  readonly retainAckedMessages?: boolean;
  /**
   * Delete the subscription (and its backlog) after this many seconds without subscriber activity; at least one
   * day.
   * @default - never expires (the API's own default would delete it after 31 idle days)
   */
  readonly expirationTtlSeconds?: number;
  /**
   * Smallest delay before a nacked or expired message is redelivered (0-600 s).
   * @default 10
   */
  readonly minimumBackoffSeconds?: number;
  /**
   * Largest delay before redelivery (0-600 s, at least `minimumBackoffSeconds`).
   * @default 600
   */
  readonly maximumBackoffSeconds?: number;
  /**
   * Only deliver messages whose attributes match this filter (Pub/Sub filter syntax, at most 256 bytes).
   * Immutable: changing it replaces the subscription and drops its backlog.
   * @default - every message
   */
  readonly filter?: string;
  /**
   * Deliver messages with the same ordering key in publish order. Immutable: changing it replaces the subscription
   * and drops its backlog.
   * @default false
   */
  readonly enableMessageOrdering?: boolean;
  /**
   * Exactly-once delivery: acknowledged messages are never redelivered. Pull subscriptions only.
   * @default false
   */
  readonly enableExactlyOnceDelivery?: boolean;
  /**
   * Push delivery to an HTTPS endpoint. At most one of `push`, `bigQuery`, `cloudStorage`.
   * @default - pull delivery
   */
  readonly push?: PushDeliveryOptions;
  /**
   * Write messages to a BigQuery table. At most one of `push`, `bigQuery`, `cloudStorage`.
   * @default - pull delivery
   */
  readonly bigQuery?: BigQueryDeliveryOptions;
  /**
   * Write messages to files in a Cloud Storage bucket. At most one of `push`, `bigQuery`, `cloudStorage`.
   * @default - pull delivery
   */
  readonly cloudStorage?: CloudStorageDeliveryOptions;
  /**
   * Forward messages that fail `maxDeliveryAttempts` times to a dead-letter topic.
   * @default - no dead-lettering: failing messages are redelivered until they expire
   */
  readonly deadLetterPolicy?: DeadLetterPolicySpec;
  /**
   * Keep the subscription (and its backlog) when the stack is destroyed or the subscription would be replaced
   * (Terraform `prevent_destroy`): such a plan fails instead.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** The defaults eventform applies to a subscription. */
export const SUBSCRIPTION_DEFAULTS = {
  ackDeadlineSeconds: 10,
  messageRetentionSeconds: 7 * DAY_SECONDS,
  minimumBackoffSeconds: 10,
  maximumBackoffSeconds: 600,
  maxDeliveryAttempts: 5,
  cloudStorageMaxDurationSeconds: 300,
} as const;

/** A Cloud Storage bucket name (no `gs://`). */
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

/** Checks a subscription spec; every problem is recorded on `v`. */
export function validateSubscriptionSpec(v: PropsValidator, spec: SubscriptionSpec): void {
  const L = PUBSUB_LIMITS;
  checkPubsubName(v, 'subscriptionName', spec.subscriptionName, 'PUBSUB_SUBSCRIPTION_NAME');
  checkLabels(v, spec.labels);
  v.range(
    'ackDeadlineSeconds',
    spec.ackDeadlineSeconds,
    L.ackDeadlineSeconds.min,
    L.ackDeadlineSeconds.max,
    'PUBSUB_ACK_DEADLINE_RANGE',
    {
      unit: ' s',
      integer: true,
    },
  );
  const r = L.messageRetentionSeconds;
  v.range(
    'messageRetentionSeconds',
    spec.messageRetentionSeconds,
    r.min,
    r.max,
    'PUBSUB_SUBSCRIPTION_RETENTION_RANGE',
    {
      unit: ' s',
      integer: true,
      hint: 'Subscription retention is 10 minutes (600) to 31 days (2678400).',
    },
  );
  if (v.known(spec.expirationTtlSeconds)) {
    v.check(
      Number.isInteger(spec.expirationTtlSeconds) && spec.expirationTtlSeconds >= L.expirationMinSeconds,
      'PUBSUB_EXPIRATION_TOO_SHORT',
      'expirationTtlSeconds',
      `expirationTtlSeconds must be a whole number of seconds of at least ${L.expirationMinSeconds} (1 day); ` +
        `got ${show(spec.expirationTtlSeconds)}. Leave it unset for a subscription that never expires.`,
    );
  }
  const b = L.backoffSeconds;
  v.range('minimumBackoffSeconds', spec.minimumBackoffSeconds, b.min, b.max, 'PUBSUB_BACKOFF_RANGE', { unit: ' s' });
  v.range('maximumBackoffSeconds', spec.maximumBackoffSeconds, b.min, b.max, 'PUBSUB_BACKOFF_RANGE', { unit: ' s' });
  const min = spec.minimumBackoffSeconds ?? SUBSCRIPTION_DEFAULTS.minimumBackoffSeconds;
  const max = spec.maximumBackoffSeconds ?? SUBSCRIPTION_DEFAULTS.maximumBackoffSeconds;
  if (v.known(spec.minimumBackoffSeconds ?? min) && v.known(spec.maximumBackoffSeconds ?? max)) {
    v.check(
      min <= max,
      'PUBSUB_BACKOFF_ORDER',
      'minimumBackoffSeconds',
      `minimumBackoffSeconds (${min}) must not exceed maximumBackoffSeconds (${max}); lower the minimum or raise the maximum.`,
    );
  }
  if (v.known(spec.filter)) v.addAll(parsePubsubFilter(spec.filter).issues);
  if (spec.deadLetterPolicy !== undefined) {
    const a = L.maxDeliveryAttempts;
    v.range(
      'deadLetterPolicy.maxDeliveryAttempts',
      spec.deadLetterPolicy.maxDeliveryAttempts,
      a.min,
      a.max,
      'PUBSUB_MAX_DELIVERY_ATTEMPTS_RANGE',
      {
        integer: true,
      },
    );
  }
  v.exclusive(
    { push: spec.push, bigQuery: spec.bigQuery, cloudStorage: spec.cloudStorage },
    'PUBSUB_DELIVERY_EXCLUSIVE',
  );
  if (spec.enableExactlyOnceDelivery === true) {
    const other = spec.push ? 'push' : spec.bigQuery ? 'bigQuery' : spec.cloudStorage ? 'cloudStorage' : undefined;
    if (other !== undefined) {
      v.add(
        'PUBSUB_EXACTLY_ONCE_PULL_ONLY',
        'enableExactlyOnceDelivery',
        `enableExactlyOnceDelivery and ${other} cannot be used together: exactly-once delivery is for pull subscriptions only; choose one.`,
      );
    }
  }
  if (spec.push) validatePush(v, spec.push);
  if (spec.bigQuery) validateBigQuery(v, spec.bigQuery);
  if (spec.cloudStorage) validateCloudStorage(v, spec.cloudStorage);
}

function validatePush(v: PropsValidator, push: PushDeliveryOptions): void {
  if (v.known(push.endpoint)) {
    let ok = false;
    try {
      const url = new URL(push.endpoint);
      ok = url.protocol === 'https:' && url.hostname !== '';
    } catch {
      ok = false;
    }
    v.check(
      ok,
      'PUBSUB_PUSH_ENDPOINT_HTTPS',
      'push.endpoint',
      `push.endpoint must be an https:// URL; got ${show(push.endpoint)}. Pub/Sub only pushes over TLS.`,
    );
  }
  v.check(
    push.oidcAudience === undefined || push.oidcServiceAccountEmail !== undefined,
    'PUBSUB_PUSH_OIDC',
    'push.oidcAudience',
    'push.oidcAudience needs push.oidcServiceAccountEmail (the account whose token carries the audience); set both.',
  );
  v.check(
    push.writeMetadata !== true || push.noWrapper === true,
    'PUBSUB_PUSH_WRITE_METADATA',
    'push.writeMetadata',
    'push.writeMetadata only applies with push.noWrapper: true (wrapped messages always carry metadata); set noWrapper or remove writeMetadata.',
  );
}

function validateBigQuery(v: PropsValidator, bq: BigQueryDeliveryOptions): void {
  v.text('bigQuery.datasetId', bq.datasetId, 'PUBSUB_BIGQUERY_TABLE', {
    min: 1,
    max: 1024,
    pattern: BIGQUERY_DATASET_PATTERN,
    allowed: 'letters, digits and underscores',
  });
  v.text('bigQuery.tableId', bq.tableId, 'PUBSUB_BIGQUERY_TABLE', {
    min: 1,
    max: 1024,
    pattern: BIGQUERY_TABLE_PATTERN,
    allowed: 'letters, digits, underscores and dashes',
  });
  if (bq.useTopicSchema === true && bq.useTableSchema === true) {
    v.add(
      'PUBSUB_BIGQUERY_SCHEMA_EXCLUSIVE',
      'bigQuery.useTopicSchema, bigQuery.useTableSchema',
      'bigQuery.useTopicSchema and bigQuery.useTableSchema cannot be used together; choose one.',
    );
  }
  v.check(
    bq.createDataset !== true || bq.createTable !== false,
    'PUBSUB_BIGQUERY_CREATE',
    'bigQuery.createDataset',
    'bigQuery.createDataset needs bigQuery.createTable (an empty dataset is of no use to the subscription); set createTable or remove createDataset.',
  );
}

function validateCloudStorage(v: PropsValidator, cs: CloudStorageDeliveryOptions): void {
  const L = PUBSUB_LIMITS;
  if (v.known(cs.bucket)) {
    v.check(
      BUCKET_PATTERN.test(cs.bucket),
      'PUBSUB_CLOUD_STORAGE_BUCKET',
      'cloudStorage.bucket',
      `cloudStorage.bucket must be a bucket name (3-222 lowercase letters, digits, . _ -, no gs://); got ${show(cs.bucket)}.`,
    );
  }
  if (v.known(cs.filenameSuffix)) {
    v.check(
      !cs.filenameSuffix.endsWith('/'),
      'PUBSUB_CLOUD_STORAGE_FILENAME',
      'cloudStorage.filenameSuffix',
      `cloudStorage.filenameSuffix must not end in "/"; got ${show(cs.filenameSuffix)}.`,
    );
  }
  const d = L.cloudStorageMaxDurationSeconds;
  v.range(
    'cloudStorage.maxDurationSeconds',
    cs.maxDurationSeconds,
    d.min,
    d.max,
    'PUBSUB_CLOUD_STORAGE_MAX_DURATION_RANGE',
    {
      unit: ' s',
      integer: true,
    },
  );
  const by = L.cloudStorageMaxBytes;
  v.range('cloudStorage.maxBytes', cs.maxBytes, by.min, by.max, 'PUBSUB_CLOUD_STORAGE_MAX_BYTES_RANGE', {
    integer: true,
  });
  if (v.known(cs.maxMessages)) {
    v.check(
      Number.isInteger(cs.maxMessages) && cs.maxMessages >= L.cloudStorageMaxMessagesMin,
      'PUBSUB_CLOUD_STORAGE_MAX_MESSAGES',
      'cloudStorage.maxMessages',
      `cloudStorage.maxMessages must be an integer of at least ${L.cloudStorageMaxMessagesMin}; got ${show(cs.maxMessages)}.`,
    );
  }
  if ((cs.format ?? CloudStorageFileFormat.TEXT) !== CloudStorageFileFormat.AVRO) {
    const set = ['writeMetadata', 'useTopicSchema'].filter((k) => cs[k as 'writeMetadata' | 'useTopicSchema'] === true);
    v.check(
      set.length === 0,
      'PUBSUB_CLOUD_STORAGE_AVRO_OPTIONS',
      `cloudStorage.${set[0]}`,
      `cloudStorage.${set.join(' and cloudStorage.')} only apply to format AVRO; set format: CloudStorageFileFormat.AVRO or remove them.`,
    );
  }
}
