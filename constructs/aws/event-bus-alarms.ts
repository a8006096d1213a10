import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PropsValidator } from '../../lib/validation';
import type { IEventBus } from './event-bus';
import type { Rule } from './rule';

/** Properties of {@link EventBusAlarms}. */
export interface EventBusAlarmsProps {
  /** The bus whose rules and dead-letter queues are watched. */
  readonly eventBus: IEventBus;
  /**
   * Rules to alarm on (FailedInvocations and ThrottledRules, each summed over `period`).
   * @default - every rule created on the bus so far
   */
  readonly rules?: Rule[];
  /**
   * Dead-letter queues to alarm on (ApproximateNumberOfMessagesVisible above 0).
   * @default - every dead-letter queue used so far by targets of the bus's rules, plus the bus's own
   */
  readonly deadLetterQueues?: sqs.IQueue[];
  /**
   * Topic notified when an alarm fires and when it recovers.
   * @default - no action
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Period over which each metric is evaluated (1 minute to 1 day).
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
}

/**
 * CloudWatch alarms for a bus: a dead-letter queue holding any message, a rule with failed invocations, a rule
 * being throttled. Create it after the rules and targets it should watch.
 */
export class EventBusAlarms extends Construct {
  /** Every alarm created. */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: EventBusAlarmsProps) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    v.range('period', props.period?.toSeconds(), 60, 86_400, 'EVENTS_ALARM_PERIOD', {
      unit: ' s',
      integer: true,
      hint: 'Use Duration.minutes(1) to Duration.days(1), in whole minutes.',
    });
    v.check(
      props.period === undefined || props.period.toSeconds() % 60 === 0,
      'EVENTS_ALARM_PERIOD',
      'period',
      `period must be a whole number of minutes; got ${props.period?.toSeconds()} s.`,
    );
    v.throwIfAny();
    const period = props.period ?? Duration.minutes(5);
    const bus = props.eventBus;
    const queues = props.deadLetterQueues ?? [
      ...bus.targetDeadLetterQueues,
      ...(bus.deadLetterQueue ? [bus.deadLetterQueue] : []),
    ];
    const rules = props.rules ?? bus.rules;

    queues.forEach((queue, i) => {
      this.add(`DeadLetterQueue${i}`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        alarmDescription: `Events are waiting in dead-letter queue ${queue.node.path}: inspect and redrive them.`,
      });
    });
    rules.forEach((rule, i) => {
      const dimensionsMap: Record<string, string> = bus.isDefaultBus
        ? { RuleName: rule.ruleName }
        : { EventBusName: bus.eventBusName, RuleName: rule.ruleName };
      for (const metricName of ['FailedInvocations', 'ThrottledRules']) {
        this.add(`${metricName}${i}`, {
          metric: new cloudwatch.Metric({
            namespace: 'AWS/Events',
            metricName,
            dimensionsMap,
            period,
            statistic: 'Sum',
          }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          alarmDescription: `${metricName} on rule ${rule.node.path}.`,
        });
      }
    });
    if (props.alarmTopic) {
      const action = new cwActions.SnsAction(props.alarmTopic);
      for (const alarm of this.alarms) {
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
      }
    }
  }

  private add(id: string, props: Omit<cloudwatch.AlarmProps, 'evaluationPeriods'>): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        ...props,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
