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
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const search = palette.getByRole('textbox', { name: /Search pages, tables/ });
  await page.keyboard.press('Control+k');
  await search.fill('go to migr');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migrations');
  await expect(shell.nav.getByRole('link', { name: 'Migrations' })).toHaveAttribute('aria-current', 'page');

  // fuzzy words in any order
  await page.keyboard.press('Control+k');
  await search.fill('dark theme');
  await expect(palette.getByRole('option')).toHaveText(['Theme: dark']);

  // one word offers the page and the database's table of that name
  await search.fill('tickets');
  await expect(palette.getByRole('option', { name: 'Go to Tickets' })).toBeVisible();
  await expect(palette.getByRole('option', { name: 'Open table ticketing.tickets' })).toBeVisible();
  await shell.screenshot('palette-tickets');
  await palette.getByRole('option', { name: 'Open table ticketing.tickets' }).click();
  await expect(page.getByRole('heading', { name: 'ticketing.tickets' })).toBeVisible();

  // functions too, by words from their name
  await page.keyboard.press('Control+k');
  await search.fill('chain stats');
  await expect(palette.getByRole('option', { name: /^Open function chain\.fn_calculate_chain_stats/ })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('refuses a page opened without the token', async ({ browser, state }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(state.origin);
  await expect(page.getByRole('alert')).toContainText('Not authorized');
  await expect(page.getByRole('alert')).toContainText(/no valid access token/);
  await context.close();
});
