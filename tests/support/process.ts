import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.ts';

/**
 * The built portal started the way `npm start --no-build` starts it, on loopback: for the
 * reliability tests, the benchmark and each Playwright worker. Imports nothing from src/, so that
 * any test runner can load it.
 */

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Sends the signal and waits for the process to end; resolves with its exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * The folder of a server's files (data/) beside its database: the SQLite file's folder, or for a
 * PostgreSQL database one in the temporary folder named after it — the same across restarts.
 */
export function serverFilesDir(database: string): string {
  return /^postgres(ql)?:\/\//.test(database) ? join(tmpdir(), `posvet-server-${new URL(database).pathname.slice(1)}`) : dirname(database);
}

/**
 * Where the server keeps its database: DATABASE_URL for a postgres:// address (its files in a
 * temporary folder named after it), else DATABASE_PATH (its files beside it).
 */
function databaseEnv(database: string): Record<string, string> {
  if (!/^postgres(ql)?:\/\//.test(database)) return { DATABASE_URL: '', DATABASE_PATH: database, DATA_DIR: join(dirname(database), 'data') };
  const dir = serverFilesDir(database);
  mkdirSync(dir, { recursive: true });
  return { DATABASE_URL: database, DATABASE_PATH: join(dir, 'unused.sqlite'), DATA_DIR: join(dir, 'data') };
}

/**
 * Starts the server on `database` (a SQLite file or a postgres:// address) and resolves once this
 * process has said it is serving and answers a page (NODE_ENV=production unless `env` says otherwise).
 */
export async function startServer(database: string, port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  let output = '';
  const child = spawn(process.execPath, ['src/cli/start.ts', '--no-build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...databaseEnv(database), ASTRO_NODE_LOGGING: 'disabled', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    // Our own child's "serving" line first: another process on the port must not pass for it.
    await waitFor(`the server on port ${port} to start`, async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited during start`);
      if (!output.includes('posvet: serving on')) return undefined;
      let status: number;
      try {
        status = (await fetch(`${url}/dostopnost`)).status;
      } catch {
        return undefined; // not listening yet
      }
      // Serving, but failing: waiting would not mend it (e.g. a query its database refuses).
      if (status >= 500) throw new Error(`the server answers ${status}`);
      return (status >= 200 && status < 300) || undefined;
    }, { timeout: 60_000, interval: 100 });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}:\n${output}`);
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
