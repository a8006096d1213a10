import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

/** A server process started by the harness, in its own process group, with its output in a log file. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  /** Exit code once the process has exited, otherwise undefined. */
  exitCode(): number | null | undefined;
  /** Stops the process group with `signal`, then SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const live = new Set<ManagedProcess>();

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills every live process group at once (used on process exit, when nothing asynchronous can run). */
export function killAllNow(): void {
  for (const p of live) killGroup(p.child.pid, 'SIGKILL');
  live.clear();
}

/** Options of {@link startProcess}. */
export interface StartOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run as this system user (only when we are root). */
  readonly runAs?: { uid: number; gid: number };
}

/**
 * Starts `command` detached in a new process group. `setpriv --pdeathsig KILL` makes the kernel kill the server if
 * this Node process dies without cleaning up (SIGKILL, crash), so no broker outlives a test run.
 */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  logFile: string,
  options: StartOptions = {},
): ManagedProcess {
  const out = fs.openSync(logFile, 'a');
  const priv = ['--pdeathsig', 'KILL'];
  if (options.runAs) {
    priv.push(`--reuid=${options.runAs.uid}`, `--regid=${options.runAs.gid}`, '--clear-groups');
  }
  const child = spawn('setpriv', [...priv, '--', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (c, signal) => {
      code = c ?? (signal ? 128 : null);
      live.delete(managed);
      resolve(code);
    });
    child.once('error', () => {
      code = 127;
      live.delete(managed);
      resolve(code);
    });
  });
  const managed: ManagedProcess = {
    name,
    child,
    logFile,
    exited,
    exitCode: () => code,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15000) {
      if (code !== undefined) return;
      killGroup(child.pid, signal);
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Children of the leader (if any) go with the group.
      killGroup(child.pid, 'SIGKILL');
    },
  };
  live.add(managed);
  return managed;
}

/** Runs a command to completion; throws with its output when it fails. */
export function runToCompletion(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; runAs?: { uid: number; gid: number }; timeoutMs?: number } = {},
): string {
  const priv = ['--pdeathsig', 'KILL'];
  if (options.runAs) {
    priv.push(`--reuid=${options.runAs.uid}`, `--regid=${options.runAs.gid}`, '--clear-groups');
  }
  const r = spawnSync('setpriv', [...priv, '--', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 300000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (status ${r.status}, ${r.error?.message ?? 'no spawn error'}):\n${output.slice(-4000)}`,
    );
  }
  return output;
}

/** Last `lines` lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The first ERROR lines of a log file with their stack traces' first lines, or its tail when there are none. */
export function errorsIn(file: string, max = 4): string {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const out: string[] = [];
    for (let i = 0; i < lines.length && out.length < max * 4; i++) {
      if (!/ (ERROR|FATAL) /.test(lines[i])) continue;
      out.push(lines[i]);
      for (let j = i + 1; j < lines.length && j <= i + 3 && !lines[j].startsWith('['); j++) out.push(lines[j]);
    }
    return out.length > 0 ? out.join('\n') : tail(file);
  } catch {
    return '(no log)';
  }
}

/** Polls `check` until it returns a value, the process dies, or `timeoutMs` passes. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; process?: ManagedProcess; logOf?: (p: ManagedProcess) => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: unknown;
  for (;;) {
    const p = options.process;
    if (p && p.exitCode() !== undefined) {
      const log = options.logOf?.(p) ?? p.logFile;
      throw new Error(
        `${p.name} exited (code ${p.exitCode()}) while waiting for ${what}; log ${log}:\n${errorsIn(log)}`,
      );
    }
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const log = options.process ? `\nlog ${options.process.logFile}:\n${tail(options.process.logFile)}` : '';
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}; last error: ${String(last)}${log}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}
