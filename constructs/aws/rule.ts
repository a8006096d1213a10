import { Names, Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { EventformError } from '../../lib/errors';
import type { EventPatternJson } from '../../lib/pattern/pattern-json';
import { PropsValidator } from '../../lib/validation';
import { EventBus, type IEventBus } from './event-bus';
import { checkEventPattern } from './event-pattern';
import { EVENTBRIDGE_LIMITS, eventBridgeNameRule } from './limits';
import type { IEventTarget } from './targets/event-target';

/** Options of a rule created from a bus with `bus.addRule(...)`. */
export interface RuleOptions {
  /**
   * Name of the rule: 1-64 characters of letters, digits, `.`, `-` and `_`.
   * @default - a unique name derived from the construct path
   */
  readonly ruleName?: string;
  /**
   * Description (up to 512 characters).
   * @default - no description
   */
  readonly description?: string;
  /**
   * Whether the rule is enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Event pattern (plain JSON, or built with the core's `buildEventPattern`); validated at construction by
   * `validateEventPattern`. Set exactly one of `eventPattern` and `schedule`.
   * @default - none: `schedule` must be set
   */
  readonly eventPattern?: EventPatternJson;
  /**
   * Schedule (`events.Schedule.rate(...)` or `.cron(...)`); only the default bus runs scheduled rules.
   * @default - none: `eventPattern` must be set
   */
  readonly schedule?: events.Schedule;
  /**
   * Targets (at most 5); more can be added with `addTarget`.
   * @default - no targets
   */
  readonly targets?: IEventTarget[];
}

/** Properties of a {@link Rule}. */
export interface RuleProps extends RuleOptions {
  /**
   * The bus the rule listens on.
   * @default - the account's default bus
   */
  readonly eventBus?: IEventBus;
}

/** An EventBridge rule with a validated pattern (or a schedule) and up to 5 targets. */
export class Rule extends Construct {
  /** Name of the rule. */
  readonly ruleName: string;
  /** ARN of the rule. */
  readonly ruleArn: string;
  /** The bus the rule listens on. */
  readonly eventBus: IEventBus;
  /** The stack the rule is in. */
  readonly stack: Stack;
  /** The CloudFormation resource. */
  readonly resource: events.CfnRule;
  private readonly targets: events.CfnRule.TargetProperty[] = [];

  constructor(scope: Construct, id: string, props: RuleProps) {
    super(scope, id);
    this.stack = Stack.of(this);
    this.eventBus = props.eventBus ?? EventBus.defaultBus(this);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    v.text('ruleName', props.ruleName, 'EVENTS_RULE_NAME', eventBridgeNameRule(EVENTBRIDGE_LIMITS.ruleNameMax));
    v.text('description', props.description, 'EVENTS_DESCRIPTION', { max: EVENTBRIDGE_LIMITS.descriptionMax });
    v.exclusive({ eventPattern: props.eventPattern, schedule: props.schedule }, 'EVENTS_RULE_PATTERN_OR_SCHEDULE');
    v.check(
      props.eventPattern !== undefined || props.schedule !== undefined,
      'EVENTS_RULE_PATTERN_OR_SCHEDULE',
      'eventPattern',
      'a rule needs an eventPattern or a schedule; got neither. Set one of them.',
    );
    v.check(
      props.schedule === undefined || this.eventBus.isDefaultBus,
      'EVENTS_SCHEDULE_ON_CUSTOM_BUS',
      'schedule',
      `schedule is only allowed on the default event bus; this rule is on ${this.eventBus.node.path}. Put the ` +
        'scheduled rule on EventBus.defaultBus(scope) (or use EventBridge Scheduler).',
    );
    checkEventPattern(v, 'eventPattern', props.eventPattern);
    v.check(
      (props.targets ?? []).length <= EVENTBRIDGE_LIMITS.targetsPerRule,
      'EVENTS_TOO_MANY_TARGETS',
      'targets',
      `a rule may have at most ${EVENTBRIDGE_LIMITS.targetsPerRule} targets; got ${(props.targets ?? []).length}. ` +
        'Split them over several rules with the same pattern.',
    );
    v.throwIfAny();

    this.ruleName =
      props.ruleName ??
      Names.uniqueResourceName(this, { maxLength: 64, separator: '-', allowedSpecialCharacters: '-_.' });
    this.ruleArn = this.stack.formatArn({
      service: 'events',
      region: this.eventBus.env.region,
      account: this.eventBus.env.account,
      resource: 'rule',
      resourceName: this.eventBus.isDefaultBus ? this.ruleName : `${this.eventBus.eventBusName}/${this.ruleName}`,
    });
    this.resource = new events.CfnRule(this, 'Resource', {
      name: this.ruleName,
      description: props.description,
      eventBusName: this.eventBus.isDefaultBus ? undefined : this.eventBus.eventBusName,
      eventPattern: props.eventPattern,
      scheduleExpression: props.schedule?.expressionString,
      state: props.enabled === false ? 'DISABLED' : 'ENABLED',
      targets: this.targets,
    });
    this.eventBus._registerRule(this);
    for (const target of props.targets ?? []) this.addTarget(target);
  }

  /** Adds a target (at most 5 per rule); its id is `Target0`, `Target1`, ... in order. */
  addTarget(target: IEventTarget): void {
    if (this.targets.length >= EVENTBRIDGE_LIMITS.targetsPerRule) {
      throw new EventformError(
        {
          code: 'EVENTS_TOO_MANY_TARGETS',
          path: 'targets',
          message: `a rule may have at most ${EVENTBRIDGE_LIMITS.targetsPerRule} targets; adding target ${this.targets.length + 1}. Split them over several rules with the same pattern.`,
        },
        this.node.path,
      );
    }
    this.targets.push(target.bind(this, `Target${this.targets.length}`));
  }
}
