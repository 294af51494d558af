import { afterEach, describe, expect, it } from 'vitest';
import { libpqEnv } from './tool-env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('libpq environment for pg_dump', () => {
  it('carries the password as PGPASSWORD and drops PG* settings that would point elsewhere', () => {
    process.env.PGHOST = 'elsewhere';
    process.env.PGSERVICE = 'prod';
    const env = libpqEnv({ host: '127.0.0.1', port: 5433, user: 'u', password: 's3cret', database: 'shop', ssl: false });
    expect(env).toMatchObject({
      PGHOST: '127.0.0.1',
      PGPORT: '5433',
      PGUSER: 'u',
      PGPASSWORD: 's3cret',
      PGDATABASE: 'shop',
      PGSSLMODE: 'disable',
    });
    expect(env.PGSERVICE).toBeUndefined();
  });

  it('keeps the caller’s PGPASSWORD and PGPASSFILE when the URL has no password', () => {
    process.env.PGPASSFILE = '/etc/ticketz/pgpass';
    process.env.PGPASSWORD = 'from-env';
    const env = libpqEnv({ host: 'db', user: 'u', database: 'shop', ssl: { rejectUnauthorized: true } }, 'other');
    expect(env).toMatchObject({ PGPASSFILE: '/etc/ticketz/pgpass', PGPASSWORD: 'from-env', PGDATABASE: 'other', PGSSLMODE: 'verify-full' });
  });
});
