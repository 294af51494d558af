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
