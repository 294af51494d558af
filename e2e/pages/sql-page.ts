import type { Locator, Page } from '@playwright/test';

/** Locators of the SQL editor. */
export class SqlPage {
  readonly editor: Locator;
  readonly results: Locator;
  readonly grid: Locator;
  /** Auto-commit / Manual, per editor tab. */
  readonly transactionMode: Locator;
  /** The pinned session's state in Manual mode (idle, in transaction …, failed). */
  readonly transactionState: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('monaco-editor');
    this.results = page.locator('.sql-results');
    this.grid = page.getByRole('grid', { name: 'Query results' });
    this.transactionMode = page.getByRole('combobox', { name: 'Transaction mode' });
    this.transactionState = page.getByRole('status', { name: 'Transaction state' });
  }

  /** The result tab of a run's statement, by its label (e.g. /^1: SELECT \(1\)/). */
  resultTab(name: RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Monaco draws an error underline as a `squiggly-error` decoration. */
  get errorUnderline(): Locator {
    return this.editor.locator('.squiggly-error');
  }

  /** The editor's visible text (Monaco renders lines as separate elements). */
  async text(): Promise<string> {
    const lines = await this.editor.locator('.view-line').allTextContents();
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }
}
