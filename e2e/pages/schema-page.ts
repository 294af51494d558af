import type { Locator, Page } from '@playwright/test';

/** Locators of the schema browser. */
export class SchemaPage {
  readonly search: Locator;
  readonly tree: Locator;
  readonly results: Locator;
  readonly tabs: Locator;
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search objects by name' });
    this.tree = page.getByRole('tree', { name: 'Schema objects' });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.tabs = page.getByRole('tablist');
    this.grid = page.getByRole('grid');
  }

  objectPage(name: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`${name}$`) });
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  tabPanel(name: string): Locator {
    return this.page.getByRole('tabpanel', { name });
  }

  cellsOfColumn(index: number): Locator {
    return this.grid.locator(`[role=row] > [role=gridcell]:nth-child(${index + 2})`);
  }
}
