import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import pg from 'pg';
import { startDebianPostgres, type DebianPostgres } from '../electron/core/testing/debian-postgres';
import { spawnServe, type ServeProcess } from '../electron/core/testing/serve-process';
import { presetRole } from './fixtures/preset-role';
import { ShellPage } from './pages/shell-page';

/** `serve --url` on a throwaway PostgreSQL 15 (Debian's pg_dump 15 matches it), as a DBA would run it. */
const test = base.extend<object, { pg15: { server: DebianPostgres; serve: ServeProcess } }>({
  pg15: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured first argument
    async ({}, use) => {
      const server = await startDebianPostgres(15, 'ticketz-e2e-backups');
      const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
      await admin.connect();
      await admin.query('CREATE DATABASE shop');
      await admin.end();
      const shop = new pg.Client({ connectionString: server.urlFor('shop') });
      await shop.connect();
      await shop.query(`CREATE TABLE orders AS SELECT g AS id, 'order ' || g AS label FROM generate_series(1, 30000) AS g`);
      await shop.end();
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-e2e-backups-data-'));
      const serve = await spawnServe(['--url', `${server.urlFor('shop')}?sslmode=disable`, '--data-dir', dataDir]);
      await use({ server, serve });
      await serve.stop();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('a DBA creates a backup, proves it by verifying, restores it, and sees WAL archiving', async ({ page, pg15 }) => {
  test.setTimeout(120_000);
  await page.addInitScript(presetRole, 'dba');
  await page.goto(pg15.serve.url);
  const shell = new ShellPage(page);
  await shell.connectionSelect.selectOption({ label: 'shop@127.0.0.1' });
  await shell.waitUntilConnected('shop@127.0.0.1');
  await shell.goTo('Backups');

  await expect(page.getByText('No backup of this database in this folder.')).toBeVisible();
  await page.getByRole('button', { name: 'Create backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup of shop' })).toContainText('succeeded');
  await expect(page.getByText(/Last backup of this database \d+ min ago/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '30,000' });
  await expect(row).toContainText('not verified');

  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(/Proven: restored into a scratch database with 1 tables and 30,000 rows/)).toBeVisible();
  await expect(row).toContainText('proven');

  await row.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Target database').fill('shop_copy');
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored into shop_copy (a new database).')).toBeVisible();
  const copy = new pg.Client({ connectionString: pg15.server.urlFor('shop_copy') });
  await copy.connect();
  expect((await copy.query<{ n: string }>('SELECT count(*)::text AS n FROM orders')).rows[0]!.n).toBe('30000');
  await copy.end();

  await expect(page.getByRole('region', { name: 'WAL archiving' })).toContainText('archive_mode is off');
  await shell.screenshot('backups-proven');

  await shell.goTo('Audit');
  await expect(page.getByText('backups.restore').first()).toBeVisible();
});
