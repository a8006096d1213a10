import * as pulumi from '@pulumi/pulumi';
import { EventSchema } from '../../../lib/schema';
import { SchemaSubject, schemaSubjectProvider, type SchemaSubjectProviderInputs } from '../../../constructs/kafka';
import { capture, stubDynamicProviderSerialization, thrown } from './capture-helpers';
import { FakeRestServer } from './fake-rest-server';

stubDynamicProviderSerialization();

const V1 = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'amount', type: 'double' },
  ],
});
const V2_COMPATIBLE = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'currency', type: 'string', default: 'EUR' },
  ],
});
const V2_INCOMPATIBLE = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'customerId', type: 'string' },
  ],
});
const REG_SECRET = 'registry-pass-55aa';

const server = new FakeRestServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

function inputs(over: Partial<SchemaSubjectProviderInputs> = {}): SchemaSubjectProviderInputs {
  return {
    registryUrl: server.url,
    subject: 'orders-value',
    schemaType: 'AVRO',
    schema: V1,
    compatibility: 'BACKWARD',
    ...over,
  };
}

describe('schema subject provider against a local registry', () => {
  it('create: reads versions, sets the mode, registers, looks up the version', async () => {
    server.reset([
      { method: 'GET', path: '/subjects/orders-value/versions', status: 404, body: { error_code: 40401 } },
      { method: 'PUT', path: '/config/orders-value', status: 200, body: { compatibility: 'BACKWARD' } },
      { method: 'POST', path: '/subjects/orders-value/versions', status: 200, body: { id: 7 } },
      { method: 'POST', path: '/subjects/orders-value', status: 200, body: { id: 7, version: 1 } },
    ]);
    const r = await schemaSubjectProvider.create(inputs({ registryUsername: 'sr', registryPassword: REG_SECRET }));
    expect(server.calls()).toEqual([
      'GET /subjects/orders-value/versions',
      'PUT /config/orders-value',
      'POST /subjects/orders-value/versions',
      'POST /subjects/orders-value',
    ]);
    expect(JSON.parse(server.requests[1].body)).toEqual({ compatibility: 'BACKWARD' });
    expect(JSON.parse(server.requests[2].body)).toEqual({ schema: V1 });
    expect(server.requests[2].headers['content-type']).toBe('application/vnd.schemaregistry.v1+json');
    expect(r).toMatchObject({ id: 'orders-value', outs: { schemaId: 7, version: 1, history: [V1] } });
    for (const req of server.requests) expect(JSON.stringify({ p: req.path, b: req.body })).not.toContain(REG_SECRET);
  });

  it('sends schemaType for JSON and PROTOBUF', async () => {
    server.reset([
      { method: 'GET', path: '/subjects/s/versions', status: 404 },
      { method: 'PUT', path: '/config/s', status: 200, body: {} },
      { method: 'POST', path: '/subjects/s/versions', status: 200, body: { id: 1 } },
      { method: 'POST', path: '/subjects/s', status: 200, body: { version: 1 } },
    ]);
    await schemaSubjectProvider.create(inputs({ subject: 's', schemaType: 'JSON', schema: '{"type":"object"}' }));
    expect(JSON.parse(server.requests[2].body)).toEqual({ schema: '{"type":"object"}', schemaType: 'JSON' });
  });

  it('update: checks the registry versions locally before registering', async () => {
    server.reset([
      { method: 'GET', path: '/subjects/orders-value/versions', status: 200, body: [1] },
      {
        method: 'GET',
        path: '/subjects/orders-value/versions/1',
        status: 200,
        body: { version: 1, id: 7, schema: V1 },
      },
      { method: 'PUT', path: '/config/orders-value', status: 200, body: {} },
      { method: 'POST', path: '/subjects/orders-value/versions', status: 200, body: { id: 8 } },
      { method: 'POST', path: '/subjects/orders-value', status: 200, body: { version: 2 } },
    ]);
    const r = await schemaSubjectProvider.update('orders-value', {} as never, inputs({ schema: V2_COMPATIBLE }));
    expect(r.outs).toMatchObject({ schemaId: 8, version: 2, history: [V1, V2_COMPATIBLE] });
  });

  it('refuses an incompatible schema locally, before any write', async () => {
    server.reset([
      { method: 'GET', path: '/subjects/orders-value/versions', status: 200, body: [1] },
      {
        method: 'GET',
        path: '/subjects/orders-value/versions/1',
        status: 200,
        body: { version: 1, id: 7, schema: V1 },
      },
    ]);
    const e = await schemaSubjectProvider
      .update('orders-value', {} as never, inputs({ schema: V2_INCOMPATIBLE }))
      .catch((x) => x);
    expect(e.code).toBe('REGISTRY_INCOMPATIBLE_SCHEMA');
    expect(e.message).toMatch(/not compatible: .*customerId/);
    expect(server.calls()).toEqual(['GET /subjects/orders-value/versions', 'GET /subjects/orders-value/versions/1']);
  });

  it('maps the registry 409 and 422 answers', async () => {
    const routes = (status: number) => [
      { method: 'GET', path: '/subjects/orders-value/versions', status: 404 },
      { method: 'PUT', path: '/config/orders-value', status: 200, body: {} },
      {
        method: 'POST',
        path: '/subjects/orders-value/versions',
        status,
        body: { error_code: status, message: `registry says ${status}` },
      },
    ];
    server.reset(routes(409));
    await expect(schemaSubjectProvider.create(inputs())).rejects.toMatchObject({
      code: 'REGISTRY_INCOMPATIBLE_SCHEMA',
      message: expect.stringMatching(/HTTP 409\): registry says 409/),
    });
    server.reset(routes(422));
    await expect(schemaSubjectProvider.create(inputs())).rejects.toMatchObject({
      code: 'REGISTRY_INVALID_SCHEMA',
      message: expect.stringMatching(/HTTP 422\): registry says 422/),
    });
  });

  it('delete soft-deletes the subject', async () => {
    server.reset([{ method: 'DELETE', path: '/subjects/orders-value', status: 200, body: [1] }]);
    await schemaSubjectProvider.delete('orders-value', { ...inputs(), schemaId: 7, version: 1, history: [V1] });
    expect(server.calls()).toEqual(['DELETE /subjects/orders-value']);
  });
});

