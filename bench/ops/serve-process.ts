import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRootForTests } from '../../electron/core/testing/package-root';

export interface ServeProcess {
  origin: string;
  token: string;
  /** The connection `--url` saved. */
  connectionId: string;
  /** The server's process id (to read its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The browser-mode server as users run it — `ticketz-console serve --url … --pool-size N` from
 * dist/ — in its own process, so the load generator and pgbench do not share its event loop
 * (pgbench's client is a separate process too).
 */
export async function startServeProcess(databaseUrl: string, poolSize: number): Promise<ServeProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-bench-serve-'));
  const token = `bench-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // e.g. TICKETZ_BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile serve
      ...(process.env.TICKETZ_BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      path.join(packageRootForTests, 'dist', 'cli.js'),
      'serve',
      '--url',
      databaseUrl,
      '--pool-size',
      String(poolSize),
      '--data-dir',
      dataDir,
      '--token',
      token,
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)));
  });
  const origin = new URL((JSON.parse(line) as { url: string }).url).origin;
  const list = await fetch(`${origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ method: 'connections.list', input: {} }),
  });
  const envelope = (await list.json()) as { ok: boolean; value: { profiles: { id: string; kind: string }[] } };
  const saved = envelope.value.profiles.find((p) => p.kind === 'saved');
  if (!saved) throw new Error('serve --url did not save a connection');
  return {
    origin,
    token,
    connectionId: saved.id,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** bench/ops/relay-server.ts from dist/, in its own process: the floor `serve` is compared with. */
export async function startRelayProcess(databaseUrl: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(packageRootForTests, 'dist', 'bench-relay.js'), databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (c: Buffer) => resolve((JSON.parse(c.toString()) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the relay exited with ${code}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
