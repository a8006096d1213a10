import type { EventSchema } from '../../lib';
import { PropsValidator } from '../../lib/validation';
import {
  Construct,
  type IConstruct,
  type ITerraformDependable,
  type KmsCryptoKeyIamMember,
  loadKmsCryptoKeyIamMember,
  loadPubsubSchema,
  type PubsubSchema,
  PubsubTopic,
  PubsubTopicIamMember,
  Token,
} from './cdktf';
import { durationString } from './limits';
import { type PubsubProjectOptions, serviceAgentMember } from './project';
import { Subscription, type SubscriptionProps } from './subscription';
import { pubsubSchemaType, SchemaEncoding, type TopicSpec, validateTopicSpec } from './topic-spec';

/** A Pub/Sub topic: one created here ({@link Topic}) or an existing one ({@link Topic.fromTopicName}). */
export interface ITopic extends IConstruct {
  /** The topic ID. */
  readonly topicName: string;
  /** The full resource name, `projects/P/topics/N` (a Terraform reference for created topics). */
  readonly topicId: string;
  /** Project and project number the topic's resources use. */
  readonly projectOptions: PubsubProjectOptions;
  /** The schema messages on this topic follow, when there is one. */
  readonly schema?: EventSchema;
  /** The dead-letter topic subscriptions of this topic use by default, when one was created. */
  readonly deadLetterTopic?: ITopic;
  /**
   * Grants `roles/pubsub.publisher` on this topic only, to `member`, as a non-authoritative IAM member resource.
   * Calling it again with the same `id` returns the first grant.
   */
  grantPublish(id: string, member: string): ITerraformDependable;
}

/** Options of the dead-letter topic a {@link Topic} creates. */
export interface DeadLetterTopicOptions {
  /**
   * The dead-letter topic's ID.
   * @default - `<topicName>-dead-letter`
   */
  readonly topicName?: string;
  /**
   * The subscription that keeps dead letters until someone looks at them.
   * @default - `<dead-letter topicName>-sub`
   */
  readonly subscriptionName?: string;
  /**
   * How long that subscription keeps dead letters (10 minutes to 31 days).
   * @default 604800 (7 days)
   */
  readonly messageRetentionSeconds?: number;
}

/** Properties of a {@link Topic}. */
export interface TopicProps extends TopicSpec, PubsubProjectOptions {
  /**
   * Create a dead-letter topic (with the same labels, KMS key and storage policy) plus a subscription on it that
   * keeps dead letters. Subscriptions of this topic with a `deadLetterPolicy` use it unless they name another.
   * @default - no dead-letter topic
   */
  readonly deadLetterTopic?: DeadLetterTopicOptions;
}

const SHARED_KEY_GRANT = Symbol('sharedKeyGrant');

/** Topic props with what a topic passes to the dead-letter topic it creates. */
interface InternalTopicProps extends TopicProps {
  readonly [SHARED_KEY_GRANT]?: KmsCryptoKeyIamMember;
}

/** Subscription properties when the subscription is created from a topic. */
export type TopicSubscriptionProps = Omit<SubscriptionProps, 'topic'>;

/**
 * A Pub/Sub topic, optionally with a schema, a customer-managed key (and the grant Pub/Sub needs on it), a message
 * storage policy and a dead-letter topic.
 *
 * ```ts
 * const orders = new Topic(stack, 'Orders', { topicName: 'orders', deadLetterTopic: {} });
 * orders.addSubscription('Processor', { subscriptionName: 'order-processor', deadLetterPolicy: {} });
 * ```
 */
export class Topic extends Construct implements ITopic {
  /**
   * References an existing topic, e.g. as a dead-letter topic owned by another stack.
   * @param project the project ID the topic lives in
   */
  static fromTopicName(scope: Construct, id: string, topicName: string, project: string): ITopic {
    return new ImportedTopic(scope, id, topicName, project);
  }

  /** The topic ID. */
  readonly topicName: string;
  /** The full resource name, `projects/P/topics/N` (a Terraform reference). */
  readonly topicId: string;
  /** Project and project number the topic's resources use. */
  readonly projectOptions: PubsubProjectOptions;
  /** The schema messages on this topic follow, when there is one. */
  readonly schema?: EventSchema;
  /** The dead-letter topic created with `deadLetterTopic`. */
  readonly deadLetterTopic?: Topic;
  /** The underlying `google_pubsub_topic`. */
  readonly resource: PubsubTopic;
  /** The `google_pubsub_schema`, when the topic has a schema. */
  readonly schemaResource?: PubsubSchema;
  /** The subscription that keeps dead letters, on a created dead-letter topic. */
  readonly deadLetterSubscription?: Subscription;