describe('schema subject diff (what preview runs)', () => {
  const old = { ...inputs(), registryUrl: 'http://sr:8081', schemaId: 7, version: 1, history: [V1] };
  it('fails preview on an incompatible change without calling the registry', async () => {
    server.reset([]);
    const e = await schemaSubjectProvider
      .diff('orders-value', old, { ...old, schema: V2_INCOMPATIBLE })
      .catch((x) => x);
    expect(e.code).toBe('REGISTRY_INCOMPATIBLE_SCHEMA');
    expect(e.message).toMatch(/customerId/);
    expect(server.requests).toHaveLength(0);
  });

  it('accepts a compatible change as an update, replaces on a new subject', async () => {
    expect(await schemaSubjectProvider.diff('orders-value', old, { ...old, schema: V2_COMPATIBLE })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(
      (await schemaSubjectProvider.diff('orders-value', old, { ...old, subject: 'orders-v2-value' })).replaces,
    ).toEqual(['subject']);
    expect((await schemaSubjectProvider.diff('orders-value', old, { ...old, compatibility: 'FULL' })).changes).toBe(
      true,
    );
    expect((await schemaSubjectProvider.diff('orders-value', old, { ...old })).changes).toBe(false);
  });

  it('refuses a format change on the same subject', async () => {
    await expect(
      schemaSubjectProvider.diff('orders-value', old, { ...old, schemaType: 'JSON', schema: '{}' }),
    ).rejects.toMatchObject({
      code: 'REGISTRY_FORMAT_CHANGE',
    });
  });
});

describe('SchemaSubject resource', () => {
  it('registers the core schema with the mode, retained on delete, password secret', async () => {
    const c = await capture(
      () => {
        new SchemaSubject('orders-value', {
          registryUrl: 'https://sr.example:8081',
          registryAuth: { username: 'sr', password: new pulumi.Config().requireSecret('srPassword') },
          subject: 'orders-value',
          schema: EventSchema.avro(V1),
        });
      },
      { secretConfig: { srPassword: REG_SECRET } },
    );
    expect(c.secretLeaks).toEqual([]);
    expect(c.find('pulumi-nodejs:dynamic/eventform:SchemaSubject', 'orders-value').inputs).toEqual({
      __provider: '[dynamic provider]',
      registryUrl: 'https://sr.example:8081',
      registryUsername: 'sr',
      registryPassword: '[secret]',
      subject: 'orders-value',
      schemaType: 'AVRO',
      schema: V1,
      compatibility: 'BACKWARD',
    });
  });

  describe('refuses', () => {
    beforeAll(() =>
      pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }),
    );
    const base = { registryUrl: 'http://sr:8081', subject: 'orders-value', schema: EventSchema.avro(V1) };
    it.each([
      [
        'subject',
        { ...base, subject: 'orders value' },
        'REGISTRY_SUBJECT_NAME',
        /subject must be 1-255 characters of non-whitespace characters \(e\.g\. "orders-value"\); got "orders value"/,
      ],
      ['url', { ...base, registryUrl: 'sr:8081' }, 'REGISTRY_URL', /registryUrl must be an http\(s\) URL/],
      ['schema', { ...base, schema: V1 }, 'REGISTRY_SCHEMA', /schema must be an EventSchema/],
      [
        'mode',
        { ...base, compatibility: 'LENIENT' },
        'REGISTRY_COMPATIBILITY_MODE',
        /one of NONE, BACKWARD.*got "LENIENT"/,
      ],
      [
        'password',
        { ...base, registryAuth: { username: 'u', password: 'p' } },
        'REGISTRY_SECRET_PLAIN_TEXT',
        /clear text/,
      ],
    ])('%s', (_label, args, code, message) => {
      const e = thrown(() => new SchemaSubject('s', args as never));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });
  });
});

