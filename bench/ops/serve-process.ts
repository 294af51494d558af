import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRootForTests } from '../../electron/core/testing/package-root';
import { spawnServe } from '../../electron/core/testing/serve-process';

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
  const serve = await spawnServe(['--url', databaseUrl, '--pool-size', String(poolSize), '--data-dir', dataDir], {
    // e.g. TICKETZ_BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile serve
    nodeArgs: process.env.TICKETZ_BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean),
  });
  const { origin, token } = serve;
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
    pid: serve.child.pid!,
    async stop() {
      await serve.stop();
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
