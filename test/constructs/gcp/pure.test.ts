// The engine-free parts of constructs/gcp: filter grammar, limits, names, service agent, immutable-field diff.
import { durationString, PUBSUB_LIMITS } from '../../../constructs/gcp/limits';
import { parsePubsubFilter } from '../../../constructs/gcp/filter';
import { subscriptionImmutableChanges } from '../../../constructs/gcp/immutable-guard';
import { PUBSUB_NAME_PATTERN } from '../../../constructs/gcp/names';
import { pubsubServiceAgentEmail, pubsubServiceAgentMember } from '../../../constructs/gcp/service-agent';

describe('parsePubsubFilter', () => {
  test.each([
    ['attributes:priority', { kind: 'has', key: 'priority' }],
    ['attributes.type = "OrderPlaced"', { kind: 'equals', key: 'type', value: 'OrderPlaced' }],
    ["attributes.type != 'test'", { kind: 'notEquals', key: 'type', value: 'test' }],
    ['hasPrefix(attributes.region, "eu-")', { kind: 'hasPrefix', key: 'region', value: 'eu-' }],
    ['NOT attributes:test', { kind: 'not', operand: { kind: 'has', key: 'test' } }],
    ['-attributes:test', { kind: 'not', operand: { kind: 'has', key: 'test' } }],
    ['attributes.ce-type = "x"', { kind: 'equals', key: 'ce-type', value: 'x' }],
    ['attributes."my key" = "a \\"quoted\\" value"', { kind: 'equals', key: 'my key', value: 'a "quoted" value' }],
    [
      'attributes:a AND attributes:b AND attributes:c',
      {
        kind: 'and',
        operands: [
          { kind: 'has', key: 'a' },
          { kind: 'has', key: 'b' },
          { kind: 'has', key: 'c' },
        ],
      },
    ],
    [
      '(attributes:a AND attributes:b) OR NOT (attributes.c = "1")',
      {
        kind: 'or',
        operands: [
          {
            kind: 'and',
            operands: [
              { kind: 'has', key: 'a' },
              { kind: 'has', key: 'b' },
            ],
          },
          { kind: 'not', operand: { kind: 'equals', key: 'c', value: '1' } },
        ],
      },
    ],
  ])('accepts %s', (filter, node) => {
    expect(parsePubsubFilter(filter)).toEqual({ node, issues: [] });
  });

  test.each([
    ['', 'PUBSUB_FILTER_EMPTY', /must not be empty/],
    ['   ', 'PUBSUB_FILTER_EMPTY', /must not be empty/],
    ['attributes.type = "x', 'PUBSUB_FILTER_SYNTAX', /unterminated string starting at position 18/],
    ['attributes.type == "x"', 'PUBSUB_FILTER_SYNTAX', /expected a quoted string at position 17, found "="/],
    ['attributes.type', 'PUBSUB_FILTER_SYNTAX', /expected "=" or "!=" at position 15, found the end of the filter/],
    ['attributes:a attributes:b', 'PUBSUB_FILTER_SYNTAX', /expected AND, OR or the end of the filter/],
    ['(attributes:a', 'PUBSUB_FILTER_SYNTAX', /expected "\)"/],
    ['attributes:a AND', 'PUBSUB_FILTER_SYNTAX', /expected attributes\.KEY/],
    ['attributes.n > "5"', 'PUBSUB_FILTER_SYNTAX', /unexpected character ">"/],
    ['hasPrefix(data, "x")', 'PUBSUB_FILTER_NOT_ATTRIBUTES', /hasPrefix can only test message attributes/],
    ['message.data = "x"', 'PUBSUB_FILTER_NOT_ATTRIBUTES', /found "message"/],
    [
      'attributes:a OR attributes:b AND attributes:c',
      'PUBSUB_FILTER_MIXED_AND_OR',
      /cannot be mixed without parentheses/,
    ],
    ['attributes:a and attributes:b', 'PUBSUB_FILTER_SYNTAX', /expected AND, OR or the end of the filter.*found "and"/],
  ])('rejects %j', (filter, code, pattern) => {
    const { node, issues } = parsePubsubFilter(filter);
    expect(node).toBeUndefined();
    expect(issues.map((i) => i.code)).toContain(code);
    expect(issues.find((i) => i.code === code)?.message).toMatch(pattern);
    expect(issues.every((i) => i.path === 'filter')).toBe(true);
  });

  test('256 bytes is the limit, counted in UTF-8', () => {
    const at = (n: number) => `attributes.k = "${'a'.repeat(n - 17)}"`;
    expect(Buffer.byteLength(at(256))).toBe(256);
    expect(parsePubsubFilter(at(256)).issues).toEqual([]);
    expect(parsePubsubFilter(at(257)).issues.map((i) => i.code)).toEqual(['PUBSUB_FILTER_TOO_LONG']);
    const multiByte = `attributes.k = "${'€'.repeat(80)}"`; // 97 characters, 257 bytes
    expect(parsePubsubFilter(multiByte).issues[0].message).toMatch(/got 257 bytes/);
  });
});

