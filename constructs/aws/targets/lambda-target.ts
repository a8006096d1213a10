import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as events from 'aws-cdk-lib/aws-events';
import { EVENTS_PRINCIPAL } from '../queue-access';
import type { Rule } from '../rule';
import { EventTargetBase, type TargetOptions } from './event-target';

/** Options of a {@link LambdaTarget}. */
export type LambdaTargetOptions = TargetOptions;

/**
 * Invokes a Lambda function. Adds a resource-based permission for EventBridge limited to this rule's ARN, created
 * beside the rule (so a function in another stack gets no reference back to the rule's stack).
 */
export class LambdaTarget extends EventTargetBase {
  constructor(
    private readonly fn: lambda.IFunction,
    options: LambdaTargetOptions = {},
  ) {
    super('LambdaTarget', options);
  }

  protected bindTarget(rule: Rule, targetId: string): Omit<events.CfnRule.TargetProperty, 'id'> {
    this.fn.addPermission(`AllowEventBridge${targetId}`, {
      principal: new iam.ServicePrincipal(EVENTS_PRINCIPAL),
      action: 'lambda:InvokeFunction',
      sourceArn: rule.ruleArn,
      scope: rule,
    });
    return { arn: this.fn.functionArn };
  }
}
