/**
 * Turns the Pub/Sub resources of a synthesized cdktf stack (Terraform JSON) into Pub/Sub REST API requests, so that
 * a test can create exactly what Terraform would create, against the emulator. Handles the attributes eventform
 * emits: snake_case to camelCase, Terraform references to resource names, `${var.x}` to variable defaults.
 */

type Json = Record<string, any>;

/** One REST call that creates a resource. */
export interface CreateRequest {
  readonly kind: 'schema' | 'topic' | 'subscription';
  readonly name: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: Json;
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const META_KEYS = new Set(['//', 'lifecycle', 'depends_on', 'project', 'name', 'provider']);

/** Resolves `${...}` references in the values of a stack's Terraform JSON. */
export class TerraformResolver {
  constructor(private readonly tf: Json) {}

  get project(): string {
    return this.resolve(this.tf.provider.google[0].project);
  }

  /** Replaces every `${...}` in `text` by its value. */
  resolve(text: string): string {
    return text.replace(/\$\{([^}]+)\}/g, (_m, expr: string) => this.expression(expr));
  }

  private expression(expr: string): string {
    const parts = expr.split('.');
    if (parts[0] === 'var') return String(this.tf.variable[parts[1]].default);
    const [type, id, attribute] = parts;
    const resource = this.tf.resource?.[type]?.[id];
    if (!resource) throw new TypeError(`unknown reference ${expr}`);
    const project = this.project;
    if (type === 'google_pubsub_topic' && attribute === 'id') return `projects/${project}/topics/${resource.name}`;
    if (type === 'google_pubsub_schema' && attribute === 'id') return `projects/${project}/schemas/${resource.name}`;
    if (type === 'google_pubsub_subscription' && attribute === 'id') {
      return `projects/${project}/subscriptions/${resource.name}`;
    }
    if (type === 'google_service_account' && attribute === 'email') {
      return `${resource.account_id}@${project}.iam.gserviceaccount.com`;
    }
    if (attribute === 'project') return project;
    if (attribute in resource) return this.resolve(String(resource[attribute]));
    throw new TypeError(`cannot resolve ${expr}`);
  }

  /** The REST body of a resource: camelCase keys, references resolved, Terraform-only keys dropped. */
  body(value: unknown, top = true): any {
    if (typeof value === 'string') return this.resolve(value);
    if (Array.isArray(value)) return value.map((v) => this.body(v, false));
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) {
        if (top && META_KEYS.has(k)) continue;
        out[camel(k)] = this.body(v, false);
      }
      return out;
    }
    return value;
  }
}

/** The requests creating every schema, topic and subscription of the stack, in dependency order. */
export function pubsubCreateRequests(tf: Json): CreateRequest[] {
  const r = new TerraformResolver(tf);
  const p = r.project;
  const of = (type: string): Json[] => Object.values(tf.resource?.[type] ?? {});
  const requests: CreateRequest[] = [];
  for (const s of of('google_pubsub_schema')) {
    requests.push({
      kind: 'schema',
      name: s.name,
      method: 'POST',
      path: `/v1/projects/${p}/schemas?schemaId=${encodeURIComponent(s.name)}`,
      body: r.body(s),
    });
  }
  for (const t of of('google_pubsub_topic')) {
    requests.push({
      kind: 'topic',
      name: t.name,
      method: 'PUT',
      path: `/v1/projects/${p}/topics/${t.name}`,
      body: r.body(t),
    });
  }
  for (const s of of('google_pubsub_subscription')) {
    const body = r.body(s);
    // Terraform's `ttl = ""` means "never expires"; in the REST API that is an expiration policy without ttl.
    if (body.expirationPolicy?.ttl === '') body.expirationPolicy = {};
    requests.push({
      kind: 'subscription',
      name: s.name,
      method: 'PUT',
      path: `/v1/projects/${p}/subscriptions/${s.name}`,
      body,
    });
  }
  return requests;
}
