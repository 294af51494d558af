import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRootForTests } from '../../electron/core/testing/package-root';
import { benchHashSql } from './gate-tickets';

/**
 * pgbench scripts for the gate. `same` = the console's own scan statement (validate.sql: the
 * UPDATE, the fallback look-up and the validation INSERT in one statement); `update` = the bare
 * gate UPDATE of the seed. Each client takes its own range of bench tickets (`:client_id * stride
 * + :i`; pgbench keeps variables across a client's transactions), so every scan is a first scan.
 */
export function pgbenchScript(kind: 'same' | 'update'): string {
  const n = ':n::int';
  const head = '\\set i :i + 1\n\\set n :first + :client_id * :stride + :i\n';
  if (kind === 'update')
    return `${head}UPDATE ticketing.tickets SET status = 'USED', scanned_at = now() WHERE qr_code_hash = ${benchHashSql(n)} AND event_id = :event::uuid AND status = 'VALID';\n`;
  const validateSql = readFileSync(path.join(packageRootForTests, 'electron', 'core', 'sql', 'tickets', 'validate.sql'), 'utf8');
  const statement = validateSql
    .split('\n')
    .filter((line) => !line.startsWith('--') && !line.startsWith('/*'))
    .join('\n')
    .replaceAll('$1::text', benchHashSql(n))
    .replaceAll('$2::uuid', ':event::uuid')
    .replaceAll('$3::text', `'pgbench'`)
    .replaceAll('$4::text', `'Bench pgbench'`)
    .replaceAll('$5::text', `'bench-pgbench'`)
    .replaceAll('$6::text', `'bench-os-user'`)
    .replaceAll('$7::text', `'bench-host'`)
    .replace(/\s+/g, ' ')
    .trim();
  return `${head}${statement}\n`;
}

export interface PgbenchResult {
  tps: number;
  /** Per-transaction latencies from pgbench's log (-l), ms. */
  latencies: number[];
  transactions: number;
}

/**
 * Runs pgbench -n -M prepared -c clients -j 2 -T seconds with the script, logging every transaction, and
 * reads back tps and latencies. `run` executes pgbench with the given arguments (the bench
 * server's tool runner) in `cwd`-independent form: the log prefix is an absolute path.
 */
export async function runPgbench(
  run: (args: string[]) => Promise<string>,
  o: { kind: 'same' | 'update'; clients: number; seconds: number; eventId: string; first: number; stride: number },
): Promise<PgbenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-pgbench-'));
  try {
    const script = path.join(dir, 'gate.sql');
    writeFileSync(script, pgbenchScript(o.kind));
    const prefix = path.join(dir, 'tx');
    const out = await run([
      '-n',
      '-M',
      'prepared',
      '-c',
      String(o.clients),
      '-j',
      String(Math.min(2, o.clients)),
      '-T',
      String(o.seconds),
      '-D',
      'i=0',
      '-D',
      `first=${o.first}`,
      '-D',
      `stride=${o.stride}`,
      '-D',
      `event=${o.eventId}`,
      '-l',
      `--log-prefix=${prefix}`,
      '-f',
      script,
    ]);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? Number.NaN);
    const latencies: number[] = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith('tx'))) {
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        // client_id transaction_no time script_no time_epoch time_us: the 3rd field is the latency in µs
        const us = Number(line.split(' ')[2]);
        if (Number.isFinite(us) && line) latencies.push(us / 1000);
      }
    }
    return { tps, latencies, transactions: latencies.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
