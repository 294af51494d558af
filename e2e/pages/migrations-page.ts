import type { Locator, Page } from '@playwright/test';

/** Locators of the migrations workbench. */
export class MigrationsPage {
  readonly folder: Locator;
  readonly list: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.folder = page.getByRole('textbox', { name: 'Folder' });
    this.list = page.getByRole('table', { name: 'Migrations' });
    this.detail = page.locator('.migration-detail');
  }

  row(version: string): Locator {
    return this.list.getByRole('row', { name: new RegExp(`^${version} `) });
  }

  tab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Migration' }).getByRole('tab', { name, exact: true });
  }
}
