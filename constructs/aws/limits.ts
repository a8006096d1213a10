/**
 * Amazon EventBridge quotas and name rules that eventform checks at synth time. They are specific to EventBridge, so
 * they live beside the AWS constructs rather than in the cloud-neutral core.
 */
export const EVENTBRIDGE_LIMITS = {
  /** Targets one rule may have. */
  targetsPerRule: 5,
  /** Default quota of rules per event bus (adjustable): past it eventform warns. */
  rulesPerBusWarning: 300,
  /** Retry attempts of a target: 0-185. */
  retryAttemptsMin: 0,
  retryAttemptsMax: 185,
  /** Maximum event age of a target, in seconds: 60 s - 24 h. */
  maxEventAgeMinSeconds: 60,
  maxEventAgeMaxSeconds: 86_400,
  /** Rule names: 1-64 characters of `[.\-_A-Za-z0-9]`. */
  ruleNameMax: 64,
  /** Target ids: 1-64 characters of `[.\-_A-Za-z0-9]`. */
  targetIdMax: 64,
  /** Archive names: 1-48 characters of `[.\-_A-Za-z0-9]`. */
  archiveNameMax: 48,
  /** Replay names: 1-64 characters of `[.\-_A-Za-z0-9]`. */
  replayNameMax: 64,
  /** Event bus names: 1-256 characters of `[/.\-_A-Za-z0-9]`. */
  eventBusNameMax: 256,
  /** Descriptions of buses, rules and archives. */
  descriptionMax: 512,
  /** FIFO message group id: 1-128 characters. */
  messageGroupIdMax: 128,
  /** Input transformer: at most 100 entries in the input paths map. */
  inputPathsMax: 100,
  /** Input transformer template: at most 8,192 characters. */
  inputTemplateMax: 8192,
  /** Schema registry and schema names: 1-64 characters. */
  registryNameMax: 64,
  schemaNameMax: 385,
} as const;

/** Characters allowed in rule, target, archive and replay names. */
export const EVENTBRIDGE_NAME_PATTERN = /^[.\-_A-Za-z0-9]+$/;

/** The `PropsValidator.text` rule for a rule, archive or replay name of at most `max` characters. */
export function eventBridgeNameRule(max: number) {
  return { min: 1, max, pattern: EVENTBRIDGE_NAME_PATTERN, allowed: 'letters, digits, ., - and _' };
}
/** Characters allowed in event bus names (a partner bus name contains slashes). */
export const EVENT_BUS_NAME_PATTERN = /^[/.\-_A-Za-z0-9]+$/;
/** Input transformer keys: letters, digits, `_` and `-`. */
export const INPUT_PATH_KEY_PATTERN = /^[A-Za-z0-9_-]+$/;
