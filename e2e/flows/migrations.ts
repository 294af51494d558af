import path from 'node:path';
import { expect } from '@playwright/test';
import { MigrationsPage } from '../pages/migrations-page';
import type { ShellPage } from '../pages/shell-page';

/** A fixture folder of e2e/fixtures/migrations/, as an absolute path the core can read. */
export const fixtureFolder = (name: string) => path.resolve('e2e', 'fixtures', 'migrations', name);

/** Opens the workbench on a folder typed into the folder bar. */
export async function openMigrations(shell: ShellPage, folder: string): Promise<MigrationsPage> {
  await shell.goTo('Migrations');
  const page = new MigrationsPage(shell.page);
  await page.folder.fill(folder);
  await page.folder.press('Enter');
  await expect(page.page.getByText(folder, { exact: true })).toBeVisible();
  return page;
}

export async function selectMigration(page: MigrationsPage, version: string): Promise<void> {
  await page.row(version).getByRole('button', { name: version }).click();
  await expect(page.detail.getByRole('heading', { level: 2 })).toContainText(version);
}
