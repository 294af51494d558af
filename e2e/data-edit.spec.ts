import { expect, test } from './fixtures/test';
import { findAndOpen, openSchema } from './flows/schema';
import { openSqlEditor, runAtCursor, typeSql } from './flows/sql';
import { countRows, runOnDemo } from './flows/seed';

const SEED = `
CREATE SCHEMA IF NOT EXISTS e2e_edit;
DROP TABLE IF EXISTS e2e_edit.e2e_items;
CREATE TABLE e2e_edit.e2e_items (id int PRIMARY KEY, name text, qty bigint, note text);
INSERT INTO e2e_edit.e2e_items SELECT g, 'item ' || g, g * 10, CASE WHEN g = 2 THEN '' END FROM generate_series(1, 5) AS g;
`;

test.beforeAll(async ({ state }) => runOnDemo(state, SEED));

test('edits, inserts and deletes rows, reviews the SQL, commits, and reads the rows again', async ({ shell, state }) => {
  const schema = await openSchema(shell);
  await findAndOpen(schema, 'e2e_items');
  await schema.tab('Data').click();
  const grid = schema.grid;
  const cell = (row: number, col: number) => grid.locator(`[role=row][aria-rowindex="${row + 1}"] > [role=gridcell]`).nth(col);
  await expect(cell(1, 1)).toHaveText('item 1');
  // NULL and the empty string look different.
  await expect(cell(1, 3)).toHaveText('NULL');
  await expect(cell(2, 3)).toHaveText("''");

  // Edit a cell: Enter opens it, Enter stages the value and moves down.
  await cell(1, 1).click();
  await shell.page.keyboard.press('Enter');
  const editor = grid.getByRole('textbox', { name: 'New value of name' });
  await editor.fill('renamed');
  await shell.page.keyboard.press('Enter');
  await expect(cell(1, 1)).toHaveText('renamed');
  await expect(cell(1, 1)).toHaveClass(/edited/);

  // A value that cannot be right is caught before it is staged; Esc leaves the cell as it was.
  await cell(2, 2).click();
  await shell.page.keyboard.press('F2');
  await grid.getByRole('textbox', { name: 'New value of qty' }).fill('ten');
  await expect(grid.getByRole('alert')).toContainText('whole number');
  await shell.page.keyboard.press('Escape');
  await expect(cell(2, 2)).toHaveText('20');

  // Delete marks the active row.
  await cell(3, 0).click();
  await shell.page.keyboard.press('Delete');
  await expect(grid.locator('[role=row][aria-rowindex="4"]')).toHaveClass(/deleted/);

  // A new row: Tab moves along it.
  await shell.page.getByRole('button', { name: 'Add row' }).click();
  await cell(6, 0).dblclick();
  await grid.getByRole('textbox', { name: 'New value of id' }).fill('99');
  await shell.page.keyboard.press('Tab');
  await shell.page.keyboard.press('Enter');
  await grid.getByRole('textbox', { name: 'New value of name' }).fill('brand new');
  await shell.page.keyboard.press('Enter');
  await expect(grid.locator('[role=row][aria-rowindex="7"]')).toHaveClass(/inserted/);
  await expect(shell.page.getByRole('toolbar', { name: 'Edit rows' })).toContainText('3 changes staged');
  await shell.screenshot('data-edit-staged');

  await shell.page.getByRole('button', { name: 'Review SQL' }).click();
  const review = shell.page.getByRole('dialog', { name: 'Review SQL' });
  await expect(review).toContainText('UPDATE "e2e_edit"."e2e_items"');
  await expect(review).toContainText('INSERT INTO "e2e_edit"."e2e_items" ("id", "name")');
  await expect(review).toContainText('DELETE FROM "e2e_edit"."e2e_items"');
  await review.getByRole('button', { name: 'Close' }).click();

  // Ctrl+S commits; the set deletes a row, so it asks first.
  await cell(1, 0).click();
  await shell.page.keyboard.press('Control+s');
  await shell.page
    .getByRole('dialog')
    .getByRole('button', { name: /Commit, deleting 1 row/ })
    .click();
  await expect(shell.page.getByRole('toolbar', { name: 'Edit rows' })).toContainText('Committed: 1 updated, 1 inserted, 1 deleted');

  expect(
    await countRows(
      state,
      `SELECT count(*) FROM e2e_edit.e2e_items WHERE (id = 1 AND name = 'renamed') OR (id = 99 AND name = 'brand new')`,
    ),
  ).toBe(2);
  expect(await countRows(state, `SELECT count(*) FROM e2e_edit.e2e_items WHERE id = 3`)).toBe(0);
  // The grid reads the rows again: the edit is now the value as read, no longer highlighted.
  await expect(cell(1, 1)).toHaveText('renamed');
  await expect(cell(1, 1)).not.toHaveClass(/edited/);
  await expect(grid.getByRole('gridcell', { name: 'brand new' })).toBeVisible();
});

