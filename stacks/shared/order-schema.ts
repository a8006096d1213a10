import { EventSchema } from '../../lib';

/**
 * The `Order` event of the orders example (the seed's Avro schema): the `orders` Pub/Sub topic's schema and the
 * Kafka Schema Registry subject `orders-value`.
 * @module
 */

/** Avro definition of an order; `orderTime` is epoch milliseconds. */
export const ORDER_AVRO_DEFINITION = {
  type: 'record',
  name: 'Order',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'orderTime', type: { type: 'long', logicalType: 'timestamp-millis' } },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'OrderItem',
          fields: [
            { name: 'productId', type: 'string' },
            { name: 'quantity', type: 'int' },
            { name: 'price', type: 'double' },
          ],
        },
      },
    },
  ],
} as const;

/** The `Order` schema as the core's schema value. */
export const ORDER_SCHEMA = EventSchema.avro(ORDER_AVRO_DEFINITION);
