import { Stack, Token, type Duration } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { PropsValidator } from '../../../lib/validation';
import { EVENTBRIDGE_LIMITS } from '../limits';
import { allowEventBridgeToSend, checkQueueForEventBridge } from '../queue-access';
import type { Rule } from '../rule';
import type { TargetInput } from './target-input';

/** Options every target takes. */
export interface TargetOptions {
  /**
   * How many times EventBridge retries a failed delivery: 0-185.
   * @default 185
   */
  readonly retryAttempts?: number;
  /**
   * How long EventBridge keeps retrying an event: 60 seconds to 24 hours.
   * @default Duration.hours(24)
   */
  readonly maxEventAge?: Duration;
  /**
   * Standard SQS queue in the rule's region for events that could not be delivered. eventform adds one queue-policy
   * statement (and KMS grant) per bus, scoped to the bus's rules.
   * @default - no dead-letter queue: undeliverable events are dropped
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * What the target receives.
   * @default - the matched event
   */
  readonly input?: TargetInput;
}

/** A rule target: turns itself into the rule's `Targets` entry and creates what it needs (permissions, roles). */
export interface IEventTarget {
  /** Called once by the rule; `targetId` is unique within the rule. */
  bind(rule: Rule, targetId: string): events.CfnRule.TargetProperty;
}

/** Shared option handling of the built-in targets: validation, retry policy, dead-letter queue, input. */
export abstract class EventTargetBase implements IEventTarget {
  protected constructor(
    kind: string,
    protected readonly options: TargetOptions,
    validate: (v: PropsValidator) => void = () => undefined,
  ) {
    const v = new PropsValidator(kind, Token.isUnresolved);
    v.range(
      'retryAttempts',
      options.retryAttempts,
      EVENTBRIDGE_LIMITS.retryAttemptsMin,
      EVENTBRIDGE_LIMITS.retryAttemptsMax,
      'EVENTS_RETRY_ATTEMPTS',
      { integer: true },
    );
    const age = options.maxEventAge;
    if (age !== undefined && !Token.isUnresolved(age.toString())) {
      v.range(
        'maxEventAge',
        age.toSeconds(),
        EVENTBRIDGE_LIMITS.maxEventAgeMinSeconds,
        EVENTBRIDGE_LIMITS.maxEventAgeMaxSeconds,
        'EVENTS_MAX_EVENT_AGE',
        { unit: ' s', integer: true, hint: 'Use Duration.seconds(60) to Duration.hours(24).' },
      );
    }
    if (options.deadLetterQueue) {
      checkQueueForEventBridge(v, 'deadLetterQueue', options.deadLetterQueue, { deadLetter: true });
    }
    validate(v);
    v.throwIfAny();
  }

  bind(rule: Rule, targetId: string): events.CfnRule.TargetProperty {
    const dlq = this.options.deadLetterQueue;
    if (dlq) {
      const v = new PropsValidator(`${rule.node.path}/${targetId}`, Token.isUnresolved);
      checkQueueForEventBridge(v, 'deadLetterQueue', dlq, { deadLetter: true, region: Stack.of(rule).region });
      v.throwIfAny();
      allowEventBridgeToSend(dlq, rule.eventBus._eventBridgeSource());
      rule.eventBus._registerDeadLetterQueue(dlq);
    }
    const retry =
      this.options.retryAttempts !== undefined || this.options.maxEventAge !== undefined
        ? {
            maximumRetryAttempts: this.options.retryAttempts,
            maximumEventAgeInSeconds: this.options.maxEventAge?.toSeconds(),
          }
        : undefined;
    return {
      ...this.bindTarget(rule, targetId),
      ...this.options.input?.config,
      id: targetId,
      retryPolicy: retry,
      deadLetterConfig: dlq ? { arn: dlq.queueArn } : undefined,
    };
  }

  /** The target-specific fields (`Arn`, `RoleArn`, `SqsParameters`...), creating what the target needs. */
  protected abstract bindTarget(rule: Rule, targetId: string): Omit<events.CfnRule.TargetProperty, 'id'>;
}
