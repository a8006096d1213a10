import { Token } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { PropsValidator } from '../../../lib/validation';
import { EVENTBRIDGE_LIMITS } from '../limits';
import { allowEventBridgeToSend, checkQueueForEventBridge } from '../queue-access';
import type { Rule } from '../rule';
import { EventTargetBase, type TargetOptions } from './event-target';

/** Options of an {@link SqsTarget}. */
export interface SqsTargetOptions extends TargetOptions {
  /**
   * Message group id for a FIFO queue (1-128 characters); required for FIFO, not allowed for standard queues.
   * @default - none (standard queue)
   */
  readonly messageGroupId?: string;
}

/**
 * Sends matched events to an SQS queue, standard or FIFO. A FIFO queue needs a message group id and
 * content-based deduplication (EventBridge does not set a deduplication id). The queue gets one policy statement
 * per bus (`aws:SourceArn` like the bus's rules) and, when it has a customer-managed key, a matching key grant.
 */
export class SqsTarget extends EventTargetBase {
  constructor(
    private readonly queue: sqs.IQueue,
    private readonly targetOptions: SqsTargetOptions = {},
  ) {
    super('SqsTarget', targetOptions, (v) => SqsTarget.check(v, queue, targetOptions));
  }

  private static check(v: PropsValidator, queue: sqs.IQueue, options: SqsTargetOptions): void {
    checkQueueForEventBridge(v, 'queue', queue, { deadLetter: false });
    const group = options.messageGroupId;
    if (Token.isUnresolved(queue.fifo)) return;
    if (queue.fifo) {
      v.check(
        group !== undefined,
        'EVENTS_FIFO_MESSAGE_GROUP_ID',
        'messageGroupId',
        `messageGroupId is required for the FIFO queue ${queue.node.path}; got undefined. Pass e.g. { messageGroupId: 'orders' }.`,
      );
      v.text('messageGroupId', group, 'EVENTS_FIFO_MESSAGE_GROUP_ID', {
        min: 1,
        max: EVENTBRIDGE_LIMITS.messageGroupIdMax,
      });
      const cfn = queue.node.defaultChild;
      if (cfn instanceof sqs.CfnQueue) {
        v.check(
          cfn.contentBasedDeduplication === true,
          'EVENTS_FIFO_DEDUPLICATION',
          'queue',
          `the FIFO queue ${queue.node.path} needs contentBasedDeduplication: true; got ` +
            `${String(cfn.contentBasedDeduplication)}. EventBridge sends no deduplication id: enable it on the queue.`,
        );
      }
    } else {
      v.check(
        group === undefined,
        'EVENTS_MESSAGE_GROUP_ID_STANDARD',
        'messageGroupId',
        `messageGroupId is only for FIFO queues; ${queue.node.path} is a standard queue. Remove messageGroupId.`,
      );
    }
  }

  protected bindTarget(rule: Rule, targetId: string): Omit<events.CfnRule.TargetProperty, 'id'> {
    const v = new PropsValidator(`${rule.node.path}/${targetId}`, Token.isUnresolved);
    checkQueueForEventBridge(v, 'queue', this.queue, { deadLetter: false, region: rule.stack.region });
    v.throwIfAny();
    allowEventBridgeToSend(this.queue, rule.eventBus._eventBridgeSource());
    return {
      arn: this.queue.queueArn,
      sqsParameters:
        this.targetOptions.messageGroupId !== undefined
          ? { messageGroupId: this.targetOptions.messageGroupId }
          : undefined,
    };
  }
}
