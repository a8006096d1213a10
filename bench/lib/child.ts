import { spawnSync } from 'node:child_process';

/** The outcome of one benchmark child process. */
export interface ChildRun<T> {
  /** Wall time of the whole child process (spawn to exit), in milliseconds. */
  readonly wallMs: number;
  /** The JSON object the child printed on its last stdout line. */
  readonly report: T;
}

/** Environment for children: the caller's, without loader flags such as tsx's, plus `extra`. */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Runs `command args` to completion and parses the last non-empty stdout line as JSON. Throws with the child's
 * stderr tail when it fails, so the runner can report the variant as broken instead of silently skipping it.
 */
export function runChild<T>(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Readonly<Record<string, string>>; timeoutMs?: number },
): ChildRun<T> {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: childEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 300_000,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const lines = (result.stdout ?? '').split('\n').filter((line) => line.trim() !== '');
  if (result.status !== 0 || lines.length === 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    const tail = (result.stderr ?? '').trim().split('\n').slice(-8).join('\n');
    throw new BenchChildError(`${command} ${args.join(' ')} failed (${why})\n${tail}`);
  }
  return { wallMs, report: JSON.parse(lines[lines.length - 1]) as T };
}

/** A benchmark child that exited non-zero or printed no JSON. */
export class BenchChildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchChildError';
  }
}
