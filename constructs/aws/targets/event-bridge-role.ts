import * as iam from 'aws-cdk-lib/aws-iam';
import { EVENTS_PRINCIPAL } from '../queue-access';
import type { Rule } from '../rule';

/** A role only EventBridge can assume, and only on behalf of this account's rules (confused-deputy guard). */
export function eventBridgeRole(rule: Rule, id: string): iam.Role {
  return new iam.Role(rule, id, {
    assumedBy: new iam.ServicePrincipal(EVENTS_PRINCIPAL, {
      conditions: { StringEquals: { 'aws:SourceAccount': rule.stack.account } },
    }),
    description: `EventBridge target role of ${rule.node.path}`.slice(0, 1000),
  });
}
