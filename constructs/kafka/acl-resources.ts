import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import type { AclBinding, AclPlan } from '../../lib/kafka/acl-plan';
import { PropsValidator } from '../../lib/validation';

const PATTERN = { LITERAL: 'Literal', PREFIXED: 'Prefixed' } as const;

/** `value` with every character outside `[A-Za-z0-9._-]` replaced by `_`, as Pulumi resource names use it. */
export function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** A resource-name-safe form of a string value; `index` stands in for values not known yet (Outputs). */
function slug(value: unknown, index: number): string {
  return typeof value === 'string' ? safeName(value) : String(index);
}

/** How an ACL's resource appears in its Pulumi name: `topic-orders`, `group-order-processors`. */
export type AclResourceLabel = (binding: AclBinding, index: number) => string;

const DEFAULT_LABEL: AclResourceLabel = (b, index) => `${b.resourceType.toLowerCase()}-${slug(b.resourceName, index)}`;

/**
 * Creates one `kafka.Acl` per allow rule of the plan, named `<name>-<resource label>-<operation>` (a counter suffix
 * keeps repeated names apart).
 */
export function createAcls(
  parent: pulumi.ComponentResource,
  name: string,
  plan: AclPlan,
  label: AclResourceLabel = DEFAULT_LABEL,
): kafka.Acl[] {
  new PropsValidator(name, pulumi.Output.isInstance).addAll(plan.issues).throwIfAny();
  const seen = new Map<string, number>();
  return plan.bindings.map((b) => {
    const base = `${name}-${label(b, seen.size)}-${b.operation.toLowerCase()}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return new kafka.Acl(
      n === 0 ? base : `${base}-${n}`,
      {
        aclResourceType: b.resourceType,
        aclResourceName: b.resourceName as pulumi.Input<string>,
        resourcePatternTypeFilter: PATTERN[b.patternType],
        aclOperation: b.operation,
        aclPermissionType: 'Allow',
        aclPrincipal: b.principal as pulumi.Input<string>,
        aclHost: b.host,
      },
      { parent },
    );
  });
}
