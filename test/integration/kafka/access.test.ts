import { ClientQuota, TransactionalProducerAcls } from '../../../constructs/kafka';
import { capturePulumiProgram, type CapturedResource } from '../../../scripts/pulumi-capture';
import { tryAccess, type AccessAttempt, type AccessOutcome } from './support/access-probe';
import { AdminSession, type AclRequest } from './support/admin-probe';
import { describeWithKafka, integrationEnvironment } from './support/env';
import { captureOrdersProgram, capturedTopics } from './support/example-program';

/** The captured inputs of a `kafka.Acl`, as a binding request. */
function aclRequest(r: CapturedResource): AclRequest {
  const i = r.inputs as Record<string, string>;
  return {
    principal: i.aclPrincipal,
    host: i.aclHost,
    operation: i.aclOperation,
    permissionType: i.aclPermissionType,
    resourceType: i.aclResourceType,
    resourceName: i.aclResourceName,
    patternType: i.resourcePatternTypeFilter,
  };
}

/** The same binding in Java's spelling, as the cluster lists it. */
function javaSpelling(a: AclRequest): AclRequest {
  const upper = (s: string) => s.toUpperCase();
  return {
    ...a,
    operation: upper(a.operation),
    permissionType: upper(a.permissionType),
    resourceType: a.resourceType === 'TransactionalID' ? 'TRANSACTIONAL_ID' : upper(a.resourceType),
    patternType: upper(a.patternType),
  };
}

describeWithKafka('ACLs and quotas on a real cluster with an authorizer (KRaft StandardAuthorizer, SASL/PLAIN)', () => {
  const env = integrationEnvironment();
  let acls: AclRequest[];
  let quotas: CapturedResource[];
  let admin: AdminSession;

  beforeAll(async () => {
    const example = await captureOrdersProgram();
    const extra = await capturePulumiProgram(() => {
      new TransactionalProducerAcls('order-service-tx', {
        principal: 'User:order-service',
        topics: ['orders-tx'],
        transactionalId: 'order-service-',
        transactionalIdPatternType: 'PREFIXED',
      });
      new ClientQuota('analytics', { entityType: 'client-id', entityName: 'analytics', consumerByteRate: 5000000 });
      new ClientQuota('order-service', {
        entityType: 'user',
        entityName: 'order-service',
        producerByteRate: 1048576,
        requestPercentage: 50,
      });
    });
    const resources = [...example.resources, ...extra.resources];
    acls = resources.filter((r) => r.type === 'kafka:index/acl:Acl').map(aclRequest);
    quotas = resources.filter((r) => r.type === 'kafka:index/quota:Quota');

    admin = await AdminSession.open(env);
    const topics = capturedTopics(example.resources).map((t) => ({
      name: t.name,
      partitions: t.partitions,
      replicationFactor: t.replicationFactor,
      configs: t.config,
    }));
    topics.push({ name: 'orders-tx', partitions: 1, replicationFactor: 3, configs: {} });
    // The orders topics may exist already (topics.test.ts creates them too).
    const created = await admin.createTopics(topics);
    expect(created.filter((c) => !c.ok && c.error !== 'TopicExistsException')).toEqual([]);
  });

  afterAll(async () => {
    await admin?.close();
  });

  it('accepts every ACL of the orders example and of a prefixed transactional producer, and holds exactly those', async () => {
    expect(acls.length).toBeGreaterThanOrEqual(9);
    const outcomes = await admin.createAcls(acls);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const listed = await admin.listAcls();
    expect(listed).toEqual(expect.arrayContaining(acls.map(javaSpelling)));
    expect(listed).toHaveLength(acls.length);
  });

  describe('as SASL users, the ACLs allow exactly what the helpers promise (Java clients)', () => {
    // Attempts run in order, in one JVM: the producer writes before the consumer reads.
    const attempts: [string, AccessAttempt, string][] = [
      [
        'order-service produces to orders',
        { user: 'order-service', action: 'produce', topic: 'orders', value: 'order-1' },
        'ok',
      ],
      [
        'order-service cannot produce to orders-dead-letter',
        { user: 'order-service', action: 'produce', topic: 'orders-dead-letter' },
        'TopicAuthorizationException',
      ],
      [
        'order-service cannot consume orders',
        { user: 'order-service', action: 'consume', topic: 'orders', group: 'order-processors' },
        'GroupAuthorizationException',
      ],
      [
        'order-processor consumes orders in group order-processors',
        { user: 'order-processor', action: 'consume', topic: 'orders', group: 'order-processors' },
        'ok',
      ],
      [
        'order-processor cannot consume in another group',
        { user: 'order-processor', action: 'consume', topic: 'orders', group: 'another-group' },
        'GroupAuthorizationException',
      ],
      [
        'order-processor cannot produce to orders',
        { user: 'order-processor', action: 'produce', topic: 'orders' },
        'TopicAuthorizationException',
      ],
      [
        'order-processor produces dead letters',
        { user: 'order-processor', action: 'produce', topic: 'orders-dead-letter', value: 'dead-1' },
        'ok',
      ],
      [
        'a principal without ACLs cannot produce',
        { user: 'eventform-outsider', action: 'produce', topic: 'orders' },
        'TopicAuthorizationException',
      ],
      [
        'a principal without ACLs cannot consume',
        { user: 'eventform-outsider', action: 'consume', topic: 'orders', group: 'order-processors' },
        'TopicAuthorizationException',
      ],
      [
        'order-service commits a transaction with an id under its prefix',
        { user: 'order-service', action: 'transact', topic: 'orders-tx', transactionalId: 'order-service-1' },
        'ok',
      ],
      [
        'order-service cannot use a transactional id outside its prefix',
        { user: 'order-service', action: 'transact', topic: 'orders-tx', transactionalId: 'billing-1' },
        'TransactionalIdAuthorizationException',
      ],
    ];
    let outcomes: AccessOutcome[];
    beforeAll(async () => {
      const created = await admin.createAcls(acls);
      expect(created.filter((o) => !o.ok)).toEqual([]);
      outcomes = tryAccess(
        env,
        attempts.map(([, a]) => a),
      );
    });

    it.each(attempts.map(([label, , expected], i) => [label, expected, i] as const))(
      '%s (%s)',
      (_label, expected, i) => {
        const o = outcomes[i];
        expect(o.ok ? 'ok' : o.error).toBe(expected);
      },
    );

    it('the consumer reads what the producer wrote', () => {
      expect(outcomes[3].received).toEqual(['order-1']);
    });
  });

  it('accepts the client quotas as registered', async () => {
    const requests = quotas.map((q) => ({
      entityType: q.inputs.entityType as string,
      entityName: q.inputs.entityName as string,
      config: q.inputs.config as Record<string, string>,
    }));
    expect(requests).toHaveLength(2);
    const outcomes = await admin.setQuotas(requests);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const listed = await admin.listQuotas();
    for (const r of requests) {
      expect(listed).toContainEqual({
        entityType: r.entityType,
        entityName: r.entityName,
        config: Object.fromEntries(Object.entries(r.config).map(([k, v]) => [k, Number(v)])),
      });
    }
  });
});
