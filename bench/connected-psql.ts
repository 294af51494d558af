import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { BenchServer } from './server';

/**
 * The fair reference for a catalog read: ONE psql process, started and connected once (its
 * backend's caches as warm as a pooled session's), fed statements on stdin. After each batch it is
 * told to `\echo` a marker; the batch is done when the marker comes back on stdout. So a reference
 * run costs what the database work and one client's round trips cost, not psql's start-up.
 * Output is unaligned tuples only (-A -t), read and thrown away.
 */
export class ConnectedPsql {
  private readonly child: ChildProcessWithoutNullStreams;
  private out = '';
  private err = '';
  private seq = 0;
  private waiting: { marker: string; resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(server: BenchServer, database: string) {
    this.child = spawn(
      '/usr/bin/psql',
      ['-X', '-q', '-A', '-t', '-h', server.host, '-p', String(server.port), '-U', server.user, database],
      {
        env: { ...process.env, PGPASSWORD: server.password, PGAPPNAME: 'bench-psql-connected' },
      },
    );
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // only the tail matters: the marker is the last line of a batch
      this.out = (this.out + chunk).slice(-4096);
      this.check();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.err += chunk));
    this.child.on('exit', (code) => this.waiting?.reject(new Error(`psql exited with ${code}: ${this.err}`)));
  }

  /** Sends SQL text (statements ending in `;` or psql meta-commands), resolves when psql has run all of it. */
  run(sql: string): Promise<void> {
    if (this.waiting) return Promise.reject(new Error('ConnectedPsql runs one batch at a time'));
    const marker = `__bench_done_${++this.seq}__`;
    this.err = '';
    return new Promise<void>((resolve, reject) => {
      this.waiting = { marker, resolve, reject };
      this.child.stdin.write(`${sql.trimEnd()}\n\\echo ${marker}\n`);
    });
  }

  /** Wall-clock ms of one batch. */
  async timed(sql: string): Promise<number> {
    const started = performance.now();
    await this.run(sql);
    return performance.now() - started;
  }

  private check(): void {
    const w = this.waiting;
    if (!w || !this.out.includes(`${w.marker}\n`)) return;
    this.waiting = undefined;
    this.out = '';
    // psql goes on after an error; a reference that failed must not pass for a fast one
    if (/ERROR:|FATAL:/.test(this.err)) w.reject(new Error(`psql: ${this.err.trim()}`));
    else w.resolve();
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end('\\q\n');
    await exited;
  }
}

/** A SQL literal for a bound parameter, as the product binds it (text, numbers, booleans, text arrays, NULL). */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value))
    return sqlLiteral(
      `{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)).join(',')}}`,
    );
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * The product's statement with its parameters written in as literals (psql 15 cannot bind: \bind
 * is psql 16), so psql runs the same SQL text. Every $n in the product's catalog SQL carries a cast.
 */
export function inlineParams(sql: string, params: readonly unknown[] = []): string {
  // whole-line comments may mention $n in their prose
  const code = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return code.replace(/\$(\d+)/g, (whole, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`${whole} has no value (${params.length} parameters)`);
    return sqlLiteral(params[i]);
  });
}

/** One statement ready for psql: parameters inlined, a trailing semicolon. */
export function psqlStatement(sql: string, params?: readonly unknown[]): string {
  const text = inlineParams(sql, params).trim().replace(/;\s*$/, '');
  return `${text};`;
}
