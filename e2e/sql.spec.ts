import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';
import { seedDemo } from './flows/seed';
import { downloadExport, exportTo } from './flows/export';
import { openSqlEditor, runAtCursor, typeSql } from './flows/sql';

test.beforeAll(async ({ state }) => seedDemo(state));

test('runs a query and streams its rows into the grid', async ({ shell }) => {
  const sql = await openSqlEditor(shell);
  await typeSql(sql, 'SELECT id, customer_email, status FROM e2e_shop.e2e_orders ORDER BY id');
  await runAtCursor(sql);
  await expect(sql.grid).toBeVisible();
  await expect(sql.page.getByRole('tab', { name: /^1: SELECT \(500\+\)/ })).toBeVisible();
  await expect(sql.grid.locator('[role=gridcell]').first()).toHaveText('1');
  // Scrolling to the end fetches more from the server-side cursor.
  await sql.grid.click();
  await expect
    .poll(async () => {
      await sql.page.keyboard.press('Control+End');
      return sql.results.textContent();
    })
    .toContain('All rows.');
  await expect(sql.page.locator('.dg-status')).toContainText('1,500 rows');
  await expect(sql.grid.locator('[role=row]').last()).toContainText('buyer1500@example.com');
  // Virtualized: 1,500 rows loaded, only the ones on screen (plus overscan) are in the DOM.
  expect(await sql.grid.locator('[role=row]').count()).toBeLessThan(80);
  await shell.screenshot('sql-results');
});

test('exports a result to CSV and downloads the file', async ({ shell }) => {
  const sql = await openSqlEditor(shell);
  // details is jsonb: its text has quotes and commas, which the CSV must quote.
  await typeSql(sql, 'SELECT id, customer_email, total, details FROM e2e_shop.e2e_orders WHERE id <= 3 ORDER BY id');
  await runAtCursor(sql);
  await expect(sql.grid).toBeVisible();
  await exportTo(sql.results, 'CSV');
  await expect(sql.results.getByTestId('export-done')).toContainText('3 rows exported');

  const download = await downloadExport(sql.results);
  expect(download.suggestedFilename()).toBe('query.csv');
  expect(readFileSync(await download.path(), 'utf8')).toBe(
    [
      'id,customer_email,total,details',
      '1,buyer1@example.com,2.50,"{""items"": 1}"',
      '2,buyer2@example.com,5.00,"{""items"": 2}"',
      '3,buyer3@example.com,7.50,"{""items"": 3}"',
      '',
    ].join('\n'),
  );
  await expect(sql.results).toContainText('Downloading query.csv.');
});

test('cancels a long query with Esc', async ({ shell }) => {
  const sql = await openSqlEditor(shell);
  await typeSql(sql, 'SELECT pg_sleep(60)');
  await runAtCursor(sql);
  await expect(sql.results).toContainText('Running…');
  await expect(sql.button('Cancel')).toBeEnabled();
  await sql.page.keyboard.press('Escape');
  await expect(sql.results.getByRole('alert')).toContainText('cancel', { timeout: 20_000 });
  await expect(sql.results.getByRole('alert')).toContainText('57014');
});

test('underlines an error at the position Postgres reports', async ({ shell }) => {
  const sql = await openSqlEditor(shell);
  await typeSql(sql, 'SELECT 1;\nSELECT no_such_column FROM e2e_shop.e2e_orders;');
  await sql.page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(sql.results.getByRole('alert')).toContainText('42703');
  await expect(sql.errorUnderline).toHaveCount(1);
  const underline = await sql.errorUnderline.boundingBox();
  const word = await sql.editor.locator('.view-line', { hasText: 'no_such_column' }).boundingBox();
  expect(underline && word && underline.y >= word.y - 2 && underline.y <= word.y + word.height).toBe(true);
  await shell.screenshot('sql-error-position');
});

test('a reload keeps the editor text', async ({ shell, page }) => {
  const sql = await openSqlEditor(shell);
  const text = 'SELECT count(*) FROM e2e_shop.e2e_orders -- kept across reloads';
  await typeSql(sql, text);
  await page.reload();
  await shell.waitUntilConnected();
  const again = await openSqlEditor(shell);
  await expect.poll(() => again.text()).toBe(text);
});
