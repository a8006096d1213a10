import * as pulumi from '@pulumi/pulumi';
import { EventformError } from '../../lib/errors';
import { PropsValidator } from '../../lib/validation';
import {
  checkCompatibility,
  COMPATIBILITY_MODES,
  EventSchema,
  type CompatibilityMode,
  type SchemaFormat,
} from '../../lib/schema';
import { deleteSubject, getSubjectVersions, registerSchema, setSubjectCompatibility } from './registry-client';
import type { RestEndpoint } from './rest-client';

/** The resolved inputs of the subject provider. */
export interface SchemaSubjectProviderInputs {
  /** Schema Registry base URL. */
  readonly registryUrl: string;
  /** Basic-auth user. */
  readonly registryUsername?: string;
  /** Basic-auth password (a secret). */
  readonly registryPassword?: string;
  /** Subject name, e.g. `orders-value`. */
  readonly subject: string;
  /** AVRO, JSON or PROTOBUF. */
  readonly schemaType: SchemaFormat;
  /** Schema definition text. */
  readonly schema: string;
  /** The subject's compatibility mode. */
  readonly compatibility: CompatibilityMode;
}

/** What the provider stores: inputs plus the registry's id and version, and the versions it knows, oldest first. */
export interface SchemaSubjectProviderOutputs extends SchemaSubjectProviderInputs {
  /** Global schema id. */
  readonly schemaId: number;
  /** Version of the schema within the subject. */
  readonly version: number;
  /** Registered schema texts, oldest first (the last one is `schema`). */
  readonly history: string[];
}

const SUBJECT = /^[^\s\p{Cc}]{1,255}$/u;
const URL_PATTERN = /^https?:\/\/[^\s/]+(\/\S*)?$/;

function incompatible(subject: string, messages: string[]): EventformError {
  return new EventformError(
    {
      code: 'REGISTRY_INCOMPATIBLE_SCHEMA',
      path: 'schema',
      message: `the new schema of subject ${subject} is not compatible: ${messages.join('; ')}`,
    },
    subject,
  );
}

/** Checks `candidate` against `previous` locally with eventform's checkCompatibility; throws when incompatible. */
export function assertSubjectCompatible(
  subject: string,
  format: SchemaFormat,
  mode: CompatibilityMode,
  previous: string[],
  candidate: string,
): void {
  if (previous.length === 0) return;
  const result = checkCompatibility({ format, mode, previous, candidate });
  if (!result.compatible) throw incompatible(subject, result.messages);
}

function endpoint(i: SchemaSubjectProviderInputs): RestEndpoint {
  return { url: i.registryUrl, username: i.registryUsername, password: i.registryPassword };
}

async function apply(inputs: SchemaSubjectProviderInputs): Promise<SchemaSubjectProviderOutputs> {
  const ep = endpoint(inputs);
  const registered = await getSubjectVersions(ep, inputs.subject);
  const previous = registered.filter((r) => r.schema !== inputs.schema).map((r) => r.schema);
  assertSubjectCompatible(inputs.subject, inputs.schemaType, inputs.compatibility, previous, inputs.schema);
  await setSubjectCompatibility(ep, inputs.subject, inputs.compatibility);
  const { id, version } = await registerSchema(ep, inputs.subject, inputs.schema, inputs.schemaType);
  return { ...inputs, schemaId: id, version, history: [...previous, inputs.schema] };
}

/**
 * Dynamic provider for Schema Registry subjects over the Confluent REST API. `diff` checks a changed schema against
 * the versions in state with eventform's `checkCompatibility` (so `pulumi preview` fails on an incompatible change,
 * without calling the registry); `create` and `update` check again against the registry's versions, set the mode
 * (`PUT /config/{subject}`) and register (`POST /subjects/{subject}/versions`); `delete` soft-deletes the subject.
 */
export const schemaSubjectProvider = {
  async diff(
    _id: string,
    olds: SchemaSubjectProviderOutputs,
    news: SchemaSubjectProviderInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    const replaces = (['registryUrl', 'subject'] as const).filter((k) => olds[k] !== news[k]);
    if (replaces.length === 0 && olds.schemaType !== news.schemaType) {
      throw new EventformError(
        {
          code: 'REGISTRY_FORMAT_CHANGE',
          path: 'schema',
          message: `subject ${news.subject} holds ${olds.schemaType} schemas; a ${news.schemaType} schema cannot follow them. Use a new subject.`,
        },
        news.subject,
      );
    }
    if (replaces.length === 0 && olds.schema !== news.schema) {
      const history = olds.history && olds.history.length > 0 ? olds.history : [olds.schema];
      assertSubjectCompatible(news.subject, news.schemaType, news.compatibility, history, news.schema);
    }
    const updates = (['schema', 'compatibility', 'registryUsername', 'registryPassword'] as const).filter(
      (k) => olds[k] !== news[k],
    );
    return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs: SchemaSubjectProviderInputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: inputs.subject, outs: await apply(inputs) };
  },

  async update(
    _id: string,
    _olds: SchemaSubjectProviderOutputs,
    news: SchemaSubjectProviderInputs,
  ): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: await apply(news) };
  },

  async delete(id: string, props: SchemaSubjectProviderOutputs): Promise<void> {
    await deleteSubject(endpoint(props), props.subject ?? id);
  },
};

