import type { Locator, Page } from '@playwright/test';

/** Locators of the gate validation screen. */
export class GatePage {
  readonly scanInput: Locator;
  readonly result: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.scanInput = page.getByRole('textbox', { name: 'Scan or type a ticket code' });
    this.result = page.getByRole('status', { name: 'Scan result' });
    this.history = page.getByRole('table', { name: 'Last scans' });
  }

  setup(label: 'Event' | 'Gate' | 'Staff'): Locator {
    return this.page.getByRole('form', { name: 'Gate setup' }).getByLabel(label, { exact: true });
  }
}

/** Locators of the role picker dialog. */
export class RolePickerDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  option(name: 'DBA' | 'Support' | 'Organizer'): Locator {
    return this.dialog.getByRole('button', { name: new RegExp(`^${name}`) });
  }
}