  constructor(scope: Construct, id: string, props: TopicProps) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    validateTopicSpec(v, props, props.projectNumber);
    if (props.deadLetterTopic?.topicName !== undefined) {
      validateTopicSpec(v, { topicName: props.deadLetterTopic.topicName });
    }
    v.throwIfAny();

    this.topicName = props.topicName;
    this.projectOptions = { project: props.project, projectNumber: props.projectNumber };
    this.schema = props.schema;

    // A dead-letter topic created by its source topic shares the source's key grant (one IAM member per key).
    let keyGrant = (props as InternalTopicProps)[SHARED_KEY_GRANT];
    if (props.kmsKeyName !== undefined && keyGrant === undefined) {
      keyGrant = new (loadKmsCryptoKeyIamMember())(this, 'ServiceAgentKeyGrant', {
        cryptoKeyId: props.kmsKeyName,
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member: serviceAgentMember(this, this.projectOptions),
      });
    }

    if (props.schema !== undefined) {
      this.schemaResource = new (loadPubsubSchema())(this, 'Schema', {
        name: props.schemaName ?? props.schema.name,
        type: pubsubSchemaType(props.schema.format),
        definition: props.schema.definition,
        project: props.project,
      });
    }

    this.resource = new PubsubTopic(this, 'Resource', {
      name: props.topicName,
      project: props.project,
      labels: props.labels ? { ...props.labels } : undefined,
      messageRetentionDuration:
        props.messageRetentionSeconds !== undefined ? durationString(props.messageRetentionSeconds) : undefined,
      kmsKeyName: props.kmsKeyName,
      messageStoragePolicy: props.allowedPersistenceRegions
        ? { allowedPersistenceRegions: [...props.allowedPersistenceRegions] }
        : undefined,
      schemaSettings: this.schemaResource
        ? { schema: this.schemaResource.id, encoding: props.schemaEncoding ?? SchemaEncoding.JSON }
        : undefined,
      dependsOn: keyGrant ? [keyGrant] : undefined,
      lifecycle: props.preventDestroy === false ? undefined : { preventDestroy: true },
    });
    this.topicId = this.resource.id;

    if (props.deadLetterTopic !== undefined) {
      const dltName = props.deadLetterTopic.topicName ?? `${props.topicName}-dead-letter`;
      const dltProps: InternalTopicProps = {
        [SHARED_KEY_GRANT]: keyGrant,
        topicName: dltName,
        project: props.project,
        projectNumber: props.projectNumber,
        labels: props.labels,
        kmsKeyName: props.kmsKeyName,
        allowedPersistenceRegions: props.allowedPersistenceRegions,
        preventDestroy: props.preventDestroy,
      };
      this.deadLetterTopic = new Topic(this, 'DeadLetter', dltProps);
      this.deadLetterSubscription = this.deadLetterTopic.addSubscription('Keep', {
        subscriptionName: props.deadLetterTopic.subscriptionName ?? `${dltName}-sub`,
        messageRetentionSeconds: props.deadLetterTopic.messageRetentionSeconds,
        preventDestroy: props.preventDestroy,
      });
    }
  }

  /** Creates a subscription on this topic. */
  addSubscription(id: string, props: TopicSubscriptionProps): Subscription {
    return new Subscription(this, id, { ...props, topic: this });
  }

  /**
   * Grants `roles/pubsub.publisher` on this topic only, to `member`, as a non-authoritative IAM member resource.
   * Calling it again with the same `id` returns the first grant.
   */
  grantPublish(id: string, member: string): ITerraformDependable {
    return topicGrant(this, id, this.topicId, this.projectOptions.project, member);
  }
}

function topicGrant(
  scope: Construct,
  id: string,
  topic: string,
  project: string | undefined,
  member: string,
): PubsubTopicIamMember {
  const existing = scope.node.tryFindChild(id) as PubsubTopicIamMember | undefined;
  return existing ?? new PubsubTopicIamMember(scope, id, { topic, project, role: 'roles/pubsub.publisher', member });
}

class ImportedTopic extends Construct implements ITopic {
  readonly topicId: string;
  readonly projectOptions: PubsubProjectOptions;

  constructor(
    scope: Construct,
    id: string,
    readonly topicName: string,
    project: string,
  ) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    validateTopicSpec(v, { topicName });
    v.throwIfAny();
    this.topicId = `projects/${project}/topics/${topicName}`;
    this.projectOptions = { project };
  }

  grantPublish(id: string, member: string): ITerraformDependable {
    return topicGrant(this, id, this.topicId, this.projectOptions.project, member);
  }
}
