import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';
import { downloadExport, exportTo } from './flows/export';
import { addFilter, findAndOpen, openSchema } from './flows/schema';
import { seedDemo } from './flows/seed';

test.beforeAll(async ({ state }) => seedDemo(state));

test('browses to a table and sees its columns, indexes and DDL', async ({ shell }) => {
  const schema = await openSchema(shell);
  await schema.tree.getByRole('treeitem', { name: /e2e_shop/ }).click();
  await schema.tree
    .getByRole('treeitem', { name: /^. Tables/ })
    .last()
    .click();
  await schema.tree.getByRole('treeitem', { name: 'e2e_orders' }).click();
  const page = schema.objectPage('e2e_shop.e2e_orders');
  await expect(page.getByRole('heading', { name: 'e2e_shop.e2e_orders' })).toBeVisible();
  await expect(page).toContainText('Orders for the end-to-end flows');
  const columns = page.getByRole('tabpanel', { name: 'Columns' });
  for (const column of ['customer_email', 'status', 'total', 'details'])
    await expect(columns.getByRole('row', { name: new RegExp(`^\\d+ ${column} `) })).toBeVisible();
  await expect(columns).toContainText('numeric(10,2)');
  await shell.screenshot('schema-table-columns');

  await schema.tab('Indexes').click();
  await expect(page.getByRole('tabpanel', { name: 'Indexes' })).toContainText('e2e_orders_status_idx');
  await expect(page.getByRole('tabpanel', { name: 'Indexes' })).toContainText('e2e_orders_pkey');

  await schema.tab('DDL').click();
  await expect(page.getByTestId('monaco-editor')).toContainText('CREATE TABLE e2e_shop.e2e_orders');
  await expect(page.getByTestId('monaco-editor')).toContainText('CREATE INDEX e2e_orders_status_idx');
  await shell.screenshot('schema-table-ddl');
});

test('finds a table by name and pages and filters its data', async ({ shell }) => {
  const schema = await openSchema(shell);
  await findAndOpen(schema, 'e2e_orders');
  await schema.tab('Data').click();
  await expect(schema.grid).toBeVisible();
  await expect(schema.page.getByTestId('row-count')).toContainText('1,500 rows');
  await expect(schema.cellsOfColumn(0).first()).toHaveText('1');

  // Scrolling to the end of the first page loads the next one (keyset on the primary key).
  await schema.grid.click();
  await schema.page.keyboard.press('Control+End');
  await expect(schema.page.locator('.dg-status')).toContainText(/^(400|600|800|1,000|1,200|1,400|1,500) rows/);

  await addFilter(schema, 'status', '=', 'paid');
  await expect(schema.page.getByTestId('row-count')).toContainText('rows');
  const statuses = await schema.cellsOfColumn(2).allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['paid']));

  // Sort by total, descending: a click on the header twice.
  await schema.grid.getByRole('columnheader', { name: /total/ }).getByRole('button').click();
  await schema.grid.getByRole('columnheader', { name: /total/ }).getByRole('button').click();
  await expect(schema.cellsOfColumn(3).first()).toHaveText('3745.00');
  await shell.screenshot('schema-table-data');

  // Export what the filter and sort show, and download it.
  const dataTab = schema.tabPanel('Data');
  await exportTo(dataTab, 'JSON');
  await expect(dataTab.getByTestId('export-done')).toContainText('500 rows exported');
  const download = await downloadExport(dataTab);
  expect(download.suggestedFilename()).toBe('e2e_shop.e2e_orders.json');
  const rows = JSON.parse(readFileSync(await download.path(), 'utf8')) as { status: string; total: string }[];
  expect(rows).toHaveLength(500);
  expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['paid']));
  expect(rows[0]?.total).toBe('3745.00');
});
