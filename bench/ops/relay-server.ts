import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { packageRootForTests } from '../../electron/core/testing/package-root';

/**
 * The floor of any HTTP gate on this machine: the lightest Node server that can answer a scan —
 * POST body → sha256 → the same prepared statement (validate.sql) on one session → JSON — with no
 * token, no validation, no pool, no dispatcher. The gate benchmark runs it next to `serve` so the
 * cost of the extra process hop (browser → server → PostgreSQL, where pgbench has one hop less)
 * is measured apart from the cost of the console's own code.
 * Usage: node dist/bench-relay.js <database url>   (prints {"port": N} when listening)
 */
const validateSql = readFileSync(path.join(packageRootForTests, 'electron', 'core', 'sql', 'tickets', 'validate.sql'), 'utf8');
const client = new pg.Client({ connectionString: process.argv[2] });
await client.connect();
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      input: { eventId: string; qrHash: string; gate: string; staff: string };
    };
    const hash = createHash('sha256').update(input.qrHash, 'utf8').digest('hex');
    client
      .query<{ outcome: string }>({
        name: 'validate',
        text: validateSql,
        values: [hash, input.eventId, input.qrHash, input.gate, input.staff, 'bench-os-user', 'bench-host'],
      })
      .then(
        (result) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: true, value: { outcome: result.rows[0]?.outcome } }));
        },
        (err: unknown) => {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { message: String(err) } }));
        },
      );
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
