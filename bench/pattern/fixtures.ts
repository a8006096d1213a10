/**
 * Inputs of the event-pattern benchmark: a typical five-field rule and a ~2 KB EventBridge event it matches, a
 * variant it does not match, 100 similar rules, and 10,000 patterns to validate.
 */

/** A ~2 KB order event in EventBridge's envelope. */
export function orderEvent(amount: number): Record<string, unknown> {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'OrderPlaced',
    source: 'order-service',
    account: '111122223333',
    time: '2026-11-28T08:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders'],
    detail: {
      orderId: 'ord-2026-11-28-000123',
      customerId: 'VIP-00042',
      amount,
      currency: 'EUR',
      status: 'PLACED',
      channel: 'web',
      createdAt: '2026-11-28T07:59:58.123Z',
      shipping: {
        method: 'express',
        address: { street: '1 Example Road', city: 'Dublin', postcode: 'D02 XY45', country: 'IE' },
      },
      items: Array.from({ length: 8 }, (_, i) => ({
        sku: `SKU-${1000 + i}`,
        name: `Product number ${i} with a descriptive name`,
        quantity: 1 + (i % 3),
        unitPrice: 19.99 + i,
        tags: ['catalog', `category-${i % 4}`],
      })),
      payment: { method: 'card', last4: '4242', authorised: true, provider: 'example-pay' },
      metadata: { traceId: '1-5f84c7a1-0e6c6c2b3f5e4c1a2b3c4d5e', sessionId: 'b5c3a0d2-9f1e-4c7b-8a6d-2e4f1a3b5c7d' },
      loyalty: { tier: 'gold', points: 12840, memberSince: '2019-04-01', referral: null },
      notes: 'Leave the parcel with the neighbour at number 3 if nobody answers; ring twice, the bell is quiet.',
      consent: { marketing: false, analytics: true, updatedAt: '2026-10-01T12:00:00Z' },
    },
  };
}

/** The five-field rule: source, detail-type, amount above 1000, a VIP customer, not cancelled. */
export const fiveFieldPattern = {
  source: ['order-service'],
  'detail-type': ['OrderPlaced'],
  detail: {
    amount: [{ numeric: ['>', 1000] }],
    customerId: [{ prefix: 'VIP-' }],
    status: [{ 'anything-but': ['CANCELLED', 'REFUNDED'] }],
  },
};

/** 100 rules like the five-field one, differing in threshold, prefix and region. */
export function hundredPatterns(): object[] {
  return Array.from({ length: 100 }, (_, i) => ({
    source: ['order-service'],
    'detail-type': [i % 2 === 0 ? 'OrderPlaced' : 'OrderUpdated'],
    region: [['eu-west-1', 'us-east-1', 'ap-south-1'][i % 3]],
    detail: {
      amount: [{ numeric: ['>', 100 * i] }],
      customerId: [{ prefix: i % 5 === 0 ? 'VIP-' : `CUST-${i}` }],
    },
  }));
}

/** 10,000 patterns of varied shapes, valid and invalid, to validate. */
export function manyPatterns(): object[] {
  const shapes = [
    (i: number) => ({ source: [`app.${i}`], 'detail-type': ['A', 'B'] }),
    (i: number) => ({ detail: { amount: [{ numeric: ['>=', i, '<', i + 100] }] } }),
    (i: number) => ({ detail: { name: [{ wildcard: `*order-${i}*` }], ip: [{ cidr: '10.0.0.0/8' }] } }),
    (i: number) => ({ $or: [{ a: [{ prefix: `p${i}` }] }, { b: [{ suffix: `s${i}` }] }] }),
    (i: number) => ({ detail: { state: [{ 'anything-but': { prefix: `x${i}` } }], gone: [{ exists: false }] } }),
    (i: number) => ({ detail: { bad: [{ prefx: `oops${i}` }] } }),
  ];
  return Array.from({ length: 10_000 }, (_, i) => shapes[i % shapes.length](i));
}