describe('SchemaSubject options', () => {
  it('retains the subject on delete by default and keeps the password a secret output', async () => {
    const seen: pulumi.ResourceOptions[] = [];
    await capture(() => {
      new SchemaSubject(
        'orders-value',
        { registryUrl: 'http://sr:8081', subject: 'orders-value', schema: EventSchema.avro(V1) },
        { transformations: [(a) => (seen.push(a.opts), undefined)] },
      );
    });
    expect(seen[0].retainOnDelete).toBe(true);
    expect((seen[0] as pulumi.CustomResourceOptions).additionalSecretOutputs).toEqual(['registryPassword']);
  });
});

describe('registry client failures', () => {
  it.each([
    [
      'PUT /config',
      [
        { method: 'GET', path: '/subjects/orders-value/versions', status: 404 },
        { method: 'PUT', path: '/config/orders-value', status: 500, body: { message: 'boom' } },
      ],
      'REGISTRY_CONFIG_FAILED',
    ],
    [
      'GET versions',
      [{ method: 'GET', path: '/subjects/orders-value/versions', status: 500, body: { message: 'boom' } }],
      'REGISTRY_READ_FAILED',
    ],
    [
      'POST version',
      [
        { method: 'GET', path: '/subjects/orders-value/versions', status: 404 },
        { method: 'PUT', path: '/config/orders-value', status: 200, body: {} },
        { method: 'POST', path: '/subjects/orders-value/versions', status: 500, body: { message: 'boom' } },
      ],
      'REGISTRY_REGISTER_FAILED',
    ],
  ])('%s answering 500 fails with %s', async (_label, routes, code) => {
    server.reset(routes);
    await expect(schemaSubjectProvider.create(inputs())).rejects.toMatchObject({
      code,
      message: expect.stringMatching(/answered HTTP 500: boom/),
    });
  });

  it('DELETE answering 500 fails with REGISTRY_DELETE_FAILED', async () => {
    server.reset([{ method: 'DELETE', path: '/subjects/orders-value', status: 500, body: { message: 'boom' } }]);
    await expect(
      schemaSubjectProvider.delete('orders-value', { ...inputs(), schemaId: 1, version: 1, history: [] }),
    ).rejects.toMatchObject({ code: 'REGISTRY_DELETE_FAILED' });
  });
});
