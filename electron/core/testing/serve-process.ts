import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { packageRootForTests } from './package-root';

export interface ServeProcess {
  /** The URL `serve` printed, token in the fragment. */
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** SIGTERM (serve then closes its pools and any demo database), waits for the exit; SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface ServeProcessOptions {
  /** How long `serve` may take to print its URL (a first demo start initialises a database). */
  startTimeoutMs?: number;
  /** Node flags before the script, e.g. ['--cpu-prof']. */
  nodeArgs?: string[];
}

/**
 * `ticketz-console serve <args> --json` (token in TICKETZ_CONSOLE_TOKEN) from dist/, in its own process as users run it,
 * for e2e fixtures and benchmarks: resolves with the URL of the first line it prints, or rejects
 * with its stderr when it exits or stays silent.
 */
export async function spawnServe(args: string[], options: ServeProcessOptions = {}): Promise<ServeProcess> {
  // hex, not base64url: a token starting with '-' would read as an option
  const token = randomBytes(24).toString('hex');
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(packageRootForTests, 'dist', 'cli.js'), 'serve', ...args, '--json'],
    // the token by environment, as the README advises (an argument is visible in ps)
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TICKETZ_CONSOLE_TOKEN: token } },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in ${timeoutMs / 1000} s:\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${stderr}`));
    });
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    origin: new URL(url).origin,
    token,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
