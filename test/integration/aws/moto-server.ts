// Starts and stops a local moto_server (moto 5.2.1, a local AWS) on 127.0.0.1 and a free port.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running moto_server. */
export interface MotoServer {
  readonly endpoint: string;
  /** The last characters of its log. */
  logTail(chars?: number): string;
  stop(): Promise<void>;
}

/**
 * Whether moto_server is on this machine. When it is not, says so loudly (the caller skips); under CI=true that is
 * an error.
 */
export function haveMotoServer(): boolean {
  if (spawnSync('moto_server', ['--help'], { encoding: 'utf8' }).status === 0) return true;
  if (process.env.CI === 'true') throw new Error('moto_server is required under CI=true but was not found');
  console.warn('\n\n!!! moto_server not found on PATH: SKIPPING the EventBridge deployment test !!!\n');
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts moto_server and resolves once it answers HTTP. */
export async function startMotoServer(timeoutMs = 30_000): Promise<MotoServer> {
  const workdir = mkdtempSync(join(tmpdir(), 'eventform-moto-'));
  const logFile = join(workdir, 'moto.log');
  const log = createWriteStream(logFile);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: MotoServer = {
    endpoint,
    logTail: (chars = 3000) => readFileSync(logFile, 'utf8').slice(-chars),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
      rmSync(workdir, { recursive: true, force: true });
    },
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(`${endpoint}/moto-api/`);
      return server;
    } catch {
      if (child.exitCode !== null || Date.now() > until) {
        const tail = server.logTail();
        await server.stop();
        throw new Error(`moto_server did not answer at ${endpoint} within ${timeoutMs} ms:\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
