import type { Locator, Page } from '@playwright/test';

export class ConnectionsPage {
  readonly form: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Connection' });
    this.list = page.locator('.connection-list');
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  row(name: string): Locator {
    return this.list.locator('li', { hasText: name });
  }
}
