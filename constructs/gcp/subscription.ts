import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BigQueryField } from '../../lib';
import { isEventformError } from '../../lib/errors';
import { PropsValidator } from '../../lib/validation';
import {
  Annotations,
  App,
  Construct,
  type IConstruct,
  type ITerraformDependable,
  PubsubSubscription,
  PubsubSubscriptionIamMember,
  TerraformStack,
  Token,
} from './cdktf';
import { SubscriptionAlerts, type SubscriptionAlertsProps } from './alerts';
import { bigQuerySubscriptionColumns } from './bigquery-columns';
import { bigQueryDelivery } from './bigquery-delivery';
import { cloudStorageDelivery } from './cloud-storage-delivery';
import { immutableChangeWarning, subscriptionImmutableChanges } from './immutable-guard';
import { durationString } from './limits';
import { type PubsubProjectOptions, serviceAgentMember } from './project';
import {
  type DeadLetterPolicySpec,
  SUBSCRIPTION_DEFAULTS,
  type SubscriptionSpec,
  validateSubscriptionSpec,
} from './subscription-spec';
import type { ITopic } from './topic';

/** A Pub/Sub subscription created by eventform. */
export interface ISubscription extends IConstruct {
  /** The subscription ID. */
  readonly subscriptionName: string;
  /** The full resource name, `projects/P/subscriptions/N` (a Terraform reference). */
  readonly subscriptionId: string;
  /** The topic the subscription reads. */
  readonly topic: ITopic;
  /** Project and project number the subscription's resources use. */
  readonly projectOptions: PubsubProjectOptions;
  /** The dead-letter topic, when the subscription dead-letters. */
  readonly deadLetterTopic?: ITopic;
}

/** Dead-lettering for a {@link Subscription}. */
export interface DeadLetterPolicyOptions extends DeadLetterPolicySpec {
  /**
   * Where failing messages go: a topic created here or an existing one ({@link Topic.fromTopicName}).
   * @default - the dead-letter topic of the subscription's topic (`deadLetterTopic` on the Topic)
   */
  readonly deadLetterTopic?: ITopic;
}

/** Properties of a {@link Subscription}. */
export interface SubscriptionProps extends Omit<SubscriptionSpec, 'deadLetterPolicy'>, PubsubProjectOptions {
  /** The topic to subscribe to. */
  readonly topic: ITopic;
  /**
   * Forward messages that fail `maxDeliveryAttempts` times to a dead-letter topic. eventform grants the Pub/Sub
   * service agent `roles/pubsub.publisher` on that topic and `roles/pubsub.subscriber` on this subscription.
   * @default - no dead-lettering: failing messages are redelivered until they expire
   */
  readonly deadLetterPolicy?: DeadLetterPolicyOptions;
}

const previousSynth = new WeakMap<TerraformStack, unknown>();

