import { expect } from '@playwright/test';
import type { ShellPage } from '../pages/shell-page';
import { SqlPage } from '../pages/sql-page';

/** User verbs for the SQL editor. */
export async function openSqlEditor(shell: ShellPage): Promise<SqlPage> {
  await shell.goTo('SQL');
  const sql = new SqlPage(shell.page);
  await expect(sql.editor.locator('.monaco-editor')).toBeVisible();
  return sql;
}

/** Replaces the editor's text by typing, as a person would (Ctrl+A, then the new text). */
export async function typeSql(sql: SqlPage, text: string): Promise<void> {
  await sql.editor.locator('.view-lines').click();
  await sql.page.keyboard.press('ControlOrMeta+a');
  await sql.page.keyboard.press('Delete');
  await sql.page.keyboard.type(text);
}

export async function runAtCursor(sql: SqlPage): Promise<void> {
  await sql.page.keyboard.press('ControlOrMeta+Enter');
}

/**
 * Switches the active tab's transaction mode. Leaving Manual mode with a transaction open asks
 * first: `confirmRollback` answers "Roll back and switch".
 */
export async function setTransactionMode(sql: SqlPage, mode: 'Auto-commit' | 'Manual', confirmRollback = false): Promise<void> {
  await sql.transactionMode.selectOption({ label: mode });
  if (confirmRollback)
    await sql.page.getByRole('dialog', { name: 'Switch to Auto-commit?' }).getByRole('button', { name: 'Roll back and switch' }).click();
  await expect(sql.transactionMode).toHaveValue(mode === 'Manual' ? 'manual' : 'auto');
}
