import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../testing/bundle-cli';
import { insertGateFixture, type GateFixture } from '../testing/gate-fixture';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { applyTicketzSchema } from '../testing/ticketz-schema';

/**
 * `serve` for a gate role that cannot write ticketz_console.audit_log (each scan's entry goes to
 * the local journal), killed with SIGKILL during a burst of scans: every scan the database
 * committed has its entry in the journal, finished or "unknown".
 */
let db: TestDatabase;
let fx: GateFixture;
let gateUrl: string;

beforeAll(async () => {
  await bundleCli();
  db = await createTestDatabase('audit_kill');
  await applyTicketzSchema(db.pool);
  fx = await insertGateFixture(db.pool, 1);
  const role = `gate_kill_${db.name}`;
  await db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${db.password.replace(/'/g, "''")}'`);
  await db.pool.query(`GRANT USAGE ON SCHEMA ticketing TO ${role};
    GRANT SELECT ON ALL TABLES IN SCHEMA ticketing TO ${role};
    GRANT UPDATE ON ticketing.tickets TO ${role};
    GRANT INSERT ON ticketing.ticket_validations TO ${role};
    REVOKE CREATE ON DATABASE ${db.name} FROM PUBLIC;`);
  const url = new URL(db.url);
  url.username = role;
  gateUrl = url.toString();
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

async function startServe(dataDir: string) {
  const token = randomBytes(24).toString('hex');
  const child = spawn(
    process.execPath,
    [await bundleCli(), 'serve', '--url', gateUrl, '--data-dir', dataDir, '--pool-size', '6', '--json'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TICKETZ_CONSOLE_TOKEN: token },
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const origin = new URL((JSON.parse(line) as { url: string }).url).origin;
  const call = async (method: string, input: unknown) => {
    const res = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method, input }),
    });
    return (await res.json()) as { ok: boolean; value?: unknown };
  };
  return { child, call };
}

describe('a console killed during a burst of scans', () => {
  it('has a journal entry for every scan the database committed', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'audit-kill-'));
    const { child, call } = await startServe(dataDir);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const { value } = (await call('connections.list', {})) as { value: { profiles: Array<{ id: string; kind?: string }> } };
    const connectionId = value.profiles.find((p) => p.kind !== 'demo')!.id;

    let answered = 0;
    let killed = false;
    // 12 scanners, each scan with its own staff name (unknown QR codes: every scan writes a validation row)
    const scanner = async (n: number) => {
      for (let i = 0; !killed; i++) {
        const staff = `s${n}-${i}`;
        const qrHash = randomBytes(32).toString('hex');
        const reply = await call('tickets.validate', { connectionId, eventId: fx.eventId, qrHash, gate: 'Kill Gate', staff }).catch(
          () => undefined,
        );
        if (reply?.ok) answered++;
        else if (!killed) throw new Error(`a scan failed before the kill: ${JSON.stringify(reply)}`);
        if (answered >= 60 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, n) => scanner(n)));
    expect(await exited).toBe('SIGKILL');

    const { rows } = await db.pool.query<{ staff: string }>("SELECT staff FROM ticketing.ticket_validations WHERE gate = 'Kill Gate'");
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const journalFile = readdirSync(path.join(dataDir, 'audit')).find((f) => f.endsWith('.jsonl'))!;
    const journaled = new Set(
      readFileSync(path.join(dataDir, 'audit', journalFile), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { kind?: string; detail?: string })
        .filter((l) => l.kind !== 'end')
        .map((l) => /staff (\S+)/.exec(l.detail ?? '')?.[1]),
    );
    const missing = rows.map((r) => r.staff).filter((staff) => !journaled.has(staff));
    expect(missing).toEqual([]);
  }, 120_000);
});
