import type { Locator, Page } from '@playwright/test';

/** Locators of the Insights tabs, Materialized views and Audit pages. */
export class InsightsPage {
  constructor(readonly page: Page) {}

  tab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Insights' }).getByRole('tab', { name, exact: true });
  }

  panel(name: string): Locator {
    return this.page.getByRole('tabpanel', { name });
  }

  tableRow(name: string): Locator {
    return this.page.getByRole('row', { name });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  progress(): Locator {
    return this.page.getByRole('progressbar');
  }
}
