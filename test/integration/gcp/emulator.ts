/**
 * Starts the Google Cloud Pub/Sub emulator on 127.0.0.1 and a free port, and stops it. Uses the emulator jar of the
 * Debian package directly (it starts faster than `gcloud beta emulators pubsub start`), else gcloud.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

const EMULATOR_LIB = '/usr/lib/google-cloud-sdk/platform/pubsub-emulator/lib';

/** A running emulator. */
export interface PubsubEmulator {
  /** `http://127.0.0.1:PORT` (REST and gRPC share the port). */
  readonly url: string;
  /** Stops the emulator and waits for it to exit. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function emulatorJar(): string | undefined {
  if (!fs.existsSync(EMULATOR_LIB)) return undefined;
  const jar = fs.readdirSync(EMULATOR_LIB).find((f) => /^cloud-pubsub-emulator-.*\.jar$/.test(f));
  return jar ? path.join(EMULATOR_LIB, jar) : undefined;
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** How the emulator would be started here, or undefined when it is not installed. */
export function emulatorCommand(port: number): { cmd: string; args: string[] } | undefined {
  const jar = emulatorJar();
  if (jar && onPath('java')) {
    // C1 only and the serial collector: the emulator is short-lived, startup time dominates.
    return {
      cmd: 'java',
      args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, '--host=127.0.0.1', `--port=${port}`],
    };
  }
  if (
    onPath('gcloud') &&
    spawnSync('gcloud', ['beta', 'emulators', 'pubsub', '--help'], { stdio: 'ignore' }).status === 0
  ) {
    return { cmd: 'gcloud', args: ['beta', 'emulators', 'pubsub', 'start', `--host-port=127.0.0.1:${port}`] };
  }
  return undefined;
}

/** Starts the emulator, or returns undefined when it is not installed. Rejects if it does not answer in time. */
export async function startPubsubEmulator(timeoutMs = 60_000): Promise<PubsubEmulator | undefined> {
  const port = await freePort();
  const command = emulatorCommand(port);
  if (!command) return undefined;
  // Own process group, so that stop() also ends the java child gcloud would start.
  const child: ChildProcess = spawn(command.cmd, command.args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new TypeError(`Pub/Sub emulator exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new TypeError(`Pub/Sub emulator did not answer on ${url} within ${timeoutMs} ms:\n${log}`);
}
