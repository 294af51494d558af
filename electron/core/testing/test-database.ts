import { quoteIdent } from '../../../shared/domain/quote-ident';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  name: string;
  url: string;
  /** Connection fields as a profile would hold them. */
  host: string;
  port: number;
  user: string;
  password: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

function adminUrl(): URL {
  return new URL(inject('pgAdminUrl'));
}

/** A fresh database on the run's server, so test files never see each other's objects. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const admin = adminUrl();
  const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase();
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${quoteIdent(name)}`);
  await adminClient.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', () => undefined);
  return {
    name,
    url: url.toString(),
    host: url.hostname,
    port: Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    pool,
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testDataRoot(): string {
  return inject('pgDataRoot');
}
