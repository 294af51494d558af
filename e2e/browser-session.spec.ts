import { ShellPage } from './pages/shell-page';
import { presetRole } from './fixtures/preset-role';
import { expect, test } from './fixtures/test';

test('after the first visit with the token, a reload, a new tab and a bookmarked page work', async ({ shell, state, context }) => {
  const origin = new URL(state.url).origin;
  // The token left the address bar at once; what is left is a page a user could bookmark.
  await expect(shell.page).toHaveURL(new RegExp(`^${origin}/#/`));
  await shell.page.reload();
  await shell.waitUntilConnected();

  const tab = await context.newPage();
  await tab.addInitScript(presetRole, 'dba');
  await tab.goto(`${origin}/#/audit`);
  const second = new ShellPage(tab);
  await second.waitUntilConnected();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(/Audit log/);
  const cookies = await context.cookies(origin);
  expect(cookies).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Strict', path: '/' })]);
  expect(cookies[0]!.value).not.toBe(new URL(state.url).hash.replace('#token=', ''));
});

test('a browser that never had the token is not let in, and is told what to open', async ({ browser, state }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(presetRole, 'dba');
  await page.goto(`${new URL(state.url).origin}/#/schema`);
  await expect(page.getByText(/no valid access token or session/).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('status-connection')).toHaveCount(0);
  await context.close();
});
