/**
 * The pattern-matching workload, generated once per run into one JSON file that both sides read (eventform's
 * `matchEvent` in Node and aws/event-ruler in Java), so they match identical patterns against identical events.
 */

/** The file both matcher harnesses read. */
export interface MatcherCases {
  /** The one five-field pattern, as JSON text. */
  readonly singlePattern: string;
  /** 100 five-field patterns as JSON text; exactly one of them matches `matchingEvent`. */
  readonly manyPatterns: readonly string[];
  /** A ~2 KB EventBridge event that matches `singlePattern` and `manyPatterns[0]`. */
  readonly matchingEvent: string;
  /** The same event with an amount below every threshold: it matches no pattern. */
  readonly nonMatchingEvent: string;
}

const SOURCES = 10;
const DETAIL_TYPES = 10;

/** Five fields: source, detail-type, a numeric range, a prefix and a list of values. */
function pattern(source: string, detailType: string, minAmount: number): string {
  return JSON.stringify({
    source: [source],
    'detail-type': [detailType],
    detail: {
      amount: [{ numeric: ['>', minAmount] }],
      customerId: [{ prefix: 'VIP-' }],
      region: ['eu-west-1', 'eu-central-1', 'us-east-1'],
    },
  });
}

function event(amount: number): string {
  const items = Array.from({ length: 18 }, (_, i) => ({
    sku: `SKU-${1000 + i}`,
    title: `Item number ${i} of the order`,
    quantity: 1 + (i % 3),
    unitPrice: 19.99 + i,
  }));
  return JSON.stringify({
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'OrderPlaced',
    source: 'order-service',
    account: '111122223333',
    time: '2026-11-28T08:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:events:eu-west-1:111122223333:event-bus/orders-event-bus'],
    detail: {
      orderId: 'ORD-2026-000123',
      customerId: 'VIP-00042',
      amount,
      currency: 'EUR',
      region: 'eu-west-1',
      channel: 'web',
      items,
      shippingAddress: { street: '1 Main Street', city: 'Dublin', postcode: 'D01 F5P2', country: 'IE' },
    },
  });
}

/** Generates the workload; deterministic, so every run and both sides see the same bytes. */
export function generateMatcherCases(): MatcherCases {
  const manyPatterns: string[] = [pattern('order-service', 'OrderPlaced', 1000)];
  for (let i = 1; i < SOURCES * DETAIL_TYPES; i++) {
    const source = i % SOURCES === 0 ? 'order-service' : `service-${i % SOURCES}`;
    const detailType = Math.floor(i / SOURCES) === 0 ? 'OrderPlaced' : `OrderEvent${Math.floor(i / SOURCES)}`;
    manyPatterns.push(pattern(source, detailType, 1000 + i));
  }
  return {
    singlePattern: manyPatterns[0],
    manyPatterns,
    matchingEvent: event(1500.5),
    nonMatchingEvent: event(999),
  };
}
