import { expect, type Locator, type Page } from '@playwright/test';

/** Locators of the shell: navigation, connection switcher, status bar, palette. */
export class ShellPage {
  readonly statusBar: Locator;
  readonly connectionSelect: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
    this.connectionSelect = page.getByRole('combobox', { name: 'Active connection' });
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  async waitUntilConnected(name?: string): Promise<void> {
    await expect(this.statusBar.getByTestId('status-connection')).toHaveText(name ? `Connected to ${name}` : /^Connected to /, {
      timeout: 60_000,
    });
  }

  async goTo(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}
