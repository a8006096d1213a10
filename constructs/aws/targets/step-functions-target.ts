import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Rule } from '../rule';
import { eventBridgeRole } from './event-bridge-role';
import { EventTargetBase, type TargetOptions } from './event-target';

/** Options of a {@link StepFunctionsTarget}. */
export interface StepFunctionsTargetOptions extends TargetOptions {
  /**
   * Role EventBridge assumes to start executions; it is granted `states:StartExecution` on the state machine.
   * @default - a new role, assumable only by EventBridge for this account's rules
   */
  readonly role?: iam.IRole;
}

/** Starts an execution of a Step Functions state machine, through a role scoped to that state machine. */
export class StepFunctionsTarget extends EventTargetBase {
  constructor(
    private readonly stateMachine: sfn.IStateMachine,
    private readonly targetOptions: StepFunctionsTargetOptions = {},
  ) {
    super('StepFunctionsTarget', targetOptions);
  }

  protected bindTarget(rule: Rule, targetId: string): Omit<events.CfnRule.TargetProperty, 'id'> {
    const role = this.targetOptions.role ?? eventBridgeRole(rule, `${targetId}Role`);
    this.stateMachine.grantStartExecution(role);
    return { arn: this.stateMachine.stateMachineArn, roleArn: role.roleArn };
  }
}
