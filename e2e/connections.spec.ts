import { fillFromUrl, openNewConnectionForm } from './flows/connections';
import { expect, test } from './fixtures/test';

test('first start shows the demo database connected', async ({ shell }) => {
  await expect(shell.connectionSelect).toHaveValue('demo');
  await expect(shell.statusBar).toContainText('PostgreSQL 18');
  await expect(shell.statusBar).toContainText('postgres (superuser)');
  await shell.screenshot('shell-demo-connected');
});

test('adds a connection from a pasted URL, tests it and switches to it', async ({ shell, state }) => {
  const { port, user, password } = state.external;
  const connections = await openNewConnectionForm(shell);
  await fillFromUrl(
    connections,
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`,
    'External e2e',
  );
  await expect(connections.field('Port')).toHaveValue(String(port));
  await expect(connections.field('SSL mode')).toHaveValue('disable');
  await shell.page.getByRole('button', { name: 'Test connection' }).click();
  await expect(shell.page.getByRole('status')).toContainText('Connected: PostgreSQL 18');
  await shell.screenshot('connection-form');
  await shell.page.getByRole('button', { name: 'Save' }).click();
  await expect(connections.row('External e2e')).toBeVisible();
  await shell.waitUntilConnected('External e2e');
});

test('a wrong password shows a clear error with the SQLSTATE', async ({ shell, state }) => {
  const connections = await openNewConnectionForm(shell);
  await fillFromUrl(
    connections,
    `postgres://${state.external.user}:not-the-password@127.0.0.1:${state.external.port}/postgres?sslmode=disable`,
    'Wrong pw',
  );
  await shell.page.getByRole('button', { name: 'Test connection' }).click();
  const alert = shell.page.getByRole('alert');
  await expect(alert).toContainText('Connection test failed');
  await expect(alert).toContainText('Wrong password for this role');
  await expect(alert).toContainText('28P01');
});

test('a reload keeps the chosen connection', async ({ shell, page }) => {
  await shell.connectionSelect.selectOption({ label: 'External e2e' });
  await shell.waitUntilConnected('External e2e');
  await page.reload();
  await shell.waitUntilConnected('External e2e');
  await expect(shell.connectionSelect).toHaveValue(/.+/);
  await shell.connectionSelect.selectOption('demo');
  await shell.waitUntilConnected('Demo database');
});

test('the command palette switches pages by typing', async ({ shell, page }) => {
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder('Type a command…').fill('go to migr');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migrations');
  await expect(shell.nav.getByRole('link', { name: 'Migrations' })).toHaveAttribute('aria-current', 'page');
});

test('refuses a page opened without the token', async ({ browser, state }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(state.origin);
  await expect(page.getByRole('alert')).toContainText('Not authorized');
  await expect(page.getByRole('alert')).toContainText(/no valid access token/);
  await context.close();
});
