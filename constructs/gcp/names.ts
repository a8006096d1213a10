/**
 * Naming rules of the Google Cloud resources eventform creates, as checks on a {@link PropsValidator}. Pure: no
 * engine imports.
 * @module
 */
import { type PropsValidator, show } from '../../lib/validation';
import { PUBSUB_LIMITS } from './limits';

/** Topic, subscription and schema IDs: 3-255 characters, a letter first, then `[A-Za-z0-9-_.~+%]`, not `goog...`. */
export const PUBSUB_NAME_PATTERN = /^(?!goog)[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/;

/** BigQuery dataset IDs: letters, digits and underscores, up to 1,024 characters. */
export const BIGQUERY_DATASET_PATTERN = /^[A-Za-z0-9_]{1,1024}$/;

/** BigQuery table IDs (the subset eventform accepts): letters, digits, underscores and dashes, up to 1,024. */
export const BIGQUERY_TABLE_PATTERN = /^[A-Za-z0-9_-]{1,1024}$/;

/** A label key: a lowercase letter, then up to 62 lowercase letters, digits, `_` or `-`. */
export const LABEL_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

/** A label value: up to 63 lowercase letters, digits, `_` or `-`. */
export const LABEL_VALUE_PATTERN = /^[a-z0-9_-]{0,63}$/;

/** A Google Cloud region, such as `europe-west1` or `us-central1`. */
export const REGION_PATTERN = /^[a-z]+-[a-z]+[0-9]+$/;

/** A Cloud KMS key: `projects/P/locations/L/keyRings/R/cryptoKeys/K`. */
export const KMS_KEY_PATTERN = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

/** Checks a topic, subscription or schema ID. */
export function checkPubsubName(v: PropsValidator, prop: string, value: string | undefined, code: string): void {
  v.text(prop, value, code, {
    min: 3,
    max: 255,
    pattern: PUBSUB_NAME_PATTERN,
    allowed: 'a letter followed by letters, digits or - _ . ~ + %, not starting with "goog"',
  });
}

/** Checks a label map: at most 64 labels, keys and values per Google's label rules. */
export function checkLabels(v: PropsValidator, labels: Readonly<Record<string, string>> | undefined): void {
  if (!v.known(labels)) return;
  const entries = Object.entries(labels);
  v.check(
    entries.length <= PUBSUB_LIMITS.labelsMax,
    'PUBSUB_LABELS_TOO_MANY',
    'labels',
    `labels may hold at most ${PUBSUB_LIMITS.labelsMax} entries; got ${entries.length}.`,
  );
  for (const [key, value] of entries) {
    v.check(
      LABEL_KEY_PATTERN.test(key),
      'PUBSUB_LABEL_KEY',
      `labels.${key}`,
      `label key ${show(key)} must start with a lowercase letter and hold 1-63 lowercase letters, digits, _ or -.`,
    );
    if (v.known(value)) {
      v.check(
        LABEL_VALUE_PATTERN.test(value),
        'PUBSUB_LABEL_VALUE',
        `labels.${key}`,
        `label value ${show(value)} must hold 0-63 lowercase letters, digits, _ or -.`,
      );
    }
  }
}
