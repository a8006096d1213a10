import { DefaultStackSynthesizer, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { OrdersEventBusStack } from './orders-event-bus-stack';

/** Account allowed to put events on the bus when CDK context `crossAccountId` is not set (the seed's example id). */
export const DEFAULT_CROSS_ACCOUNT_ID = '123456789012';

/** Options of {@link buildOrdersApp}. */
export interface OrdersAppOptions {
  /**
   * Whether to run cdk-nag's AwsSolutions and Serverless packs at synth.
   * @default true
   */
  readonly nag?: boolean;
  /**
   * Whether the stack carries the CDK bootstrap-version check (off only for the local moto deployment test).
   * @default true
   */
  readonly bootstrapVersionRule?: boolean;
}

/** The account allowed to put events: CDK context `crossAccountId`, else {@link DEFAULT_CROSS_ACCOUNT_ID}. */
export function crossAccountIdOf(app: App): string {
  return String(app.node.tryGetContext('crossAccountId') ?? DEFAULT_CROSS_ACCOUNT_ID);
}

/** Adds the OrdersEventBus stack (cross-account id from context `crossAccountId`) and the cdk-nag packs to an app. */
export function buildOrdersApp(app: App, options: OrdersAppOptions = {}): OrdersEventBusStack {
  const stack = new OrdersEventBusStack(app, 'OrdersEventBus', {
    crossAccountId: crossAccountIdOf(app),
    description: 'eventform example: the orders event bus on Amazon EventBridge',
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: options.bootstrapVersionRule !== false }),
  });
  if (options.nag !== false) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return stack;
}
