import pg from 'pg';

/** One session of its own (not a pooled one): backups hold a transaction open for the whole dump. */
export async function openSession(config: pg.ClientConfig, database?: string): Promise<pg.Client> {
  const client = new pg.Client({ ...config, ...(database ? { database } : {}), application_name: 'ticketz-console backup' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** pg_cancel_backend from a second session: how a running checksum or restore query is cancelled. */
export async function cancelBackend(config: pg.ClientConfig, pid: number): Promise<void> {
  const other = await openSession(config).catch(() => undefined);
  if (!other) return;
  try {
    await other.query('SELECT /* ticketz-console */ pg_catalog.pg_cancel_backend($1::int)', [pid]);
  } finally {
    await other.end().catch(() => undefined);
  }
}

export async function serverMajorOf(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT /* ticketz-console */ pg_catalog.current_setting('server_version_num') AS n`);
  return Math.floor(Number(rows[0]!.n) / 10000);
}

/**
 * Verify, restore and rehearse create a database: say what the role lacks before any work starts
 * (a read-only profile, or a role without CREATEDB), instead of failing halfway with a bare error.
 */
export async function assertCanCreateDatabase(client: pg.ClientBase, purpose: string): Promise<void> {
  const { rows } = await client.query<{ role: string; can_create: boolean; read_only: string }>(
    `SELECT /* ticketz-console */ r.rolname AS role, (r.rolcreatedb OR r.rolsuper) AS can_create,
            pg_catalog.current_setting('default_transaction_read_only') AS read_only
       FROM pg_catalog.pg_roles AS r WHERE r.rolname = current_user`,
  );
  const row = rows[0];
  const needs: string[] = [];
  if (row?.read_only === 'on')
    needs.push('the connection is read-only (default_transaction_read_only is on): use a profile that may write');
  if (!row?.can_create) needs.push(`the role "${row?.role ?? '?'}" needs CREATEDB (ALTER ROLE … CREATEDB) or a role that has it`);
  if (needs.length) throw new MissingPrivilege(`${purpose} creates a database, but ${needs.join('; and ')}.`);
}

export class MissingPrivilege extends Error {}
