/**
 * Example config for capturing the program without a Pulumi stack (`npm run synth`, tests). The secret values are
 * stand-ins that never leave this machine; real stacks set them with `pulumi config set --secret`.
 */
export const EXAMPLE_CONFIG: Readonly<Record<string, string>> = {
  bootstrapServers: 'kafka-1.example.internal:9093,kafka-2.example.internal:9093,kafka-3.example.internal:9093',
  tlsEnabled: 'true',
  saslMechanism: 'scram-sha512',
  saslUsername: 'eventform-admin',
};

/** Secret stand-ins; tests assert none of them appears in the captured output. */
export const EXAMPLE_SECRET_CONFIG: Readonly<Record<string, string>> = {
  saslPassword: 'example-sasl-password-7f3a',
};

/** The Pulumi project name from Pulumi.yaml. */
export const PROJECT = 'orders-kafka';
