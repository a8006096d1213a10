import { Token } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import { EventformError, type EventformIssue } from '../../../lib/errors';
import { show } from '../../../lib/validation';
import { EVENTBRIDGE_LIMITS, INPUT_PATH_KEY_PATTERN } from '../limits';

/** Placeholders EventBridge fills in an input template without an entry in the input paths map. */
const RESERVED_PLACEHOLDERS = new Set([
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
]);

/** What a target receives: the matched event (default), a constant, part of the event, or a transformed event. */
export class TargetInput {
  /** A constant JSON document instead of the event. */
  static fromObject(value: unknown): TargetInput {
    return new TargetInput({ input: JSON.stringify(value) });
  }

  /** Part of the event, selected by a JSON path such as `$.detail`. */
  static fromEventPath(path: string): TargetInput {
    if (!Token.isUnresolved(path) && !path.startsWith('$')) {
      throw new EventformError({
        code: 'EVENTS_INPUT_PATH',
        path: 'path',
        message: `TargetInput.fromEventPath needs a JSON path starting with $; got ${show(path)}. Use e.g. '$.detail'.`,
      });
    }
    return new TargetInput({ inputPath: path });
  }

  /**
   * An input transformer: values picked from the event by JSON path (`inputPathsMap`, up to 100 entries) and
   * placed into `inputTemplate` (up to 8,192 characters) as `<name>` placeholders. Every placeholder must be a key
   * of the map or one of EventBridge's reserved `aws.events.*` names.
   */
  static transform(inputPathsMap: Record<string, string>, inputTemplate: string): TargetInput {
    const issues: EventformIssue[] = [];
    const keys = Object.keys(inputPathsMap);
    if (keys.length > EVENTBRIDGE_LIMITS.inputPathsMax) {
      issues.push({
        code: 'EVENTS_INPUT_PATHS_COUNT',
        path: 'inputPathsMap',
        message: `inputPathsMap may have at most ${EVENTBRIDGE_LIMITS.inputPathsMax} entries; got ${keys.length}. Pick fewer values or pass $.detail whole.`,
      });
    }
    for (const [key, path] of Object.entries(inputPathsMap)) {
      if (!INPUT_PATH_KEY_PATTERN.test(key) || key.startsWith('aws.events')) {
        issues.push({
          code: 'EVENTS_INPUT_PATH_KEY',
          path: `inputPathsMap.${key}`,
          message: `inputPathsMap keys must be letters, digits, - and _ (not aws.events*); got ${show(key)}.`,
        });
      }
      if (!Token.isUnresolved(path) && !path.startsWith('$')) {
        issues.push({
          code: 'EVENTS_INPUT_PATH',
          path: `inputPathsMap.${key}`,
          message: `inputPathsMap values must be JSON paths starting with $; got ${show(path)}. Use e.g. '$.detail.orderId'.`,
        });
      }
    }
    if (!Token.isUnresolved(inputTemplate)) {
      if (inputTemplate.length > EVENTBRIDGE_LIMITS.inputTemplateMax) {
        issues.push({
          code: 'EVENTS_INPUT_TEMPLATE_LENGTH',
          path: 'inputTemplate',
          message: `inputTemplate may be at most ${EVENTBRIDGE_LIMITS.inputTemplateMax} characters; got ${inputTemplate.length}.`,
        });
      }
      for (const m of inputTemplate.matchAll(/<([^<>\s"]+)>/g)) {
        const name = m[1];
        if (!(name in inputPathsMap) && !RESERVED_PLACEHOLDERS.has(name)) {
          issues.push({
            code: 'EVENTS_INPUT_TEMPLATE_PLACEHOLDER',
            path: 'inputTemplate',
            message: `inputTemplate uses <${name}>, which is neither a key of inputPathsMap (${keys.join(', ') || 'empty'}) nor a reserved aws.events placeholder. Add it to inputPathsMap.`,
          });
        }
      }
    }
    if (issues.length > 0) throw new EventformError(issues, 'TargetInput.transform');
    return new TargetInput({ inputTransformer: { inputPathsMap, inputTemplate } });
  }

  private constructor(
    /** The target fields this input sets (`Input`, `InputPath` or `InputTransformer`). */
    readonly config: Pick<events.CfnRule.TargetProperty, 'input' | 'inputPath' | 'inputTransformer'>,
  ) {}
}
