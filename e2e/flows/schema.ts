import { expect } from '@playwright/test';
import type { ShellPage } from '../pages/shell-page';
import { SchemaPage } from '../pages/schema-page';

/** User verbs for the schema browser. */
export async function openSchema(shell: ShellPage): Promise<SchemaPage> {
  await shell.goTo('Schema');
  return new SchemaPage(shell.page);
}

export async function findAndOpen(schema: SchemaPage, name: string): Promise<void> {
  await schema.search.fill(name);
  await schema.results
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(schema.objectPage(name)).toBeVisible();
}

export async function addFilter(schema: SchemaPage, column: string, op: string, value: string): Promise<void> {
  await schema.page.getByRole('button', { name: 'Add filter' }).click();
  const row = schema.page.locator('.filter-row').last();
  await row.getByRole('combobox', { name: 'Column' }).selectOption(column);
  await row.getByRole('combobox', { name: 'Operator' }).selectOption(op);
  await row.getByRole('textbox', { name: 'Value' }).fill(value);
  await schema.page.getByRole('button', { name: 'Apply' }).click();
}

/**
 * Opens an object through the tree: the schema (public, open by default, is closed first so each
 * group label appears once), then the group, then the object.
 */
export async function openFromTree(schema: SchemaPage, schemaName: string, group: string, name: string): Promise<void> {
  const schemaItem = (n: string) => schema.tree.getByRole('treeitem', { name: new RegExp(`^. ${n}$`) });
  const publicItem = schemaItem('public');
  await expect(publicItem).toBeVisible();
  if (schemaName !== 'public' && (await publicItem.getAttribute('aria-expanded')) === 'true') await publicItem.click();
  const target = schemaItem(schemaName);
  if ((await target.getAttribute('aria-expanded')) !== 'true') await target.click();
  await schema.tree.getByRole('treeitem', { name: new RegExp(`^. ${group} \\d`) }).click();
  await schema.tree.getByRole('treeitem', { name, exact: true }).click();
  await expect(schema.objectPage(name)).toBeVisible();
}
