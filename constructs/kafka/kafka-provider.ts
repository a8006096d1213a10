import * as kafka from '@pulumi/kafka';
import * as pulumi from '@pulumi/pulumi';
import { PropsValidator } from '../../lib/validation';

/** SASL mechanisms the Kafka provider supports here. */
export type SaslMechanism = 'plain' | 'scram-sha256' | 'scram-sha512' | 'oauthbearer';

const SASL_MECHANISMS: readonly SaslMechanism[] = ['plain', 'scram-sha256', 'scram-sha512', 'oauthbearer'];

/** SASL authentication of the provider's admin client. */
export interface SaslSettings {
  /** The mechanism. */
  readonly mechanism: SaslMechanism;
  /** User name (plain, scram) or OAuth client id (oauthbearer). */
  readonly username: pulumi.Input<string>;
  /**
   * Password (plain, scram) or OAuth client secret (oauthbearer). Must be a Pulumi secret or Output (for example
   * `config.requireSecret('saslPassword')`): a plain string would land in state as clear text and is refused.
   */
  readonly password: pulumi.Input<string>;
  /** Token endpoint for oauthbearer (required there). @default - none */
  readonly tokenUrl?: pulumi.Input<string>;
  /** OAuth scopes for oauthbearer. @default - none */
  readonly oauthScopes?: string[];
}

/** Connection settings of the Kafka cluster eventform manages. */
export interface KafkaConnectionArgs {
  /** Broker addresses as `host:port`. At least one. */
  readonly bootstrapServers: pulumi.Input<string>[];
  /**
   * Whether the provider talks TLS to the brokers. Always explicit: the provider SDK ignores `KAFKA_ENABLE_TLS=false`
   * and would otherwise default to true.
   */
  readonly tlsEnabled: boolean;
  /** Skip verification of the brokers' certificates (development clusters only). @default false */
  readonly skipTlsVerify?: boolean;
  /** PEM CA certificate that signed the brokers' certificates. @default - the system trust store */
  readonly caCert?: pulumi.Input<string>;
  /** PEM client certificate for mutual TLS. @default - no client certificate */
  readonly clientCert?: pulumi.Input<string>;
  /** PEM private key of the client certificate; kept secret. @default - no client certificate */
  readonly clientKey?: pulumi.Input<string>;
  /** SASL authentication. @default - no SASL */
  readonly sasl?: SaslSettings;
  /** Kafka protocol version the provider speaks, `MAJOR.MINOR.PATCH`. @default '2.7.0' (the provider's default) */
  readonly kafkaVersion?: string;
  /** Provider timeout in seconds. @default 120 (the provider's default) */
  readonly timeoutSeconds?: number;
}

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;

function validate(name: string, args: KafkaConnectionArgs): void {
  const v = new PropsValidator(name, pulumi.Output.isInstance);
  const servers = args?.bootstrapServers;
  if (!Array.isArray(servers) || servers.length === 0) {
    v.add(
      'KAFKA_BOOTSTRAP_SERVERS',
      'bootstrapServers',
      `bootstrapServers must list at least one host:port; got ${JSON.stringify(servers)}.`,
    );
  } else {
    servers.forEach((s, i) =>
      v.text(`bootstrapServers[${i}]`, s as string | undefined, 'KAFKA_BOOTSTRAP_SERVERS', {
        min: 3,
        pattern: HOST_PORT,
        allowed: 'host:port',
      }),
    );
  }
  v.check(
    typeof args?.tlsEnabled === 'boolean',
    'KAFKA_TLS_NOT_EXPLICIT',
    'tlsEnabled',
    `tlsEnabled must be set to true or false explicitly (the provider SDK ignores KAFKA_ENABLE_TLS=false); got ${JSON.stringify(args?.tlsEnabled)}.`,
  );
  v.check(
    !(args?.skipTlsVerify && !args.tlsEnabled),
    'KAFKA_TLS_VERIFY_WITHOUT_TLS',
    'skipTlsVerify',
    'skipTlsVerify only makes sense with tlsEnabled: true; remove it or turn TLS on.',
  );
  v.check(
    (args?.clientCert === undefined) === (args?.clientKey === undefined),
    'KAFKA_CLIENT_CERT_PAIR',
    'clientCert, clientKey',
    'clientCert and clientKey go together for mutual TLS; set both or neither.',
  );
  v.check(
    typeof args?.clientKey !== 'string',
    'KAFKA_SECRET_PLAIN_TEXT',
    'clientKey',
    'clientKey is a plain string and would be stored as clear text in state; pass a secret (config.requireSecret("clientKey")).',
  );
  const sasl = args?.sasl;
  if (sasl !== undefined) {
    if (!SASL_MECHANISMS.includes(sasl.mechanism)) {
      v.add(
        'KAFKA_SASL_MECHANISM',
        'sasl.mechanism',
        `sasl.mechanism must be one of ${SASL_MECHANISMS.join(', ')}; got ${JSON.stringify(sasl.mechanism)}.`,
      );
    }
    v.check(
      sasl.username !== undefined && sasl.username !== '',
      'KAFKA_SASL_CREDENTIALS',
      'sasl.username',
      `sasl.username is required for ${sasl.mechanism}.`,
    );
    if (sasl.password === undefined || sasl.password === '') {
      v.add(
        'KAFKA_SASL_CREDENTIALS',
        'sasl.password',
        `sasl.password is required for ${sasl.mechanism}; pass config.requireSecret("saslPassword").`,
      );
    } else if (typeof sasl.password === 'string') {
      v.add(
        'KAFKA_SECRET_PLAIN_TEXT',
        'sasl.password',
        'sasl.password is a plain string and would be stored as clear text in state; pass a secret (config.requireSecret("saslPassword")).',
      );
    }
    v.check(
      sasl.mechanism !== 'oauthbearer' || sasl.tokenUrl !== undefined,
      'KAFKA_SASL_TOKEN_URL',
      'sasl.tokenUrl',
      'sasl.tokenUrl is required for oauthbearer: the OAuth token endpoint.',
    );
    v.check(
      !(sasl.mechanism === 'plain' && args.tlsEnabled === false),
      'KAFKA_SASL_PLAIN_WITHOUT_TLS',
      'sasl.mechanism',
      'sasl.mechanism "plain" with tlsEnabled: false sends the password in clear text; turn TLS on or use scram-sha512.',
    );
  }
  v.range('timeoutSeconds', args?.timeoutSeconds, 1, 3600, 'KAFKA_PROVIDER_TIMEOUT', { integer: true, unit: ' s' });
  v.text('kafkaVersion', args?.kafkaVersion, 'KAFKA_PROVIDER_VERSION', {
    pattern: /^\d+\.\d+\.\d+$/,
    allowed: 'MAJOR.MINOR.PATCH',
  });
  v.throwIfAny();
}

