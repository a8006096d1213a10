import { Annotations, ArnFormat, Names, Resource, Stack, Token, type IResource } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { PropsValidator } from '../../lib/validation';
import { Archive, type ArchiveOptions } from './archive';
import { EVENTBRIDGE_LIMITS, EVENT_BUS_NAME_PATTERN } from './limits';
import type { PutEventsPrincipal } from './put-events-principal';
import {
  allowEventBridgeToSend,
  checkQueueForEventBridge,
  EVENTS_PRINCIPAL,
  type EventBridgeSource,
} from './queue-access';
import { Rule, type RuleOptions } from './rule';

/** An EventBridge event bus: one created here, imported, or the account's default bus. */
export interface IEventBus extends IResource {
  /** Name of the bus. */
  readonly eventBusName: string;
  /** ARN of the bus. */
  readonly eventBusArn: string;
  /** ARN pattern that matches every rule on this bus (`arn:...:rule/<bus>/*`), used to scope resource policies. */
  readonly ruleArnPattern: string;
  /** Whether this is the account's `default` bus (the only one that runs scheduled rules). */
  readonly isDefaultBus: boolean;
  /** The bus-level dead-letter queue, if any. */
  readonly deadLetterQueue?: sqs.IQueue;
  /** Rules created on this bus (through this object), in order. */
  readonly rules: readonly Rule[];
  /** Dead-letter queues used by targets of this bus's rules. */
  readonly targetDeadLetterQueues: readonly sqs.IQueue[];
  /** Lets a principal put events on this bus (`events:PutEvents` on this bus only). */
  grantPutEvents(grantee: iam.IGrantable): iam.Grant;
  /** Adds a rule on this bus. */
  addRule(id: string, options: RuleOptions): Rule;
  /** Adds an archive of this bus's events. */
  addArchive(id: string, options?: ArchiveOptions): Archive;
  /** Adds a bus-policy statement letting other accounts or an organization put events on this bus. */
  allowPutEventsFrom(principal: PutEventsPrincipal, statementId?: string): events.CfnEventBusPolicy;
  /** Records a rule created on this bus (warns past the default quota of 300 rules). @internal */
  _registerRule(rule: Rule): void;
  /** Records a dead-letter queue used by a target of this bus's rules. @internal */
  _registerDeadLetterQueue(queue: sqs.IQueue): void;
  /** The source every queue policy and key grant for this bus's rules is conditioned on. @internal */
  _eventBridgeSource(): EventBridgeSource;
}

abstract class EventBusBase extends Resource implements IEventBus {
  abstract readonly eventBusName: string;
  abstract readonly eventBusArn: string;
  abstract readonly isDefaultBus: boolean;
  abstract readonly deadLetterQueue?: sqs.IQueue;
  /**
   * The bus name as policies should hold it: the literal name where it is known, so a policy on a queue or key
   * the bus itself uses does not reference the bus resource (a dependency cycle).
   */
  protected policyBusName(): string {
    return this.eventBusName;
  }
  readonly rules: Rule[] = [];
  readonly targetDeadLetterQueues: sqs.IQueue[] = [];
  private policies = 0;

  get ruleArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'events',
      region: this.env.region,
      account: this.env.account,
      resource: 'rule',
      resourceName: this.isDefaultBus ? '*' : `${this.policyBusName()}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }

  grantPutEvents(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['events:PutEvents'], resourceArns: [this.eventBusArn] });
  }

  addRule(id: string, options: RuleOptions): Rule {
    return new Rule(this, id, { ...options, eventBus: this });
  }

  addArchive(id: string, options: ArchiveOptions = {}): Archive {
    return new Archive(this, id, { ...options, eventBus: this });
  }

  allowPutEventsFrom(principal: PutEventsPrincipal, statementId?: string): events.CfnEventBusPolicy {
    this.policies += 1;
    const sid = statementId ?? `Allow${principal.config.sid}${this.policies}`;
    const v = new PropsValidator(`${this.node.path}/allowPutEventsFrom`, Token.isUnresolved);
    v.text('statementId', sid, 'EVENTS_POLICY_STATEMENT_ID', {
      min: 1,
      max: 64,
      pattern: /^[a-zA-Z0-9-_]+$/,
      allowed: 'letters, digits, - and _',
    });
    v.throwIfAny();
    const c = principal.config;
    return new events.CfnEventBusPolicy(this, `Policy${sid}`, {
      eventBusName: this.eventBusName,
      statementId: sid,
      statement: {
        Sid: sid,
        Effect: 'Allow',
        Principal: c.principal,
        Action: 'events:PutEvents',
        Resource: this.eventBusArn,
        ...(c.condition ? { Condition: c.condition } : {}),
      },
    });
  }

  /** @internal */
  _registerRule(rule: Rule): void {
    this.rules.push(rule);
    if (this.rules.length === EVENTBRIDGE_LIMITS.rulesPerBusWarning + 1) {
      Annotations.of(rule).addWarningV2(
        '@eventform/aws:rulesPerBus',
        `Event bus ${this.node.path} has more than ${EVENTBRIDGE_LIMITS.rulesPerBusWarning} rules, the default ` +
          'EventBridge quota per bus: request a quota increase before deploying, or spread the rules over more buses.',
      );
    }
  }

  /** @internal */
  _registerDeadLetterQueue(queue: sqs.IQueue): void {
    if (!this.targetDeadLetterQueues.includes(queue)) this.targetDeadLetterQueues.push(queue);
  }

  /** @internal */
  _eventBridgeSource(): EventBridgeSource {
    return {
      key: `${this.node.path}#rules`,
      operator: 'ArnLike',
      sourceArn: this.ruleArnPattern,
      sid: `rules of ${this.node.path}`,
    };
  }
}

