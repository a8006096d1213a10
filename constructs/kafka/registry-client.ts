import { EventformError } from '../../lib/errors';
import { failure, restRequest, serverMessage, type RestEndpoint } from './rest-client';

// The registry answers 409 for an incompatible schema (not a transient state as in Connect): no retries here.
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const enc = encodeURIComponent;

/** One registered schema version. */
export interface RegisteredSchema {
  /** Version number within the subject. */
  readonly version: number;
  /** Global schema id. */
  readonly id: number;
  /** Schema text. */
  readonly schema: string;
  /** AVRO, JSON or PROTOBUF. */
  readonly schemaType: string;
}

/** `PUT /config/{subject}`: sets the subject's compatibility mode. */
export async function setSubjectCompatibility(
  endpoint: RestEndpoint,
  subject: string,
  compatibility: string,
): Promise<void> {
  const res = await restRequest(endpoint, 'PUT', `config/${enc(subject)}`, { compatibility }, CONTENT_TYPE);
  if (res.status !== 200) throw failure('REGISTRY_CONFIG_FAILED', `Schema Registry PUT /config/${subject}`, res);
}

/** Every registered version of a subject, oldest first ([] when the subject does not exist). */
export async function getSubjectVersions(endpoint: RestEndpoint, subject: string): Promise<RegisteredSchema[]> {
  const list = await restRequest(endpoint, 'GET', `subjects/${enc(subject)}/versions`);
  if (list.status === 404) return [];
  if (list.status !== 200) throw failure('REGISTRY_READ_FAILED', `Schema Registry versions of ${subject}`, list);
  const versions = (list.body as number[]).slice().sort((a, b) => a - b);
  const out: RegisteredSchema[] = [];
  for (const v of versions) {
    const res = await restRequest(endpoint, 'GET', `subjects/${enc(subject)}/versions/${v}`);
    if (res.status !== 200) throw failure('REGISTRY_READ_FAILED', `Schema Registry ${subject} version ${v}`, res);
    const b = res.body as { version: number; id: number; schema: string; schemaType?: string };
    out.push({ version: b.version, id: b.id, schema: b.schema, schemaType: b.schemaType ?? 'AVRO' });
  }
  return out;
}

/**
 * `POST /subjects/{subject}/versions`, then looks the schema up for its version. 409 (incompatible) becomes
 * `REGISTRY_INCOMPATIBLE_SCHEMA`, 422 (invalid) `REGISTRY_INVALID_SCHEMA`.
 */
export async function registerSchema(
  endpoint: RestEndpoint,
  subject: string,
  schema: string,
  schemaType: string,
): Promise<{ id: number; version: number }> {
  const body = schemaType === 'AVRO' ? { schema } : { schema, schemaType };
  const res = await restRequest(endpoint, 'POST', `subjects/${enc(subject)}/versions`, body, CONTENT_TYPE);
  if (res.status === 409) {
    throw new EventformError({
      code: 'REGISTRY_INCOMPATIBLE_SCHEMA',
      path: 'schema',
      message: `Schema Registry refused the schema for ${subject} as incompatible (HTTP 409): ${serverMessage(res)}`,
    });
  }
  if (res.status === 422) {
    throw new EventformError({
      code: 'REGISTRY_INVALID_SCHEMA',
      path: 'schema',
      message: `Schema Registry refused the schema for ${subject} as invalid (HTTP 422): ${serverMessage(res)}`,
    });
  }
  if (res.status !== 200) throw failure('REGISTRY_REGISTER_FAILED', `Schema Registry POST ${subject}`, res);
  const id = (res.body as { id: number }).id;
  const found = await restRequest(endpoint, 'POST', `subjects/${enc(subject)}`, body, CONTENT_TYPE);
  if (found.status !== 200) throw failure('REGISTRY_READ_FAILED', `Schema Registry lookup in ${subject}`, found);
  return { id, version: (found.body as { version: number }).version };
}

/** `DELETE /subjects/{subject}` (soft delete); a missing subject counts as deleted. */
export async function deleteSubject(endpoint: RestEndpoint, subject: string): Promise<void> {
  const res = await restRequest(endpoint, 'DELETE', `subjects/${enc(subject)}`);
  if (res.status !== 200 && res.status !== 404) {
    throw failure('REGISTRY_DELETE_FAILED', `Schema Registry DELETE ${subject}`, res);
  }
}
