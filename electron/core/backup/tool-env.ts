import type pg from 'pg';

/**
 * libpq environment for pg_dump / pg_restore from the console's own client settings: the password
 * travels as PGPASSWORD in the child's environment, never on its command line (where `ps` shows it).
 * https://www.postgresql.org/docs/current/libpq-envars.html
 */
export function libpqEnv(config: pg.ClientConfig, database?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A caller's own PG* settings must not redirect the tool to another server or database; its
  // PGPASSWORD / PGPASSFILE stay when the URL carries no password (the console's client read them too).
  const keep = typeof config.password === 'string' ? [] : ['PGPASSWORD', 'PGPASSFILE'];
  for (const key of Object.keys(env)) if (/^PG[A-Z]+$/.test(key) && !keep.includes(key)) delete env[key];
  env.PGHOST = String(config.host ?? '127.0.0.1');
  env.PGPORT = String(config.port ?? 5432);
  if (config.user) env.PGUSER = config.user;
  env.PGDATABASE = database ?? config.database ?? 'postgres';
  if (typeof config.password === 'string') env.PGPASSWORD = config.password;
  env.PGAPPNAME = 'ticketz-console backup';
  env.PGCONNECT_TIMEOUT = '10';
  env.PGSSLMODE = sslMode(config.ssl);
  return env;
}

function sslMode(ssl: pg.ClientConfig['ssl']): string {
  if (!ssl) return 'disable';
  if (ssl === true) return 'require';
  if (ssl.rejectUnauthorized === false) return 'require';
  return ssl.checkServerIdentity ? 'verify-ca' : 'verify-full';
}
