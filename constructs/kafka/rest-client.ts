// `import x = require()` keeps the real module objects, so Pulumi's closure serializer emits require('http')
// for the dynamic providers instead of copying the module.
import http = require('http');
import https = require('https');
import { EventformError } from '../../lib/errors';

/** How to reach a REST endpoint (Kafka Connect, Schema Registry). */
export interface RestEndpoint {
  /** Base URL, e.g. `http://127.0.0.1:8083`. */
  readonly url: string;
  /** Basic-auth user. @default - no authentication */
  readonly username?: string;
  /** Basic-auth password. @default - no authentication */
  readonly password?: string;
  /** Retries while the server answers 409 (Connect rebalancing). @default 10 */
  readonly retries?: number;
  /** Wait between retries, milliseconds. @default 1000 */
  readonly retryDelayMs?: number;
  /** Timeout of one request, milliseconds. @default 30000 */
  readonly timeoutMs?: number;
}

/** A decoded HTTP answer. */
export interface RestResponse {
  readonly status: number;
  readonly body: unknown;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One HTTP request with a JSON body; never retries. */
export function restRequest(
  endpoint: RestEndpoint,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<RestResponse> {
  const url = new URL(path, endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (payload !== undefined) {
    headers['Content-Type'] = contentType;
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  if (endpoint.username !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password ?? ''}`).toString('base64')}`;
  }
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers, timeout: endpoint.timeoutMs ?? 30000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: parse(Buffer.concat(chunks).toString('utf8')) }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${endpoint.timeoutMs ?? 30000} ms`)));
    req.on('error', (e) =>
      reject(
        new EventformError({
          code: 'CONNECT_UNREACHABLE',
          path: 'url',
          message: `${method} ${url.origin}${url.pathname} failed: ${e.message}. Check the URL and that the server runs.`,
        }),
      ),
    );
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Sends a request, retrying while the server answers 409 (Connect rebalancing). */
export async function restRequestWithRetry(
  endpoint: RestEndpoint,
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<RestResponse> {
  const retries = endpoint.retries ?? 10;
  let res = await restRequest(endpoint, method, path, body, contentType);
  for (let attempt = 0; res.status === 409 && attempt < retries; attempt++) {
    await new Promise((r) => setTimeout(r, endpoint.retryDelayMs ?? 1000));
    res = await restRequest(endpoint, method, path, body, contentType);
  }
  return res;
}

/** The server's own error text, without echoing anything we sent. */
export function serverMessage(res: RestResponse): string {
  const b = res.body as { message?: unknown } | string | undefined;
  if (typeof b === 'string') return b.slice(0, 300);
  if (b && typeof b.message === 'string') return b.message.slice(0, 300);
  return 'no message';
}

/** Throws a coded error for an unexpected status. */
export function failure(code: string, what: string, res: RestResponse): EventformError {
  return new EventformError({ code, message: `${what} answered HTTP ${res.status}: ${serverMessage(res)}` });
}
