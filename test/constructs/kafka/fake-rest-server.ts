import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A canned answer; `times` answers it that many times, then falls through to the next matching route. */
export interface Route {
  method: string;
  path: string | RegExp;
  status: number;
  body?: unknown;
  times?: number;
}

/** A REST server on 127.0.0.1 with a free port that answers from routes and records every request. */
export class FakeRestServer {
  readonly requests: RecordedRequest[] = [];
  private routes: Route[] = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const rec = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.requests.push(rec);
        const route = this.routes.find(
          (r) =>
            r.method === rec.method &&
            (typeof r.path === 'string' ? r.path === rec.path : r.path.test(rec.path)) &&
            (r.times === undefined || r.times > 0),
        );
        if (!route) {
          res.writeHead(404, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error_code: 404, message: `no route for ${rec.method} ${rec.path}` }));
          return;
        }
        if (route.times !== undefined) route.times -= 1;
        res.writeHead(route.status, { 'Content-Type': 'application/json' });
        res.end(route.body === undefined ? '' : JSON.stringify(route.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Replaces the routes and clears the request log. */
  reset(routes: Route[]): void {
    this.routes = routes;
    this.requests.length = 0;
  }

  /** Requests as `METHOD path` lines. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
