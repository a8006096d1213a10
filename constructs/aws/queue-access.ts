import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import type { PropsValidator } from '../../lib/validation';

/** Service principal of Amazon EventBridge. */
export const EVENTS_PRINCIPAL = 'events.amazonaws.com';

/** What EventBridge sends as, in a resource policy condition: one ARN or an ARN pattern. */
export interface EventBridgeSource {
  /** Stable key to grant once per queue and source (for example the bus's construct path plus a suffix). */
  readonly key: string;
  /** `ArnEquals` for one exact ARN, `ArnLike` for a pattern with `*`. */
  readonly operator: 'ArnEquals' | 'ArnLike';
  /** The ARN (or pattern) of the EventBridge resource that sends: a bus, or every rule on a bus. */
  readonly sourceArn: string;
  /** Short words for statement ids and messages, e.g. `rules of orders-event-bus`. */
  readonly sid: string;
}

const granted = new WeakMap<IConstruct, Set<string>>();

/**
 * Checks a queue EventBridge will write to: EventBridge cannot use the AWS-managed SQS key (`alias/aws/sqs`), a
 * dead-letter queue must be a standard queue, and it must be in the region of the sender. Skips what is unresolved.
 */
export function checkQueueForEventBridge(
  v: PropsValidator,
  prop: string,
  queue: sqs.IQueue,
  opts: { deadLetter: boolean; region?: string },
): void {
  const keyArn = queue.encryptionMasterKey?.keyArn;
  const awsManaged =
    queue.encryptionType === sqs.QueueEncryption.KMS_MANAGED ||
    (keyArn !== undefined && !Token.isUnresolved(keyArn) && keyArn.endsWith('alias/aws/sqs'));
  v.check(
    !awsManaged,
    'EVENTS_SQS_AWS_MANAGED_KEY',
    prop,
    `${prop} is encrypted with the AWS-managed key alias/aws/sqs, which EventBridge cannot use; got queue ` +
      `${queue.node.path}. Use sqs.QueueEncryption.SQS_MANAGED or a customer-managed KMS key (eventform grants it).`,
  );
  if (opts.deadLetter) {
    v.check(
      Token.isUnresolved(queue.fifo) || !queue.fifo,
      'EVENTS_DLQ_FIFO',
      prop,
      `${prop} must be a standard SQS queue; got the FIFO queue ${queue.node.path}. EventBridge dead-letter queues ` +
        'cannot be FIFO: pass a standard queue (for example new DeadLetterQueue(...)).',
    );
  }
  const queueRegion = queue.env.region;
  if (opts.region !== undefined && !Token.isUnresolved(opts.region) && !Token.isUnresolved(queueRegion)) {
    v.check(
      queueRegion === opts.region,
      'EVENTS_QUEUE_REGION',
      prop,
      `${prop} must be in the same region as the EventBridge resource (${opts.region}); got a queue in ` +
        `${queueRegion}. Create the queue in ${opts.region}.`,
    );
  }
}

/**
 * Lets EventBridge send to a queue, once per queue and source: one queue-policy statement conditioned on
 * `aws:SourceArn` (never open to the whole service), and, when the queue has a customer-managed key, one key-policy
 * statement with the same condition. With a pattern over every rule of a bus, one statement serves all the bus's
 * rules, so a dead-letter queue shared by hundreds of rules keeps a small policy, and rules in other stacks add no
 * reference back to them (no cyclic cross-stack references).
 */
export function allowEventBridgeToSend(queue: sqs.IQueue, source: EventBridgeSource): void {
  const done = granted.get(queue) ?? new Set<string>();
  granted.set(queue, done);
  if (done.has(source.key)) return;
  done.add(source.key);

  const account = Stack.of(queue).account;
  const conditions = {
    [source.operator]: { 'aws:SourceArn': source.sourceArn },
    ...(Token.isUnresolved(account) ? {} : { StringEquals: { 'aws:SourceAccount': account } }),
  };
  const queueResult = queue.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: `AllowEventBridge${done.size}`,
      principals: [new iam.ServicePrincipal(EVENTS_PRINCIPAL)],
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
      conditions,
    }),
  );
  if (!queueResult.statementAdded) {
    Annotations.of(queue).addWarningV2(
      '@eventform/aws:queuePolicyNotAdded',
      `The queue ${queue.queueName} is imported: add a queue policy letting events.amazonaws.com call ` +
        `sqs:SendMessage with ${source.operator} aws:SourceArn ${source.sourceArn} (${source.sid}).`,
    );
  }
  const key = queue.encryptionMasterKey;
  if (key) {
    const keyResult = key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowEventBridgeFor${queue.node.id}${done.size}`.replace(/[^A-Za-z0-9]/g, ''),
        principals: [new iam.ServicePrincipal(EVENTS_PRINCIPAL)],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions,
      }),
    );
    if (!keyResult.statementAdded) {
      Annotations.of(queue).addWarningV2(
        '@eventform/aws:keyPolicyNotAdded',
        `The KMS key of queue ${queue.queueName} is imported: let events.amazonaws.com use kms:Decrypt and ` +
          `kms:GenerateDataKey with ${source.operator} aws:SourceArn ${source.sourceArn}.`,
      );
    }
  }
}
