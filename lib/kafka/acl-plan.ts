import type { EventformIssue } from '../errors';
import { show, type UnresolvedPredicate } from '../validation';
import { checkTopicName } from './topic-spec';

/** How an ACL matches resource names: the exact name, or every name starting with it. */
export type AclPatternType = 'LITERAL' | 'PREFIXED';

/** Kafka resource types eventform grants on. */
export type AclResourceType = 'Topic' | 'Group' | 'TransactionalID';

/** Kafka operations eventform grants. */
export type AclOperation = 'Read' | 'Write' | 'Describe';

/** One allow rule, in the words of the Kafka provider. */
export interface AclBinding {
  readonly resourceType: AclResourceType;
  readonly resourceName: unknown;
  readonly patternType: AclPatternType;
  readonly operation: AclOperation;
  readonly principal: unknown;
  readonly host: string;
}

/** Who gets access, from where. */
export interface AclSubject {
  /** Kafka principal, `User:<name>` (or another `Type:name`). */
  readonly principal: unknown;
  /** Client host the rule applies to. @default '*' (any host) */
  readonly host?: string;
}

/** Access of a producer to topics. */
export interface ProducerAccessSpec extends AclSubject {
  /** Topics (or topic prefixes) it writes to. */
  readonly topics: readonly unknown[];
  /** Whether `topics` are exact names or prefixes. @default 'LITERAL' */
  readonly topicPatternType?: AclPatternType;
}

/** Access of a consumer group to topics. */
export interface ConsumerGroupAccessSpec extends AclSubject {
  /** Topics (or prefixes) it reads. */
  readonly topics: readonly unknown[];
  /** Whether `topics` are exact names or prefixes. @default 'LITERAL' */
  readonly topicPatternType?: AclPatternType;
  /** The consumer group id (or prefix). */
  readonly group: unknown;
  /** Whether `group` is an exact id or a prefix. @default 'LITERAL' */
  readonly groupPatternType?: AclPatternType;
}

/** Access of a transactional producer (exactly-once). */
export interface TransactionalProducerAccessSpec extends ProducerAccessSpec {
  /** The producer's `transactional.id` (or prefix, for several instances). */
  readonly transactionalId: unknown;
  /** Whether `transactionalId` is exact or a prefix. @default 'LITERAL' */
  readonly transactionalIdPatternType?: AclPatternType;
}

const PRINCIPAL = /^[A-Za-z][A-Za-z0-9]*:\S+$/;
const PATTERN_TYPES: readonly AclPatternType[] = ['LITERAL', 'PREFIXED'];

class Planner {
  readonly issues: EventformIssue[] = [];
  readonly bindings: AclBinding[] = [];
  constructor(
    private readonly subject: AclSubject,
    private readonly unresolved: UnresolvedPredicate,
  ) {
    const p = subject.principal;
    if (!unresolved(p) && (typeof p !== 'string' || !PRINCIPAL.test(p) || p.endsWith(':*'))) {
      this.issue(
        'KAFKA_ACL_PRINCIPAL',
        'principal',
        `principal must be one named principal such as "User:order-service" (no wildcard); got ${show(p)}.`,
      );
    }
    const h = subject.host ?? '*';
    if (typeof h !== 'string' || h.length === 0 || /\s/.test(h)) {
      this.issue('KAFKA_ACL_HOST', 'host', `host must be "*" or a client IP address; got ${show(h)}.`);
    }
  }

  issue(code: string, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  pattern(prop: string, value: AclPatternType | undefined): AclPatternType {
    const v = value ?? 'LITERAL';
    if (!PATTERN_TYPES.includes(v)) {
      this.issue('KAFKA_ACL_PATTERN_TYPE', prop, `${prop} must be LITERAL or PREFIXED; got ${show(value)}.`);
    }
    return v;
  }

  name(prop: string, value: unknown, kind: AclResourceType, pattern: AclPatternType): boolean {
    if (this.unresolved(value)) return true;
    if (typeof value !== 'string' || value.length === 0) {
      this.issue('KAFKA_ACL_RESOURCE_NAME', prop, `${prop} must be a non-empty ${kind} name; got ${show(value)}.`);
      return false;
    }
    if (value === '*' || value.includes('*')) {
      this.issue(
        'KAFKA_ACL_WILDCARD',
        prop,
        `${prop} is ${show(value)}: a wildcard grants access to every ${kind}, which is not least privilege; name it, or use a PREFIXED pattern.`,
      );
      return false;
    }
    if (kind === 'Topic' && pattern === 'LITERAL') {
      const problems = checkTopicName(value, prop);
      this.issues.push(...problems.map((i) => ({ ...i, code: 'KAFKA_ACL_RESOURCE_NAME' })));
      return problems.length === 0;
    }
    return true;
  }

  grant(resourceType: AclResourceType, resourceName: unknown, patternType: AclPatternType, ops: AclOperation[]) {
    for (const operation of ops) {
      this.bindings.push({
        resourceType,
        resourceName,
        patternType,
        operation,
        principal: this.subject.principal,
        host: this.subject.host ?? '*',
      });
    }
  }

  topics(spec: ProducerAccessSpec | ConsumerGroupAccessSpec, ops: AclOperation[]): void {
    const pattern = this.pattern('topicPatternType', spec.topicPatternType);
    if (!Array.isArray(spec.topics) || spec.topics.length === 0) {
      this.issue('KAFKA_ACL_RESOURCE_NAME', 'topics', `topics must list at least one topic; got ${show(spec.topics)}.`);
      return;
    }
    spec.topics.forEach((t, i) => {
      if (this.name(`topics[${i}]`, t, 'Topic', pattern)) this.grant('Topic', t, pattern, ops);
    });
  }
}

/** Result of an ACL plan: the allow rules to create, and every problem found. */
export interface AclPlan {
  readonly bindings: AclBinding[];
  readonly issues: EventformIssue[];
}

/** A producer: Write and Describe on its topics, nothing else (Kafka 3+ needs no cluster ACL for idempotence). */
export function planProducerAccess(spec: ProducerAccessSpec, unresolved: UnresolvedPredicate = () => false): AclPlan {
  const p = new Planner(spec, unresolved);
  p.topics(spec, ['Write', 'Describe']);
  return { bindings: p.bindings, issues: p.issues };
}

/** A consumer group: Read and Describe on its topics, Read on its group id. */
export function planConsumerGroupAccess(
  spec: ConsumerGroupAccessSpec,
  unresolved: UnresolvedPredicate = () => false,
): AclPlan {
  const p = new Planner(spec, unresolved);
  p.topics(spec, ['Read', 'Describe']);
  const gp = p.pattern('groupPatternType', spec.groupPatternType);
  if (p.name('group', spec.group, 'Group', gp)) p.grant('Group', spec.group, gp, ['Read']);
  return { bindings: p.bindings, issues: p.issues };
}

/** A transactional producer: the producer's topic rules plus Write and Describe on its transactional id. */
export function planTransactionalProducerAccess(
  spec: TransactionalProducerAccessSpec,
  unresolved: UnresolvedPredicate = () => false,
): AclPlan {
  const p = new Planner(spec, unresolved);
  p.topics(spec, ['Write', 'Describe']);
  const tp = p.pattern('transactionalIdPatternType', spec.transactionalIdPatternType);
  if (p.name('transactionalId', spec.transactionalId, 'TransactionalID', tp)) {
    p.grant('TransactionalID', spec.transactionalId, tp, ['Write', 'Describe']);
  }
  return { bindings: p.bindings, issues: p.issues };
}