/** Properties of a new {@link EventBus}. */
export interface EventBusProps {
  /**
   * Name of the bus: 1-256 characters of letters, digits, `.`, `-`, `_` (and `/` for partner buses); not `default`.
   * @default - a unique name derived from the construct path
   */
  readonly eventBusName?: string;
  /**
   * Description of the bus (up to 512 characters).
   * @default - no description
   */
  readonly description?: string;
  /**
   * Customer-managed KMS key that encrypts events on the bus. eventform adds the key-policy statements EventBridge
   * needs, conditioned on this bus's ARN and encryption context.
   * @default - an AWS owned key
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Standard SQS queue for events the bus cannot deliver because of KMS errors (same region, not encrypted with the
   * AWS-managed SQS key). eventform adds the queue policy (and key grant) scoped to this bus.
   * @default - no bus-level dead-letter queue
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Level of the bus's logs.
   * @default - logging off
   */
  readonly logLevel?: events.Level;
  /**
   * Whether logs include event detail and target input (may contain personal data).
   * @default false
   */
  readonly logIncludeDetail?: boolean;
  /**
   * CloudWatch Logs log group that receives the bus's logs (at `logLevel`, which must then be set and not OFF).
   * @default - logs are not delivered anywhere
   */
  readonly logGroup?: logs.ILogGroup;
}

/**
 * A custom EventBridge event bus, with optional customer-managed encryption, bus dead-letter queue and logging.
 *
 * ```ts
 * const bus = new EventBus(stack, 'Bus', { eventBusName: 'orders-event-bus' });
 * bus.addRule('HighValue', { eventPattern: { source: ['order-service'] }, targets: [new SqsTarget(queue)] });
 * ```
 */
export class EventBus extends EventBusBase {
  /** Imports a bus by ARN (it may be in another account or region: its rules then cannot be managed here). */
  static fromEventBusArn(scope: Construct, id: string, eventBusArn: string): IEventBus {
    return new ImportedEventBus(scope, id, eventBusArn);
  }

