import * as pulumi from '@pulumi/pulumi';
import { ClientQuota, ConsumerGroupAcls, ProducerAcls, TransactionalProducerAcls } from '../../../constructs/kafka';
import { capture, thrown } from './capture-helpers';

const ACL = 'kafka:index/acl:Acl';
const acl = (resourceType: string, name: string, pattern: string, op: string, principal: string) => ({
  aclResourceType: resourceType,
  aclResourceName: name,
  resourcePatternTypeFilter: pattern,
  aclOperation: op,
  aclPermissionType: 'Allow',
  aclPrincipal: principal,
  aclHost: '*',
});

describe('ACL helpers', () => {
  it('grant least privilege to producer, consumer group and transactional producer', async () => {
    const c = await capture(() => {
      new ProducerAcls('order-service', { principal: 'User:order-service', topics: ['orders', 'orders-dead-letter'] });
      new ConsumerGroupAcls('order-processors', {
        principal: 'User:order-processor',
        topics: ['orders'],
        group: 'order-processors',
      });
      new TransactionalProducerAcls('payments', {
        principal: 'User:payments',
        topics: ['payments.'],
        topicPatternType: 'PREFIXED',
        transactionalId: 'payments-',
        transactionalIdPatternType: 'PREFIXED',
      });
    });
    const byName = Object.fromEntries(c.ofType(ACL).map((r) => [r.name, r.inputs]));
    expect(byName).toEqual({
      'order-service-topic-orders-write': acl('Topic', 'orders', 'Literal', 'Write', 'User:order-service'),
      'order-service-topic-orders-describe': acl('Topic', 'orders', 'Literal', 'Describe', 'User:order-service'),
      'order-service-topic-orders-dead-letter-write': acl(
        'Topic',
        'orders-dead-letter',
        'Literal',
        'Write',
        'User:order-service',
      ),
      'order-service-topic-orders-dead-letter-describe': acl(
        'Topic',
        'orders-dead-letter',
        'Literal',
        'Describe',
        'User:order-service',
      ),
      'order-processors-topic-orders-read': acl('Topic', 'orders', 'Literal', 'Read', 'User:order-processor'),
      'order-processors-topic-orders-describe': acl('Topic', 'orders', 'Literal', 'Describe', 'User:order-processor'),
      'order-processors-group-order-processors-read': acl(
        'Group',
        'order-processors',
        'Literal',
        'Read',
        'User:order-processor',
      ),
      'payments-topic-payments.-write': acl('Topic', 'payments.', 'Prefixed', 'Write', 'User:payments'),
      'payments-topic-payments.-describe': acl('Topic', 'payments.', 'Prefixed', 'Describe', 'User:payments'),
      'payments-transactionalid-payments--write': acl(
        'TransactionalID',
        'payments-',
        'Prefixed',
        'Write',
        'User:payments',
      ),
      'payments-transactionalid-payments--describe': acl(
        'TransactionalID',
        'payments-',
        'Prefixed',
        'Describe',
        'User:payments',
      ),
    });
    // Nothing on the cluster, no All/Alter operations, no Deny needed.
    expect(c.ofType(ACL).every((r) => ['Read', 'Write', 'Describe'].includes(r.inputs.aclOperation as string))).toBe(
      true,
    );
  });

  it('accepts Output topic names and a specific host', async () => {
    const c = await capture(() => {
      new ProducerAcls('late', {
        principal: pulumi.output('User:late'),
        topics: [pulumi.output('orders')],
        host: '10.0.0.7',
      });
    });
    expect(c.find(ACL, 'late-topic-0-write').inputs).toEqual({
      ...acl('Topic', 'orders', 'Literal', 'Write', 'User:late'),
      aclHost: '10.0.0.7',
    });
  });

  describe('refuses', () => {
    beforeAll(() =>
      pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
    );
    it.each([
      [
        'principal without type',
        () => new ProducerAcls('p', { principal: 'order-service', topics: ['orders'] }),
        'KAFKA_ACL_PRINCIPAL',
        /principal must be one named principal such as "User:order-service".*got "order-service"/,
      ],
      [
        'wildcard principal',
        () => new ProducerAcls('p', { principal: 'User:*', topics: ['orders'] }),
        'KAFKA_ACL_PRINCIPAL',
        /no wildcard/,
      ],
      [
        'wildcard topic',
        () => new ProducerAcls('p', { principal: 'User:a', topics: ['*'] }),
        'KAFKA_ACL_WILDCARD',
        /topics\[0\] is "\*".*not least privilege.*PREFIXED/,
      ],
      [
        'no topics',
        () => new ProducerAcls('p', { principal: 'User:a', topics: [] }),
        'KAFKA_ACL_RESOURCE_NAME',
        /topics must list at least one topic/,
      ],
      [
        'bad literal topic',
        () => new ProducerAcls('p', { principal: 'User:a', topics: ['bad topic'] }),
        'KAFKA_ACL_RESOURCE_NAME',
        /topics\[0\] must be 1-249 characters/,
      ],
      [
        'empty group',
        () => new ConsumerGroupAcls('c', { principal: 'User:a', topics: ['orders'], group: '' }),
        'KAFKA_ACL_RESOURCE_NAME',
        /group must be a non-empty Group name; got ""/,
      ],
      [
        'wildcard group',
        () => new ConsumerGroupAcls('c', { principal: 'User:a', topics: ['orders'], group: 'g*' }),
        'KAFKA_ACL_WILDCARD',
        /every Group/,
      ],
      [
        'bad pattern type',
        () =>
          new ConsumerGroupAcls('c', {
            principal: 'User:a',
            topics: ['orders'],
            group: 'g',
            groupPatternType: 'MATCH' as never,
          }),
        'KAFKA_ACL_PATTERN_TYPE',
        /groupPatternType must be LITERAL or PREFIXED; got "MATCH"/,
      ],
      [
        'bad host',
        () => new ProducerAcls('p', { principal: 'User:a', topics: ['orders'], host: '' }),
        'KAFKA_ACL_HOST',
        /host must be "\*" or a client IP address/,
      ],
      [
        'empty transactional id',
        () => new TransactionalProducerAcls('t', { principal: 'User:a', topics: ['orders'], transactionalId: '' }),
        'KAFKA_ACL_RESOURCE_NAME',
        /transactionalId must be a non-empty TransactionalID name/,
      ],
      [
        'quota entity type',
        () => new ClientQuota('q', { entityType: 'ip' as never, entityName: '1.2.3.4', producerByteRate: 1 }),
        'KAFKA_QUOTA_ENTITY',
        /entityType must be "user" or "client-id"; got "ip"/,
      ],
      [
        'quota entity name',
        () => new ClientQuota('q', { entityType: 'user', entityName: ' ', producerByteRate: 1 }),
        'KAFKA_QUOTA_ENTITY',
        /entityName must name one user/,
      ],
      [
        'quota value',
        () => new ClientQuota('q', { entityType: 'user', entityName: 'a', consumerByteRate: 0 }),
        'KAFKA_QUOTA_VALUE',
        /consumerByteRate \(consumer_byte_rate\) must be a number > 0; got 0/,
      ],
      [
        'empty quota',
        () => new ClientQuota('q', { entityType: 'user', entityName: 'a' }),
        'KAFKA_QUOTA_EMPTY',
        /at least one of producerByteRate/,
      ],
    ])('%s', (_label, build, code, message) => {
      const e = thrown(build);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  });
});

describe('ClientQuota', () => {
  it('writes Kafka quota keys as strings', async () => {
    const c = await capture(() => {
      new ClientQuota('analytics', {
        entityType: 'client-id',
        entityName: 'analytics',
        producerByteRate: 1048576,
        consumerByteRate: 5000000,
        requestPercentage: 25,
        controllerMutationRate: 10,
      });
    });
    expect(c.find('kafka:index/quota:Quota', 'analytics').inputs).toEqual({
      entityType: 'client-id',
      entityName: 'analytics',
      config: {
        producer_byte_rate: '1048576',
        consumer_byte_rate: '5000000',
        request_percentage: '25',
        controller_mutation_rate: '10',
      },
    });
  });
});
