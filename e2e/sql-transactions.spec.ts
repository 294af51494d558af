import { expect, test } from './fixtures/test';
import { countRows, seedDemo } from './flows/seed';
import { openSqlEditor, runAtCursor, setTransactionMode, typeSql } from './flows/sql';

test.beforeAll(async ({ state }) => seedDemo(state));

test('Manual mode: a transaction spans runs until Rollback undoes it', async ({ shell, state }) => {
  const table = `e2e_shop.e2e_tx_${Date.now().toString(36)}`;
  const sql = await openSqlEditor(shell);
  await typeSql(sql, `CREATE TABLE ${table} (id int PRIMARY KEY, note text)`);
  await runAtCursor(sql);
  await expect(sql.resultTab(/^1: CREATE/)).toBeVisible();

  await setTransactionMode(sql, 'Manual');
  await expect(sql.transactionState).toContainText('Idle');

  await typeSql(sql, `INSERT INTO ${table} VALUES (1, 'only in this transaction')`);
  await runAtCursor(sql);
  await expect(sql.resultTab(/^1: INSERT/)).toBeVisible();
  await expect(sql.transactionState).toContainText(/In transaction \d+:\d\d · 1 statement · changed data/);

  await typeSql(sql, `SELECT id, note FROM ${table}`);
  await runAtCursor(sql);
  await expect(sql.resultTab(/^1: SELECT \(1\)/)).toBeVisible();
  await expect(sql.grid.locator('[role=gridcell]', { hasText: 'only in this transaction' })).toBeVisible();
  await expect(sql.transactionState).toContainText('2 statements');
  await expect(sql.page.getByRole('tab', { name: /Query 1.*open transaction/ })).toBeVisible();
  // Another session does not see the uncommitted row.
  expect(await countRows(state, `SELECT count(*) FROM ${table}`)).toBe(0);
  await sql.page.keyboard.press('Escape'); // closes the completion list before the screenshot
  await shell.screenshot('sql-manual-transaction');

  await sql.button('Rollback').click();
  await expect(sql.page.getByText('Rolled back 2 statements: their changes are undone.')).toBeVisible();
  await expect(sql.transactionState).toContainText('Idle');

  await sql.button('Run statement').click();
  await expect(sql.resultTab(/^1: SELECT \(0\)/)).toBeVisible();
  // That SELECT opened a new transaction: leaving Manual mode asks before rolling it back.
  await expect(sql.transactionState).toContainText('In transaction');
  await setTransactionMode(sql, 'Auto-commit', true);
  await expect(sql.transactionState).toHaveCount(0);
});
