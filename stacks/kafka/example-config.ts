/**
 * Example config for capturing the program without a Pulumi stack (`npm run synth`, tests). The secret values are
 * stand-ins that never leave this machine; real stacks set them with `pulumi config set --secret`.
 */
export const EXAMPLE_CONFIG: Readonly<Record<string, string>> = {
  bootstrapServers: 'kafka-1.example.internal:9093,kafka-2.example.internal:9093,kafka-3.example.internal:9093',
  tlsEnabled: 'true',
  saslMechanism: 'scram-sha512',
  saslUsername: 'eventform-admin',
  schemaRegistryUrl: 'https://schema-registry.example.internal:8081',
  schemaRegistryUsername: 'eventform',
  connectUrl: 'https://connect.example.internal:8083',
  ordersDbHost: 'orders-db.example.internal',
  ordersDbName: 'orders',
  ordersDbUser: 'debezium',
  bigqueryProject: 'my-gcp-project',
  bigqueryDataset: 'kafka_dataset',
  bigqueryKeyfile: '/opt/kafka/secrets/bigquery-key.json',
};

/** Secret stand-ins; tests assert none of them appears in the captured output. */
export const EXAMPLE_SECRET_CONFIG: Readonly<Record<string, string>> = {
  saslPassword: 'example-sasl-password-7f3a',
  schemaRegistryPassword: 'example-registry-password-2b9e',
  ordersDbPassword: 'example-db-password-c41d',
};

/** The Pulumi project name from Pulumi.yaml. */
export const PROJECT = 'orders-kafka';
