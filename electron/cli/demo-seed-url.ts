import pg from 'pg';
import { hasDemoData, seedDemoData } from '../core/demo-seed';
import { defaultMigrationsDir } from '../core/migrations/default-dir';
import { MigrationEngine } from '../core/migrations/engine';
import { EXIT, UsageError } from './exit-codes';
import { openTarget } from './migrate-target';

/**
 * `demo --url URL [--scale N]`: the demo data on a database of your own (PostgreSQL 13+): the
 * bundled reference schema first (migrations/, through the migration engine, so the history is
 * real), then seed.sql at the scale, unless the data is already there.
 */
export async function seedDatabaseAt(options: {
  url: string;
  password?: string;
  scale: number;
  json: boolean;
  log: (line: string) => void;
}): Promise<number> {
  const { url, password, scale, json, log } = options;
  const target = await openTarget({ url, password, dataDir: '', log });
  try {
    const engine = new MigrationEngine({
      pool: target.pool,
      dir: defaultMigrationsDir(),
      onEvent: (e) => {
        if (e.type === 'step-start') log(`Applying migration ${e.index + 1} of ${e.total}: ${e.step.version} ${e.step.name}`);
      },
    });
    const ran = await engine.up();
    const client = await target.pool.connect();
    const present = await hasDemoData(client).finally(() => client.release());
    if (present === null) throw new Error('The reference schema is not complete after applying migrations/.');
    if (present) log(`${target.label} already holds the demo data: not seeded again.`);
    else {
      log(`Seeding the demo data at scale ${scale} into ${target.label} …`);
      // one transaction of large INSERT … SELECTs: a per-statement timeout would cut a big scale short
      const seeding = new pg.Pool({ ...target.config, max: 1, statement_timeout: 0 });
      seeding.on('error', () => undefined);
      try {
        await seedDemoData(seeding, { scale, workload: false, onStep: (p) => log(`  ${p.step}/${p.steps} ${p.label}`) });
      } finally {
        await seeding.end();
      }
    }
    if (json) console.log(JSON.stringify({ migrationsApplied: ran.length, seeded: !present, scale }));
    else console.log(present ? 'The demo data was already there.' : `Seeded the demo data (scale ${scale}) into ${target.label}.`);
    return EXIT.ok;
  } finally {
    await target.close().catch(() => undefined);
  }
}

export function parseScale(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--scale must be a whole number from 1 to 100, got "${value}".`);
  return n;
}
