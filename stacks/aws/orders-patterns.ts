/** Event patterns and the OrderPlaced schema of the OrdersEventBus example (from the seed). */
import { buildEventPattern, EventMatch } from '../../lib';

/** high-value-orders: order-service OrderPlaced with detail.amount > 1000. */
export const HIGH_VALUE_ORDERS_PATTERN = buildEventPattern({
  source: 'order-service',
  'detail-type': 'OrderPlaced',
  detail: { amount: EventMatch.numeric('>', 1000) },
});

/** order-processing: every order-service event. */
export const ORDER_PROCESSING_PATTERN = buildEventPattern({ source: 'order-service' });

/** order-workflow: every OrderPlaced event of order-service. */
export const ORDER_WORKFLOW_PATTERN = buildEventPattern({ source: 'order-service', 'detail-type': 'OrderPlaced' });

/** Content filter: amount > 1000 or a `VIP-` customer, from us-east-1 or us-west-2. */
export const CONTENT_FILTER_PATTERN = buildEventPattern({
  source: 'order-service',
  'detail-type': 'OrderPlaced',
  detail: {
    $or: [{ amount: EventMatch.numeric('>', 1000) }, { customerId: EventMatch.prefix('VIP-') }],
    region: ['us-east-1', 'us-west-2'],
  },
});

/** orders-archive: every order-service event. */
export const ORDERS_ARCHIVE_PATTERN = buildEventPattern({ source: 'order-service' });

/** The seed's OrderPlaced schema, in Avro (registered as OpenAPI 3). */
export const ORDER_PLACED_AVRO = {
  type: 'record',
  name: 'OrderPlaced',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'amount', type: 'double' },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'OrderItem',
          fields: [
            { name: 'productId', type: ['null', 'string'], default: null },
            { name: 'quantity', type: ['null', 'int'], default: null },
          ],
        },
      },
      default: [],
    },
  ],
};
