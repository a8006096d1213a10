import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EventformError } from '../../../lib/errors';
import type { IEventBus } from '../event-bus';
import type { Rule } from '../rule';
import { EventTargetBase, type TargetOptions } from './event-target';
import { eventBridgeRole } from './event-bridge-role';

/** Options of an {@link EventBusTarget}. */
export interface EventBusTargetOptions extends TargetOptions {
  /**
   * Role EventBridge assumes to put events on the target bus; it is granted `events:PutEvents` on that bus.
   * @default - a new role, assumable only by EventBridge for this account's rules
   */
  readonly role?: iam.IRole;
}

/**
 * Forwards matched events to another event bus, in this account or another one. For another account, reference the
 * bus by ARN (`EventBus.fromEventBusArn`), and let this account put events there with a bus policy on the target
 * side (`bus.allowPutEventsFrom(PutEventsPrincipal.accounts('<this account>'))`).
 */
export class EventBusTarget extends EventTargetBase {
  constructor(
    private readonly bus: IEventBus,
    private readonly targetOptions: EventBusTargetOptions = {},
  ) {
    super('EventBusTarget', targetOptions);
  }

  protected bindTarget(rule: Rule, targetId: string): Omit<events.CfnRule.TargetProperty, 'id'> {
    if (this.bus === rule.eventBus || this.bus.eventBusArn === rule.eventBus.eventBusArn) {
      throw new EventformError(
        {
          code: 'EVENTS_TARGET_SAME_BUS',
          path: 'bus',
          message: `EventBusTarget points at ${rule.eventBus.node.path}, the bus the rule is on: every match would loop. Target another bus.`,
        },
        `${rule.node.path}/${targetId}`,
      );
    }
    const role = this.targetOptions.role ?? eventBridgeRole(rule, `${targetId}Role`);
    iam.Grant.addToPrincipal({ grantee: role, actions: ['events:PutEvents'], resourceArns: [this.bus.eventBusArn] });
    return { arn: this.bus.eventBusArn, roleArn: role.roleArn };
  }
}
