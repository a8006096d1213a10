import { CfnOutput, CfnResource, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { EventSchema } from '../../lib';
import {
  DeadLetterQueue,
  EventBus,
  EventBusAlarms,
  LambdaTarget,
  PutEventsPrincipal,
  SchemaRegistry,
  SqsTarget,
  StepFunctionsTarget,
} from '../../constructs/aws';
import {
  CONTENT_FILTER_PATTERN,
  HIGH_VALUE_ORDERS_PATTERN,
  ORDER_PLACED_AVRO,
  ORDER_PROCESSING_PATTERN,
  ORDER_WORKFLOW_PATTERN,
  ORDERS_ARCHIVE_PATTERN,
} from './orders-patterns';

/** Properties of the {@link OrdersEventBusStack}. */
export interface OrdersEventBusStackProps extends StackProps {
  /** The 12-digit account allowed to put events on the bus (CDK context `crossAccountId`). */
  readonly crossAccountId: string;
}

/**
 * The seed's Amazon EventBridge example, production-grade: bus `orders-event-bus` with four rules (Lambda, SQS FIFO,
 * Step Functions, content-filtered SQS), dead-letter queues, archive, schema registry, cross-account bus policy and
 * alarms.
 */
export class OrdersEventBusStack extends Stack {
  /** Every SQS queue of the stack by output name (each gets a `<name>Url` output). */
  private readonly queues: Record<string, sqs.IQueue> = {};
  /** Queues that only ever hold failures (each gets a depth alarm). */
  private readonly failureQueues: sqs.IQueue[] = [];

  constructor(scope: Construct, id: string, props: OrdersEventBusStackProps) {
    super(scope, id, props);

    const bus = new EventBus(this, 'OrdersEventBus', {
      eventBusName: 'orders-event-bus',
      description: 'Order lifecycle events from order-service',
    });

    // Dead-letter queues of the rule targets: events EventBridge could not deliver after its retries.
    const highValueDlq = this.deadLetterQueue('HighValueOrdersDlq', 'high-value-orders-dlq');
    const targetsDlq = this.deadLetterQueue('OrderTargetsDlq', 'order-targets-dlq');

    // Rule high-value-orders -> Lambda ProcessHighValueOrder (retry 2, max event age 1 h, SQS DLQ).
    const processHighValueOrder = this.processHighValueOrderFunction();
    bus.addRule('HighValueOrders', {
      ruleName: 'high-value-orders',
      description: 'Orders above 1000 go to ProcessHighValueOrder',
      eventPattern: HIGH_VALUE_ORDERS_PATTERN,
      targets: [
        new LambdaTarget(processHighValueOrder, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: highValueDlq,
        }),
      ],
    });

    // Rule order-processing -> SQS FIFO queue, message group `orders`.
    const orderProcessing = this.consumerQueue('OrderProcessingQueue', 'order-processing', true);
    bus.addRule('OrderProcessing', {
      ruleName: 'order-processing',
      description: 'Every order-service event, in order, to the order-processing FIFO queue',
      eventPattern: ORDER_PROCESSING_PATTERN,
      targets: [new SqsTarget(orderProcessing, { messageGroupId: 'orders', deadLetterQueue: targetsDlq })],
    });

    // Rule order-workflow -> Step Functions state machine OrderWorkflow, through a role.
    bus.addRule('OrderWorkflow', {
      ruleName: 'order-workflow',
      description: 'Placed orders start the OrderWorkflow state machine',
      eventPattern: ORDER_WORKFLOW_PATTERN,
      targets: [new StepFunctionsTarget(this.orderWorkflow(), { deadLetterQueue: targetsDlq })],
    });

    // Content filter: amount > 1000 or a VIP customer, in two regions -> standard SQS queue.
    const contentFiltered = this.consumerQueue('ContentFilteredOrdersQueue', 'content-filtered-orders', false);
    bus.addRule('ContentFilteredOrders', {
      ruleName: 'content-filtered-orders',
      description: 'High-value or VIP orders from us-east-1 and us-west-2',
      eventPattern: CONTENT_FILTER_PATTERN,
      targets: [new SqsTarget(contentFiltered, { deadLetterQueue: targetsDlq })],
    });

    bus.addArchive('OrdersArchive', {
      archiveName: 'orders-archive',
      description: 'Every order-service event, for 30 days',
      eventPattern: ORDERS_ARCHIVE_PATTERN,
      retentionDays: 30,
    });

    new SchemaRegistry(this, 'OrderSchemas', {
      registryName: 'order-schemas',
      description: 'Schemas of order-service events',
      schemas: [EventSchema.avro(ORDER_PLACED_AVRO)],
    });

    bus.allowPutEventsFrom(PutEventsPrincipal.accounts(props.crossAccountId), 'AllowCrossAccountPutEvents');

    new EventBusAlarms(this, 'Alarms', { eventBus: bus, deadLetterQueues: this.failureQueues });

    new CfnOutput(this, 'EventBusName', { value: bus.eventBusName });
    new CfnOutput(this, 'EventBusArn', { value: bus.eventBusArn });
    for (const [name, queue] of Object.entries(this.queues)) {
      new CfnOutput(this, `${name}Url`, { value: queue.queueUrl });
    }
  }

  private deadLetterQueue(id: string, queueName: string): sqs.IQueue {
    const queue = new DeadLetterQueue(this, id, { queueName }).queue;
    this.queues[id] = queue;
    this.failureQueues.push(queue);
    return queue;
  }

  /** An encrypted, TLS-only queue that a consumer reads, with its own redrive dead-letter queue. */
  private consumerQueue(id: string, name: string, fifo: boolean): sqs.Queue {
    const suffix = fifo ? '.fifo' : '';
    const common = {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      fifo: fifo || undefined,
    };
    const redrive = new sqs.Queue(this, `${id}Redrive`, {
      ...common,
      queueName: `${name}-consumer-dlq${suffix}`,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(redrive).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: "This is the consumer's redrive dead-letter queue; a redrive policy on it would only move the problem.",
    });
    const queue = new sqs.Queue(this, id, {
      ...common,
      queueName: `${name}${suffix}`,
      contentBasedDeduplication: fifo || undefined,
      deadLetterQueue: { queue: redrive, maxReceiveCount: 5 },
    });
    this.queues[id] = queue;
    this.queues[`${id}Redrive`] = redrive;
    this.failureQueues.push(redrive);
    return queue;
  }

  private processHighValueOrderFunction(): lambda.Function {
    const logGroup = new logs.LogGroup(this, 'ProcessHighValueOrderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(this, 'ProcessHighValueOrderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of ProcessHighValueOrder: its own log group and X-Ray only',
    });
    logGroup.grantWrite(role);
    const asyncFailures = this.deadLetterQueue('ProcessHighValueOrderFailures', 'process-high-value-order-failures');
    const fn = new lambda.Function(this, 'ProcessHighValueOrder', {
      functionName: 'ProcessHighValueOrder',
      description: 'Handles orders above 1000 from the high-value-orders rule',
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        'exports.handler = async (event) => { console.log(JSON.stringify({ orderId: event.detail && event.detail.orderId })); return { ok: true }; };',
      ),
      memorySize: 256,
      timeout: Duration.seconds(30),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      onFailure: new destinations.SqsDestination(asyncFailures),
    });
    this.dependOnPolicyOnly(fn, role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing actions (xray:PutTraceSegments, xray:PutTelemetryRecords) support no resource-level permissions.',
    });
    Validations.of(fn).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason: 'Failed asynchronous invocations go to an on-failure destination queue, which replaces a function DLQ.',
    });
    return fn;
  }

  /**
   * aws-cdk-lib makes a function or state machine depend on its whole role (the role and its default policy); the
   * role is already referenced by GetAtt, so cfn-lint flags the duplicate (W3005). Keep only the policy dependency.
   */
  private dependOnPolicyOnly(owner: Construct, role: iam.IRole): void {
    const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild as CfnResource | undefined;
    const resource = owner.node.defaultChild as CfnResource;
    if (policy) resource.addOverride('DependsOn', [this.getLogicalId(policy)]);
  }

  private orderWorkflow(): sfn.StateMachine {
    const logGroup = new logs.LogGroup(this, 'OrderWorkflowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stateMachine = new sfn.StateMachine(this, 'OrderWorkflow', {
      stateMachineName: 'OrderWorkflow',
      definitionBody: sfn.DefinitionBody.fromChainable(
        new sfn.Pass(this, 'ValidateOrder', { parameters: { 'orderId.$': '$.detail.orderId' } }).next(
          new sfn.Succeed(this, 'OrderAccepted'),
        ),
      ),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    this.dependOnPolicyOnly(stateMachine, stateMachine.role);
    Validations.of(stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery and related) and X-Ray actions support no resource-level permissions.',
    });
    return stateMachine;
  }
}