/** Arguments of {@link SchemaSubject}. */
export interface SchemaSubjectArgs {
  /** Schema Registry base URL, e.g. from `config.require('schemaRegistryUrl')`. */
  readonly registryUrl: pulumi.Input<string>;
  /** Basic auth for the registry; the password must be a Pulumi secret. @default - no authentication */
  readonly registryAuth?: { readonly username: pulumi.Input<string>; readonly password: pulumi.Input<string> };
  /** Subject name, e.g. `orders-value` (TopicNameStrategy: `<topic>-value`). Changing it creates a new subject. */
  readonly subject: string;
  /** The schema, from the core: `EventSchema.avro(...)`, `.jsonSchema(...)` or `.protobuf(...)`. */
  readonly schema: EventSchema;
  /** The subject's compatibility mode. @default 'BACKWARD' */
  readonly compatibility?: CompatibilityMode;
  /**
   * Keep the subject in the registry when the resource leaves the program (consumers need old schemas to read
   * retained messages). @default true
   */
  readonly retainOnDelete?: boolean;
}

/**
 * A Schema Registry subject holding an eventform schema, with its compatibility mode. An incompatible schema change
 * fails `pulumi preview` (checked locally with `checkCompatibility`) before the registry is called.
 *
 * ```ts
 * new SchemaSubject('orders-value', {
 *   registryUrl: cfg.require('schemaRegistryUrl'),
 *   subject: 'orders-value',
 *   schema: EventSchema.avro(orderSchema),
 *   compatibility: 'BACKWARD',
 * });
 * ```
 */
export class SchemaSubject extends pulumi.dynamic.Resource {
  /** Global schema id. */
  declare readonly schemaId: pulumi.Output<number>;
  /** Version within the subject. */
  declare readonly version: pulumi.Output<number>;
  /** The subject name. */
  declare readonly subject: pulumi.Output<string>;

  constructor(name: string, args: SchemaSubjectArgs, opts?: pulumi.CustomResourceOptions) {
    const v = new PropsValidator(name, pulumi.Output.isInstance);
    v.text('subject', args?.subject, 'REGISTRY_SUBJECT_NAME', {
      min: 1,
      max: 255,
      pattern: SUBJECT,
      allowed: 'non-whitespace characters (e.g. "orders-value")',
    });
    v.text('registryUrl', args?.registryUrl as string | undefined, 'REGISTRY_URL', {
      pattern: URL_PATTERN,
      allowed: 'an http(s) URL such as "https://schema-registry.example.internal:8081"',
    });
    v.check(
      args?.schema instanceof EventSchema,
      'REGISTRY_SCHEMA',
      'schema',
      'schema must be an EventSchema (EventSchema.avro(...), .jsonSchema(...) or .protobuf(...)).',
    );
    const mode = args?.compatibility ?? 'BACKWARD';
    v.check(
      COMPATIBILITY_MODES.includes(mode),
      'REGISTRY_COMPATIBILITY_MODE',
      'compatibility',
      `compatibility must be one of ${COMPATIBILITY_MODES.join(', ')}; got ${JSON.stringify(mode)}.`,
    );
    v.check(
      typeof args?.registryAuth?.password !== 'string',
      'REGISTRY_SECRET_PLAIN_TEXT',
      'registryAuth.password',
      'registryAuth.password is clear text and would be stored in Pulumi state; pass config.requireSecret(...).',
    );
    v.throwIfAny();
    super(
      schemaSubjectProvider,
      name,
      {
        registryUrl: args.registryUrl,
        registryUsername: args.registryAuth?.username,
        registryPassword: args.registryAuth ? pulumi.secret(args.registryAuth.password) : undefined,
        subject: args.subject,
        schemaType: args.schema.format,
        schema: args.schema.definition,
        compatibility: mode,
        schemaId: undefined,
        version: undefined,
        history: undefined,
      },
      {
        retainOnDelete: args.retainOnDelete ?? true,
        ...opts,
        additionalSecretOutputs: ['registryPassword'],
      },
      'eventform',
      'SchemaSubject',
    );
  }
}
