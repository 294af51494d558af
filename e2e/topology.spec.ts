import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { startTopology, waitForReplay, type Topology } from '../electron/core/testing/debian-topology';
import { insertGateFixture, type GateFixture } from '../electron/core/testing/gate-fixture';
import { expect, test } from './fixtures/test';
import { e2eState } from './fixtures/state';
import { openInsightsTab, useConnection } from './flows/insights';

// The console in front of a real topology: Debian PostgreSQL 15 primary, a pg_basebackup -R
// standby, PgBouncer 1.18 in transaction mode (electron/core/testing/debian-topology.ts).
const DB = 'ticketz_topology';
const run = promisify(execFile);
let topology: Topology;
let fx: GateFixture;

test.describe.configure({ mode: 'serial' });

async function saveProfile(name: string, fields: Record<string, unknown>): Promise<string> {
  const state = e2eState();
  const response = await fetch(`${state.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${state.token}`, Origin: state.origin },
    body: JSON.stringify({
      method: 'connections.save',
      input: {
        fields: { name, host: '127.0.0.1', database: DB, user: 'postgres', sslmode: 'disable', ...fields },
        password: topology.password,
      },
    }),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: { id: string }; error?: unknown };
  if (!envelope.ok || !envelope.value) throw new Error(`connections.save failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value.id;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  topology = await startTopology({ prefix: 'ticketz-e2e-topology', poolSize: 5 });
  const admin = new pg.Client({ connectionString: topology.primary.urlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  // `migrate up` through the pooler refuses, naming it; the primary's own address migrates.
  const refused = await run(process.execPath, [
    'dist/cli.js',
    'migrate',
    'up',
    '--url',
    `${topology.bouncer.urlFor(DB)}?sslmode=disable`,
  ]).then(
    () => undefined,
    (err: { code?: number; stderr?: string }) => err,
  );
  expect(refused?.code).toBe(1);
  expect(refused?.stderr).toMatch(/through PgBouncer.*direct/s);
  await run(process.execPath, ['dist/cli.js', 'migrate', 'up', '--url', `${topology.primary.urlFor(DB)}?sslmode=disable`]);
  const pool = new pg.Pool({ connectionString: topology.primary.urlFor(DB), max: 2 });
  fx = await insertGateFixture(pool, 2);
  await pool.end();
  await waitForReplay(topology, DB);
  const primaryId = await saveProfile('Topology primary', { port: topology.primary.port });
  await saveProfile('Topology replica', { port: topology.standby.port, primaryId });
  await saveProfile('Topology via PgBouncer', { port: topology.bouncer.port, directPort: topology.primary.port });
  await saveProfile('PgBouncer admin', { port: topology.bouncer.port, database: 'pgbouncer' });
});

test.afterAll(async () => topology?.stop());

test('Replication on the primary lists the streaming standby; the replica shows its lag beside its pages', async ({ shell }) => {
  await useConnection(shell, 'Topology primary');
  const insights = await openInsightsTab(shell, 'Replication');
  const panel = insights.panel('Replication');
  await expect(panel).toContainText('This server is a primary');
  await expect(panel.getByRole('region', { name: 'Standbys' })).toContainText('streaming');
  await shell.screenshot('replication-primary');

  await useConnection(shell, 'Topology replica');
  await expect(shell.statusBar.getByTestId('status-replica')).toHaveText(/^replica, (caught up|[\d.]+ s behind)$/);
  await expect(panel).toContainText('This server is a standby');
  await expect(panel.getByRole('region', { name: 'Standby' })).toContainText('streaming from 127.0.0.1');
  await shell.goTo('Orders');
  await expect(shell.page.getByTestId('replica-lag')).toContainText(/replica, .*writes go to the primary/);
  await shell.page.getByRole('textbox', { name: 'Search', exact: true }).fill(fx.customerEmail);
  await shell.page.keyboard.press('Enter');
  await expect(shell.page.getByText(fx.customerEmail).first()).toBeVisible();
  await shell.screenshot('replica-orders');
});

test('through PgBouncer the status bar names the pooler and the console pool; the admin console pauses and resumes', async ({ shell }) => {
  await useConnection(shell, 'Topology via PgBouncer');
  await expect(shell.statusBar).toContainText('via PgBouncer');
  await expect(shell.statusBar.getByTestId('status-pool')).toHaveText(/^pool \d+ active \/ \d+ idle of \d+/);

  await useConnection(shell, 'PgBouncer admin');
  const insights = await openInsightsTab(shell, 'PgBouncer');
  const panel = insights.panel('PgBouncer');
  const row = panel.getByRole('row', { name: new RegExp(`^${DB} postgres`) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('transaction');
  await row.getByRole('button', { name: 'PAUSE' }).click();
  const dialog = shell.page.getByRole('dialog', { name: `PAUSE ${DB}?` });
  await expect(dialog).toContainText('recorded in the audit log');
  await shell.screenshot('pgbouncer-pause-confirm');
  await dialog.getByRole('button', { name: 'PAUSE' }).click();
  await expect(panel.getByRole('status')).toContainText(`PAUSE ${DB}`);
  await row.getByRole('button', { name: 'RESUME' }).click();
  await shell.page
    .getByRole('dialog', { name: `RESUME ${DB}?` })
    .getByRole('button', { name: 'RESUME' })
    .click();
  await expect(panel.getByRole('status')).toContainText(`RESUME ${DB}`);
  await shell.screenshot('pgbouncer-pools');
});