/** The stack's Terraform JSON from the previous synth into the same output directory, if there is one. */
function previousStackJson(scope: Construct): unknown {
  const stack = TerraformStack.of(scope);
  if (!previousSynth.has(stack)) {
    let parsed: unknown;
    const root = scope.node.root;
    if (App.isApp(root)) {
      const file = path.join(root.outdir, 'stacks', stack.node.id, 'cdk.tf.json');
      if (fs.existsSync(file)) {
        try {
          parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch {
          parsed = undefined;
        }
      }
    }
    previousSynth.set(stack, parsed);
  }
  return previousSynth.get(stack);
}

/**
 * A Pub/Sub subscription: pull (default), push, BigQuery or Cloud Storage delivery, ordering, exactly-once,
 * retry and dead-letter policies, with every limit checked at synth time and the IAM each feature needs granted on
 * the resource itself.
 *
 * ```ts
 * new Subscription(stack, 'Processor', { topic: orders, subscriptionName: 'order-processor', ackDeadlineSeconds: 60 });
 * ```
 */
export class Subscription extends Construct implements ISubscription {
  /** The subscription ID. */
  readonly subscriptionName: string;
  /** The full resource name, `projects/P/subscriptions/N` (a Terraform reference). */
  readonly subscriptionId: string;
  /** The topic the subscription reads. */
  readonly topic: ITopic;
  /** Project and project number the subscription's resources use. */
  readonly projectOptions: PubsubProjectOptions;
  /** The dead-letter topic, when the subscription dead-letters. */
  readonly deadLetterTopic?: ITopic;
  /** The underlying `google_pubsub_subscription`. */
  readonly resource: PubsubSubscription;

  constructor(scope: Construct, id: string, props: SubscriptionProps) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    validateSubscriptionSpec(v, props);
    const deadLetterTopic = props.deadLetterPolicy
      ? (props.deadLetterPolicy.deadLetterTopic ?? props.topic.deadLetterTopic)
      : undefined;
    if (props.deadLetterPolicy !== undefined) {
      v.check(
        deadLetterTopic !== undefined,
        'PUBSUB_DEAD_LETTER_TOPIC_MISSING',
        'deadLetterPolicy.deadLetterTopic',
        `deadLetterPolicy needs a dead-letter topic, and topic ${JSON.stringify(props.topic.topicName)} has none; ` +
          'set deadLetterPolicy.deadLetterTopic or create the topic with deadLetterTopic: {}.',
      );
      v.check(
        deadLetterTopic !== props.topic,
        'PUBSUB_DEAD_LETTER_TOPIC_IS_SOURCE',
        'deadLetterPolicy.deadLetterTopic',
        'deadLetterPolicy.deadLetterTopic must differ from the subscription topic; dead letters would loop back.',
      );
    }
    const bigQueryColumns = props.bigQuery !== undefined ? bigQueryTableColumns(v, props) : undefined;
    v.throwIfAny();

    this.topic = props.topic;
    this.subscriptionName = props.subscriptionName;
    this.deadLetterTopic = deadLetterTopic;
    this.projectOptions = {
      project: props.project ?? props.topic.projectOptions.project,
      projectNumber: props.projectNumber ?? props.topic.projectOptions.projectNumber,
    };
    const project = this.projectOptions.project;
    let agentMember: string | undefined;
    const agent = (): string => (agentMember ??= serviceAgentMember(this, this.projectOptions));
    const bigQuery = props.bigQuery
      ? bigQueryDelivery(this, props.bigQuery, {
          project: props.bigQuery.project ?? project,
          agentMember: agent(),
          columns: bigQueryColumns,
          useTopicSchema: useTopicSchema(props),
          preventDestroy: props.preventDestroy !== false,
        })
      : undefined;
    const cloudStorage = props.cloudStorage ? cloudStorageDelivery(this, props.cloudStorage, agent()) : undefined;
    // Pub/Sub checks its access to the table or bucket when the subscription is created: wait for the grants.
    const dependsOn: ITerraformDependable[] = [...(bigQuery?.dependsOn ?? []), ...(cloudStorage?.dependsOn ?? [])];

    this.resource = new PubsubSubscription(this, 'Resource', {
      name: props.subscriptionName,
      topic: props.topic.topicId,
      project,
      labels: props.labels ? { ...props.labels } : undefined,
      ackDeadlineSeconds: props.ackDeadlineSeconds ?? SUBSCRIPTION_DEFAULTS.ackDeadlineSeconds,
      messageRetentionDuration: durationString(
        props.messageRetentionSeconds ?? SUBSCRIPTION_DEFAULTS.messageRetentionSeconds,
      ),
      retainAckedMessages: props.retainAckedMessages ?? false,
      expirationPolicy: {
        ttl: props.expirationTtlSeconds !== undefined ? durationString(props.expirationTtlSeconds) : '',
      },
      retryPolicy: {
        minimumBackoff: durationString(props.minimumBackoffSeconds ?? SUBSCRIPTION_DEFAULTS.minimumBackoffSeconds),
        maximumBackoff: durationString(props.maximumBackoffSeconds ?? SUBSCRIPTION_DEFAULTS.maximumBackoffSeconds),
      },
      filter: props.filter,
      enableMessageOrdering: props.enableMessageOrdering ?? false,
      enableExactlyOnceDelivery: props.enableExactlyOnceDelivery ?? false,
      deadLetterPolicy: deadLetterTopic
        ? {
            deadLetterTopic: deadLetterTopic.topicId,
            maxDeliveryAttempts:
              props.deadLetterPolicy?.maxDeliveryAttempts ?? SUBSCRIPTION_DEFAULTS.maxDeliveryAttempts,
          }
        : undefined,
      pushConfig: props.push
        ? {
            pushEndpoint: props.push.endpoint,
            oidcToken: props.push.oidcServiceAccountEmail
              ? { serviceAccountEmail: props.push.oidcServiceAccountEmail, audience: props.push.oidcAudience }
              : undefined,
            noWrapper: props.push.noWrapper ? { writeMetadata: props.push.writeMetadata ?? false } : undefined,
          }
        : undefined,
      bigqueryConfig: bigQuery?.config,
      cloudStorageConfig: cloudStorage?.config,
      lifecycle: props.preventDestroy === false ? undefined : { preventDestroy: true },
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    });
    this.subscriptionId = this.resource.id;

    if (deadLetterTopic) {
      const member = agent();
      deadLetterTopic.grantPublish('ServiceAgentPublisher', member);
      this.grantSubscribe('ServiceAgentSubscriber', member);
    }

    this.warnImmutableChanges(props);
  }

  /**
   * Grants `roles/pubsub.subscriber` on this subscription only, to `member`, as a non-authoritative IAM member
   * resource. Calling it again with the same `id` returns the first grant.
   */
  grantSubscribe(id: string, member: string): ITerraformDependable {
    const existing = this.node.tryFindChild(id) as PubsubSubscriptionIamMember | undefined;
    return (
      existing ??
      new PubsubSubscriptionIamMember(this, id, {
        subscription: this.subscriptionId,
        project: this.projectOptions.project,
        role: 'roles/pubsub.subscriber',
        member,
      })
    );
  }

  /** Adds alert policies on this subscription's backlog, oldest unacknowledged message and dead letters. */
  addAlerts(props: Omit<SubscriptionAlertsProps, 'subscription'> = {}): SubscriptionAlerts {
    return new SubscriptionAlerts(this, 'Alerts', { ...props, subscription: this });
  }

  private warnImmutableChanges(props: SubscriptionProps): void {
    // A name known only at deploy time cannot be matched; a filter known only at deploy time cannot be compared.
    if (Token.isUnresolved(props.subscriptionName)) return;
    const changes = subscriptionImmutableChanges(previousStackJson(this), {
      name: props.subscriptionName,
      filter: props.filter,
      enableMessageOrdering: props.enableMessageOrdering ?? false,
    }).filter((c) => c.field !== 'filter' || !Token.isUnresolved(props.filter));
    for (const change of changes) {
      Annotations.of(this).addWarning(
        immutableChangeWarning(props.subscriptionName, change, props.preventDestroy !== false),
      );
    }
  }
}