/**
 * Creates the `@pulumi/kafka` provider from validated connection settings: TLS always explicit, SASL
 * credentials and client keys always Pulumi secrets. Pass it to eventform components with `{ provider }` or
 * `{ providers: [provider] }`.
 *
 * ```ts
 * const cfg = new pulumi.Config();
 * const provider = kafkaProvider('orders-cluster', {
 *   bootstrapServers: cfg.require('bootstrapServers').split(','),
 *   tlsEnabled: cfg.requireBoolean('tlsEnabled'),
 *   sasl: { mechanism: 'scram-sha512', username: cfg.require('saslUsername'), password: cfg.requireSecret('saslPassword') },
 * });
 * ```
 */
export function kafkaProvider(name: string, args: KafkaConnectionArgs, opts?: pulumi.ResourceOptions): kafka.Provider {
  validate(name, args);
  const sasl = args.sasl;
  return new kafka.Provider(
    name,
    {
      bootstrapServers: args.bootstrapServers,
      tlsEnabled: args.tlsEnabled,
      skipTlsVerify: args.skipTlsVerify ?? false,
      caCert: args.caCert,
      clientCert: args.clientCert,
      clientKey: args.clientKey === undefined ? undefined : pulumi.secret(args.clientKey),
      kafkaVersion: args.kafkaVersion,
      timeout: args.timeoutSeconds,
      saslMechanism: sasl?.mechanism,
      saslUsername: sasl?.username,
      saslPassword: sasl === undefined ? undefined : pulumi.secret(sasl.password),
      saslTokenUrl: sasl?.tokenUrl,
      saslOauthScopes: sasl?.oauthScopes,
    },
    opts,
  );
}

/**
 * Reads {@link KafkaConnectionArgs} from Pulumi config, secrets with `requireSecret`/`getSecret`:
 * `bootstrapServers` (comma-separated host:port), `tlsEnabled` (required), `skipTlsVerify`, `caCert`, `clientCert`,
 * secret `clientKey`, `saslMechanism` (plain, scram-sha256, scram-sha512, oauthbearer; no SASL when unset),
 * `saslUsername`, secret `saslPassword`, `saslTokenUrl`.
 *
 * ```sh
 * pulumi config set bootstrapServers b1:9093,b2:9093
 * pulumi config set tlsEnabled true
 * pulumi config set saslMechanism scram-sha512
 * pulumi config set saslUsername eventform-admin
 * pulumi config set --secret saslPassword '...'
 * ```
 */
export function kafkaConnectionFromConfig(config: pulumi.Config = new pulumi.Config()): KafkaConnectionArgs {
  const mechanism = config.get('saslMechanism');
  const clientKey = config.getSecret('clientKey');
  return {
    bootstrapServers: config
      .require('bootstrapServers')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    tlsEnabled: config.requireBoolean('tlsEnabled'),
    skipTlsVerify: config.getBoolean('skipTlsVerify'),
    caCert: config.get('caCert'),
    clientCert: config.get('clientCert'),
    clientKey,
    sasl:
      mechanism === undefined
        ? undefined
        : {
            mechanism: mechanism as SaslMechanism,
            username: config.require('saslUsername'),
            password: config.requireSecret('saslPassword'),
            tokenUrl: config.get('saslTokenUrl'),
          },
  };
}
