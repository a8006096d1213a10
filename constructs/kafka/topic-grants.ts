import { createHash } from 'node:crypto';
import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import { EventformError, type EventformIssue } from '../../lib/errors';
import type { AclBinding, AclPlan } from '../../lib/kafka/acl-plan';
import { PropsValidator, show } from '../../lib/validation';
import { createAcls, safeName } from './acl-resources';

/** The Pulumi-name form of a value: `[A-Za-z0-9._-]` kept, anything else `_` plus a hash of the original. */
function namePart(value: string): string {
  const safe = safeName(value);
  // Principals keep their `Type:` colon readable; any other replaced character could make two values one name.
  const lossy = value.replace(/^([A-Za-z][A-Za-z0-9]*):/, '$1_') !== safe;
  return lossy ? `${safe}-${createHash('sha256').update(value).digest('hex').slice(0, 8)}` : safe;
}

/** One grant request of a topic, before any resource exists. */
export interface GrantRequest {
  /** `produce` or `consume`: part of the ACL names. */
  readonly kind: 'produce' | 'consume';
  /** The method, for messages: `grantProduce`. */
  readonly method: string;
  /** Values that name resources and so must be plain strings: `{ principal: ..., group: ... }`. */
  readonly names: Readonly<Record<string, unknown>>;
  /** The rules to grant (its issues are reported with the others). */
  readonly plan: AclPlan;
}

/**
 * The ACLs granted on one topic: least-privilege rules as children of the topic component, named from the principal,
 * host and resource (never from call order, so adding or reordering grants renames nothing), each rule created
 * once even when several grants need it.
 */
export class TopicGrants {
  /** Keys of the rules created so far. */
  private readonly granted: string[] = [];

  constructor(
    private readonly parent: pulumi.ComponentResource,
    private readonly prefix: string,
  ) {}

  /** Validates the request, then creates the rules no earlier grant created; returns those. */
  grant(request: GrantRequest): kafka.Acl[] {
    const issues: EventformIssue[] = [];
    for (const [prop, value] of Object.entries(request.names)) {
      if (value !== undefined && typeof value !== 'string') {
        issues.push({
          code: 'KAFKA_GRANT_NAME_UNRESOLVED',
          path: prop,
          message: `${request.method}: ${prop} must be a plain string, because it names the ACL resources (which must not change from one run to the next); got ${pulumi.Output.isInstance(value) ? 'an Output' : show(value)}. For values known only at deploy time use ProducerAcls / ConsumerGroupAcls / TransactionalProducerAcls.`,
        });
      }
    }
    new PropsValidator(this.prefix, pulumi.Output.isInstance).addAll([...issues, ...request.plan.issues]).throwIfAny();

    const keyed = request.plan.bindings.map((b) => [b, TopicGrants.key(b)] as const);
    const fresh = keyed.filter(([, key]) => !this.granted.includes(key));
    if (fresh.length === 0) {
      throw new EventformError(
        {
          code: 'KAFKA_GRANT_DUPLICATE',
          path: 'principal',
          message: `${request.method} grants nothing new: every rule it needs for ${show(request.names.principal)} on this topic was created by an earlier grant. Remove the repeated call.`,
        },
        this.prefix,
      );
    }
    for (const [, key] of fresh) this.granted.push(key);
    const host = fresh[0][0].host;
    const name = `${this.prefix}-${request.kind}-${namePart(String(request.names.principal))}${host === '*' ? '' : `-host-${namePart(host)}`}`;
    const label = (b: AclBinding) =>
      b.resourceType === 'Topic' ? 'topic' : `${b.resourceType.toLowerCase()}-${namePart(String(b.resourceName))}`;
    return createAcls(this.parent, name, { issues: [], bindings: fresh.map(([b]) => b) }, label);
  }

  private static key(b: AclBinding): string {
    // The topic itself is an Output; every rule of this object is on the same topic.
    const resource = b.resourceType === 'Topic' ? '' : String(b.resourceName);
    return JSON.stringify([b.resourceType, resource, b.patternType, b.operation, b.principal, b.host]);
  }
}