/** `bigQuery.useTopicSchema` with its default: on when the topic has a schema and `useTableSchema` is not set. */
function useTopicSchema(props: SubscriptionProps): boolean {
  return (
    props.bigQuery?.useTopicSchema ?? (props.topic.schema !== undefined && props.bigQuery?.useTableSchema !== true)
  );
}

/** Checks the BigQuery options against the topic and returns the columns of a table to create. */
function bigQueryTableColumns(v: PropsValidator, props: SubscriptionProps): BigQueryField[] | undefined {
  const bq = props.bigQuery;
  if (bq === undefined) return undefined;
  const schema = props.topic.schema;
  const topicName = JSON.stringify(props.topic.topicName);
  v.check(
    bq.useTopicSchema !== true || schema !== undefined,
    'PUBSUB_BIGQUERY_TOPIC_SCHEMA_MISSING',
    'bigQuery.useTopicSchema',
    `bigQuery.useTopicSchema needs a schema on topic ${topicName}; add one or use useTableSchema.`,
  );
  if (bq.createTable === false) {
    v.check(
      (bq.project ?? props.project ?? props.topic.projectOptions.project) !== undefined,
      'PUBSUB_BIGQUERY_PROJECT',
      'bigQuery.project',
      `bigQuery.project is needed to name an existing table (${bq.datasetId}.${bq.tableId}) when the subscription has no project; set bigQuery.project or project.`,
    );
    return undefined;
  }
  const mapFields = useTopicSchema(props) || bq.useTableSchema === true;
  if (mapFields && schema?.format !== 'AVRO') {
    v.add(
      'PUBSUB_BIGQUERY_TABLE_SCHEMA_SOURCE',
      'bigQuery.createTable',
      `bigQuery.createTable derives the table's columns from the topic's AVRO schema, and topic ${topicName} has ` +
        `${schema ? `a ${schema.format} schema` : 'no schema'}; give the topic an AVRO schema or set createTable: false and create the table yourself.`,
    );
    return undefined;
  }
  try {
    return bigQuerySubscriptionColumns({ schema, mapFields, writeMetadata: bq.writeMetadata === true });
  } catch (e) {
    if (!isEventformError(e)) throw e;
    v.addAll(e.issues, 'bigQuery');
    return undefined;
  }
}