describe('limits and names', () => {
  test('durations are protobuf Duration strings', () => {
    expect(durationString(604800)).toBe('604800s');
  });

  test('the limits eventform enforces', () => {
    expect(PUBSUB_LIMITS.ackDeadlineSeconds).toEqual({ min: 10, max: 600 });
    expect(PUBSUB_LIMITS.messageRetentionSeconds).toEqual({ min: 600, max: 2678400 });
    expect(PUBSUB_LIMITS.maxDeliveryAttempts).toEqual({ min: 5, max: 100 });
    expect(PUBSUB_LIMITS.backoffSeconds).toEqual({ min: 0, max: 600 });
    expect(PUBSUB_LIMITS.expirationMinSeconds).toBe(86400);
    expect(PUBSUB_LIMITS.filterMaxBytes).toBe(256);
  });

  test.each([
    ['orders', true],
    ['orders-dead-letter', true],
    ['com.example.Order', true],
    ['a~b+c%d_e', true],
    ['ab', false],
    ['1orders', false],
    ['goog-orders', false],
    ['orders/x', false],
    ['a'.repeat(255), true],
    ['a'.repeat(256), false],
  ])('Pub/Sub name %j valid: %s', (name, ok) => {
    expect(PUBSUB_NAME_PATTERN.test(name)).toBe(ok);
  });

  test('service agent', () => {
    expect(pubsubServiceAgentEmail('123')).toBe('service-123@gcp-sa-pubsub.iam.gserviceaccount.com');
    expect(pubsubServiceAgentMember('123')).toBe('serviceAccount:service-123@gcp-sa-pubsub.iam.gserviceaccount.com');
  });
});

describe('subscriptionImmutableChanges', () => {
  const previous = {
    resource: {
      google_pubsub_subscription: {
        a: { name: 'order-processor', filter: 'attributes:a', enable_message_ordering: true },
        b: { name: 'plain' },
      },
    },
  };

  test.each([
    ['unchanged', { name: 'order-processor', filter: 'attributes:a', enableMessageOrdering: true }, []],
    ['a new subscription', { name: 'new', filter: 'attributes:x', enableMessageOrdering: true }, []],
    [
      'filter removed',
      { name: 'order-processor', enableMessageOrdering: true },
      [{ field: 'filter', before: 'attributes:a', after: undefined }],
    ],
    [
      'ordering turned off',
      { name: 'order-processor', filter: 'attributes:a', enableMessageOrdering: false },
      [{ field: 'enable_message_ordering', before: true, after: false }],
    ],
    [
      'filter added where none was',
      { name: 'plain', filter: 'attributes:x', enableMessageOrdering: false },
      [{ field: 'filter', before: undefined, after: 'attributes:x' }],
    ],
  ])('%s', (_t, current, changes) => {
    expect(subscriptionImmutableChanges(previous, current)).toEqual(changes);
  });

  test('no previous synth', () => {
    expect(subscriptionImmutableChanges(undefined, { name: 'x', enableMessageOrdering: false })).toEqual([]);
    expect(subscriptionImmutableChanges({ resource: {} }, { name: 'x', enableMessageOrdering: false })).toEqual([]);
  });
});
