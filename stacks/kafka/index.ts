// Pulumi program entry (Pulumi.yaml `main: stacks/kafka/`): `pulumi up` runs the orders Kafka program.
import { ordersKafka } from './orders-kafka';

module.exports = ordersKafka();