test('says why a table without a key cannot be edited', async ({ shell, state }) => {
  await runOnDemo(state, `CREATE TABLE IF NOT EXISTS e2e_edit.e2e_nokey (a int); INSERT INTO e2e_edit.e2e_nokey VALUES (1);`);
  const schema = await openSchema(shell);
  await findAndOpen(schema, 'e2e_nokey');
  await schema.tab('Data').click();
  await expect(schema.page.getByText(/has no primary key and no unique index over NOT NULL columns/)).toBeVisible();
  await expect(shell.page.getByRole('toolbar', { name: 'Edit rows' })).toHaveCount(0);
});

test('edits the rows of an SQL result that come from one table, and shows them as stored', async ({ shell, state }) => {
  await runOnDemo(state, `UPDATE e2e_edit.e2e_items SET note = NULL WHERE id = 4`);
  const sql = await openSqlEditor(shell);
  await typeSql(sql, 'SELECT qty, note AS remark, id FROM e2e_edit.e2e_items ORDER BY id');
  await runAtCursor(sql);
  const cell = (row: number, col: number) => sql.grid.locator(`[role=row][aria-rowindex="${row + 1}"] > [role=gridcell]`).nth(col);
  await expect(cell(1, 2)).toHaveText('1');
  await expect(shell.page.getByRole('toolbar', { name: 'Edit rows' })).toContainText('Editable by primary key: id');

  const row4 = sql.grid.getByRole('row').filter({ has: shell.page.getByRole('gridcell', { name: '4', exact: true }) });
  await row4.getByRole('gridcell').nth(1).dblclick();
  await sql.grid.getByRole('textbox', { name: 'New value of note' }).fill('checked');
  await shell.page.keyboard.press('Enter');
  await shell.page.getByRole('button', { name: /^Commit/ }).click();
  await expect(shell.page.getByRole('toolbar', { name: 'Edit rows' })).toContainText('Committed: 1 updated, 0 inserted, 0 deleted');
  await expect(row4.getByRole('gridcell').nth(1)).toHaveText('checked');
  expect(await countRows(state, `SELECT count(*) FROM e2e_edit.e2e_items WHERE id = 4 AND note = 'checked'`)).toBe(1);

  // A result that is not one table's rows offers no edits.
  await typeSql(sql, 'SELECT id, qty * 2 AS twice FROM e2e_edit.e2e_items ORDER BY id');
  await runAtCursor(sql);
  await expect(cell(1, 1)).toHaveText('20');
  await expect(shell.page.getByRole('toolbar', { name: 'Edit rows' })).toHaveCount(0);
});

test('undoes a staged change, and shows a conflict when the row changed since it was read', async ({ shell, state }) => {
  await runOnDemo(state, `UPDATE e2e_edit.e2e_items SET name = 'item 5' WHERE id = 5`);
  const schema = await openSchema(shell);
  await findAndOpen(schema, 'e2e_items');
  await schema.tab('Data').click();
  const row5 = schema.grid.getByRole('row').filter({ has: shell.page.getByRole('gridcell', { name: '5', exact: true }) });
  const name = row5.getByRole('gridcell').nth(1);
  await name.dblclick();
  await schema.grid.getByRole('textbox', { name: 'New value of name' }).fill('first try');
  await shell.page.keyboard.press('Enter');
  await name.click();
  await shell.page.keyboard.press('Control+z');
  await expect(name).toHaveText('item 5');
  await name.dblclick();
  await schema.grid.getByRole('textbox', { name: 'New value of name' }).fill('mine');
  await shell.page.keyboard.press('Enter');

  // Someone else changes the row before the commit.
  await runOnDemo(state, `UPDATE e2e_edit.e2e_items SET name = 'theirs' WHERE id = 5`);
  await shell.page.getByRole('button', { name: /^Commit/ }).click();
  const conflicts = shell.page.getByRole('alert', { name: 'Conflicts' });
  await expect(conflicts).toContainText('One row has changed since you read it: nothing was committed.');
  await expect(conflicts.getByRole('row', { name: /name item 5 theirs mine/ })).toBeVisible();
  expect(await countRows(state, `SELECT count(*) FROM e2e_edit.e2e_items WHERE id = 5 AND name = 'theirs'`)).toBe(1);
  await conflicts.getByRole('button', { name: 'Discard them and read the rows again' }).click();
  await expect(schema.grid.getByRole('gridcell', { name: 'theirs', exact: true })).toBeVisible();
});