  /** Imports a bus of this stack's account and region by name. */
  static fromEventBusName(scope: Construct, id: string, eventBusName: string): IEventBus {
    const stack = Stack.of(scope);
    const arn = stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: eventBusName });
    return new ImportedEventBus(scope, id, arn, eventBusName, { account: stack.account, region: stack.region });
  }

  /** The account's default bus in this stack's region (the only bus that runs scheduled rules); one per stack. */
  static defaultBus(scope: Construct): IEventBus {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild('EventformDefaultBus');
    return (existing as IEventBus | undefined) ?? EventBus.fromEventBusName(stack, 'EventformDefaultBus', 'default');
  }

  readonly eventBusName: string;
  readonly eventBusArn: string;
  readonly isDefaultBus = false;
  /** The customer-managed key of the bus, if any. */
  readonly encryptionKey?: kms.IKey;
  /** The bus-level dead-letter queue, if any. */
  readonly deadLetterQueue?: sqs.IQueue;
  /** The CloudFormation resource. */
  readonly resource: events.CfnEventBus;
  private readonly literalName: string;

  protected override policyBusName(): string {
    return this.literalName;
  }

  constructor(scope: Construct, id: string, props: EventBusProps = {}) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    v.text('eventBusName', props.eventBusName, 'EVENTS_BUS_NAME', {
      min: 1,
      max: EVENTBRIDGE_LIMITS.eventBusNameMax,
      pattern: EVENT_BUS_NAME_PATTERN,
      allowed: 'letters, digits, ., -, _ and /',
    });
    v.check(
      props.eventBusName !== 'default',
      'EVENTS_BUS_NAME',
      'eventBusName',
      'eventBusName must not be "default": that is the account\'s own bus. Use EventBus.defaultBus(scope) for it.',
    );
    v.text('description', props.description, 'EVENTS_DESCRIPTION', { max: EVENTBRIDGE_LIMITS.descriptionMax });
    if (props.deadLetterQueue) {
      checkQueueForEventBridge(v, 'deadLetterQueue', props.deadLetterQueue, {
        deadLetter: true,
        region: Stack.of(this).region,
      });
    }
    const logsOff = props.logLevel === undefined || props.logLevel === events.Level.OFF;
    v.check(
      !(props.logGroup && logsOff),
      'EVENTS_LOG_LEVEL',
      'logLevel',
      `logGroup is set but logLevel is ${props.logLevel ?? 'unset'}; set logLevel to ERROR, INFO or TRACE.`,
    );
    v.throwIfAny();

    const name =
      props.eventBusName ??
      Names.uniqueResourceName(this, { maxLength: 64, separator: '-', allowedSpecialCharacters: '-_.' });
    this.literalName = name;
    // Key and queue policies name the bus by a formatted ARN: a GetAtt there would make the key or queue and the
    // bus depend on each other.
    const formattedArn = Stack.of(this).formatArn({ service: 'events', resource: 'event-bus', resourceName: name });
    this.encryptionKey = props.encryptionKey;
    this.deadLetterQueue = props.deadLetterQueue;

    this.resource = new events.CfnEventBus(this, 'Resource', {
      name,
      description: props.description,
      kmsKeyIdentifier: props.encryptionKey?.keyArn,
      deadLetterConfig: props.deadLetterQueue ? { arn: props.deadLetterQueue.queueArn } : undefined,
      logConfig: logsOff
        ? undefined
        : { level: props.logLevel, includeDetail: props.logIncludeDetail ? 'FULL' : 'NONE' },
    });

    this.eventBusName = this.resource.ref;
    this.eventBusArn = this.resource.attrArn;
    if (props.encryptionKey) this.grantKeyToEventBridge(props.encryptionKey, formattedArn);
    if (props.deadLetterQueue) {
      allowEventBridgeToSend(props.deadLetterQueue, {
        key: `${this.node.path}#bus`,
        operator: 'ArnEquals',
        sourceArn: formattedArn,
        sid: `bus ${this.eventBusName}`,
      });
    }
    if (props.logGroup && props.logLevel) this.deliverLogs(props.logGroup, props.logLevel, name);
  }

  private grantKeyToEventBridge(key: kms.IKey, busArn: string): void {
    const principals = [new iam.ServicePrincipal(EVENTS_PRINCIPAL)];
    const added = key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowEventBridgeBus${this.node.id}`.replace(/[^A-Za-z0-9]/g, ''),
        principals,
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'aws:SourceArn': busArn,
            'kms:EncryptionContext:aws:events:event-bus:arn': busArn,
          },
        },
      }),
    );
    if (!added.statementAdded) {
      Annotations.of(this).addWarningV2(
        '@eventform/aws:keyPolicyNotAdded',
        `The bus's KMS key is imported: let events.amazonaws.com use kms:Decrypt, kms:GenerateDataKey (and ` +
          `kms:DescribeKey) with aws:SourceArn and kms:EncryptionContext:aws:events:event-bus:arn = ${busArn}.`,
      );
      return;
    }
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AllowEventBridgeDescribe${this.node.id}`.replace(/[^A-Za-z0-9]/g, ''),
        principals,
        actions: ['kms:DescribeKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceArn': busArn } },
      }),
    );
  }

  private deliverLogs(logGroup: logs.ILogGroup, level: events.Level, busName: string): void {
    const logType = `${level}_LOGS`;
    const source = new logs.CfnDeliverySource(this, 'LogSource', {
      name: `${busName}-${logType}`.slice(0, 60),
      logType,
      resourceArn: this.eventBusArn,
    });
    const destination = new logs.CfnDeliveryDestination(this, 'LogDestination', {
      name: `${busName}-logs`.slice(0, 60),
      destinationResourceArn: logGroup.logGroupArn,
    });
    const delivery = new logs.CfnDelivery(this, 'LogDelivery', {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.attrArn,
    });
    delivery.addResourceDependency(source);
  }
}

class ImportedEventBus extends EventBusBase {
  readonly deadLetterQueue = undefined;
  readonly eventBusName: string;
  readonly eventBusArn: string;

  readonly isDefaultBus: boolean;

  constructor(scope: Construct, id: string, arn: string, name?: string, env?: { account: string; region: string }) {
    super(scope, id, env ?? { environmentFromArn: arn });
    this.eventBusArn = arn;
    this.eventBusName = name ?? Stack.of(scope).splitArn(arn, ArnFormat.SLASH_RESOURCE_NAME).resourceName ?? arn;
    this.isDefaultBus = this.eventBusName === 'default';
  }
}
