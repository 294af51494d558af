import { fillFromUrl, openNewConnectionForm } from './flows/connections';
import { openSqlEditor, typeSql } from './flows/sql';
import { expect, test } from './fixtures/test';

// The external server's role is a superuser: the database itself would allow every change.
test('a read-only profile locks the editor switch and shows why a way out of read-only is refused', async ({ shell, state }) => {
  const { port, user, password } = state.external;
  const connections = await openNewConnectionForm(shell);
  await fillFromUrl(
    connections,
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`,
    'Support (read-only)',
  );
  await connections.form.getByLabel(/^Read-only/).check();
  await shell.page.getByRole('button', { name: 'Test connection' }).click();
  await expect(connections.form.getByLabel('Role privileges')).toContainText('This role can write by itself (superuser)');
  await expect(connections.form.getByLabel('Role privileges')).toContainText('Read-only is enforced by the console, not by the database.');
  await shell.page.getByRole('button', { name: 'Save' }).click();
  await expect(connections.row('Support (read-only)')).toBeVisible();
  await shell.connectionSelect.selectOption({ label: 'Support (read-only)' });
  await shell.waitUntilConnected('Support (read-only)');

  const sql = await openSqlEditor(shell);
  const lock = shell.page.getByRole('checkbox', { name: /Read-only/ });
  await expect(lock).toBeChecked();
  await expect(lock).toBeDisabled();

  await typeSql(sql, 'SET default_transaction_read_only = off; CREATE TABLE e2e_escaped (a int)');
  await sql.button('Run all').click();
  await expect(sql.results).toContainText('SET default_transaction_read_only refused; nothing was run');
  await expect(sql.results).toContainText('would let later statements write');
  await shell.screenshot('sql-read-only-refusal');

  // Nothing reached the database: the table does not exist.
  await typeSql(sql, "SELECT count(*) FROM pg_class WHERE relname = 'e2e_escaped'");
  await sql.button('Run all').click();
  await expect(sql.grid.locator('[role=gridcell]').first()).toHaveText('0');

  await shell.connectionSelect.selectOption('demo');
  await shell.waitUntilConnected('Demo database');
});

test('DROP in the editor on a production connection asks for the database name first', async ({ shell, state }) => {
  const { port, user, password } = state.external;
  const connections = await openNewConnectionForm(shell);
  await fillFromUrl(
    connections,
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`,
    'Prod e2e',
  );
  await connections.field('Environment').selectOption('production');
  await shell.page.getByRole('button', { name: 'Save' }).click();
  await expect(connections.row('Prod e2e')).toBeVisible();
  await shell.connectionSelect.selectOption({ label: 'Prod e2e' });
  await shell.waitUntilConnected('Prod e2e');

  const sql = await openSqlEditor(shell);
  await typeSql(sql, 'CREATE TABLE IF NOT EXISTS e2e_prod_drop (a int); DROP TABLE e2e_prod_drop');
  await sql.button('Run all').click();
  const dialog = shell.page.getByRole('dialog', { name: 'Run a destructive statement on production?' });
  await expect(dialog).toContainText('type the database name “postgres” to confirm');
  await expect(sql.results).toContainText('Nothing was run');
  const go = dialog.getByRole('button', { name: 'Run it' });
  await expect(go).toBeDisabled();
  await dialog.getByLabel('Database name to confirm').fill('postgres');
  await go.click();
  await expect(sql.resultTab(/^2: DROP/)).toBeVisible();

  await shell.connectionSelect.selectOption('demo');
  await shell.waitUntilConnected('Demo database');
});
