import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePorts } from './ports';
import { POSTGRES_BIN } from './paths';
import { runToCompletion, startProcess, waitFor, type ManagedProcess } from './processes';

/** Connection settings of the test PostgreSQL cluster. */
export interface PostgresInfo {
  readonly host: string;
  readonly port: number;
  /** A superuser (Debezium needs REPLICATION and, for the publication, ownership of the tables). */
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** A running PostgreSQL cluster. */
export interface PostgresServer extends PostgresInfo {
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: pick a system user to run it as (when we are root). */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) {
      return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    }
  }
  throw new Error('running as root and neither the "postgres" nor the "nobody" user exists to run PostgreSQL');
}

/** Whether the PostgreSQL 15 server binaries are on this machine. */
export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(POSTGRES_BIN, 'initdb')) && fs.existsSync(path.join(POSTGRES_BIN, 'postgres'));
}

/**
 * Creates a PostgreSQL cluster in `<baseDir>/postgres` (owned by the server user), starts it on a free port of
 * 127.0.0.1 with `wal_level=logical` (for Debezium's pgoutput), and creates `database`.
 */
export async function startPostgres(options: { baseDir: string; database: string }): Promise<PostgresServer> {
  const user = serverUser();
  const runAs = user ? { uid: user.uid, gid: user.gid } : undefined;
  const dir = path.join(options.baseDir, 'postgres');
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dir, { recursive: true });
  // The server user must reach its folder inside our temporary folder.
  fs.chmodSync(options.baseDir, 0o755);
  const password = randomBytes(18).toString('base64url');
  const pwFile = path.join(dir, 'pw');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) {
    fs.chownSync(dir, user.uid, user.gid);
    fs.chownSync(pwFile, user.uid, user.gid);
  }
  runToCompletion(
    path.join(POSTGRES_BIN, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      `--pwfile=${pwFile}`,
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ],
    { runAs, cwd: dir, timeoutMs: 120000 },
  );
  fs.rmSync(pwFile);
  const [port] = await freePorts(1);
  const proc = startProcess(
    'postgres',
    path.join(POSTGRES_BIN, 'postgres'),
    [
      '-D',
      dataDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `port=${port}`,
      '-c',
      `unix_socket_directories=${dir}`,
      '-c',
      'wal_level=logical',
      '-c',
      'max_wal_senders=8',
      '-c',
      'max_replication_slots=8',
      '-c',
      'shared_buffers=32MB',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    path.join(options.baseDir, 'postgres.log'),
    { runAs, cwd: dir },
  );
  const info = { host: '127.0.0.1', port, user: 'postgres', password };
  // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for Debezium's replication connection to close.
  const stop = () => proc.stop('SIGINT', 10000);
  try {
    await waitFor(
      'PostgreSQL accepting connections',
      async () => {
        const client = new Client({ ...info, database: 'postgres' });
        await client.connect();
        try {
          const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
          if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
        } finally {
          await client.end();
        }
        return true;
      },
      { timeoutMs: 30000, process: proc },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { ...info, database: options.database, process: proc, stop };
}
