import { expect } from '@playwright/test';
import { GatePage, RolePickerDialog } from '../pages/ops-pages';
import type { ShellPage } from '../pages/shell-page';

/** User verbs of the ops pages. */
export async function pickRole(shell: ShellPage, role: 'DBA' | 'Support' | 'Organizer'): Promise<void> {
  const picker = new RolePickerDialog(shell.page);
  await picker.option(role).click();
  await expect(picker.dialog).toBeHidden();
}

export async function openGate(shell: ShellPage, event: string, gate: string, staff: string): Promise<GatePage> {
  await shell.goTo('Tickets');
  const page = new GatePage(shell.page);
  const select = page.setup('Event');
  const value = await select.locator('option', { hasText: event }).first().getAttribute('value');
  await select.selectOption(value ?? '');
  await page.setup('Gate').fill(gate);
  await page.setup('Staff').fill(staff);
  return page;
}

/** Types a code the way a keyboard-wedge scanner does: characters, then Enter. */
export async function scan(gate: GatePage, code: string): Promise<void> {
  await gate.scanInput.focus();
  await gate.page.keyboard.type(code);
  await gate.page.keyboard.press('Enter');
}
