import { expect, test } from './fixtures/test';
import { fixtureFolder, openMigrations, selectMigration } from './flows/migrations';

test('preview shows lint findings with positions and the locks each statement takes', async ({ shell }) => {
  const page = await openMigrations(shell, fixtureFolder('lint-violations'));
  await selectMigration(page, '9001');
  const findings = page.page.getByRole('list', { name: 'Lint findings' });
  await expect(findings.getByRole('listitem', { name: 'create-index-non-concurrently at up 4:38' })).toBeVisible();
  await expect(findings.getByRole('listitem', { name: 'adding-not-null-column at up 5:48' })).toBeVisible();
  await expect(findings).toContainText('9001_e2e_lint_probe.up.sql:4:38 · statement 2');
  await expect(page.page.getByRole('table', { name: 'Statements' })).toContainText('SHARE on public.e2e_orders_never');
  await expect(
    page.page.locator('.migrations-script-editor .squiggly-error, .migrations-script-editor .squiggly-warning').first(),
  ).toBeAttached();
  await shell.screenshot('migrations-preview-lint');
});

test('dry run reports the schema difference and leaves the database unchanged', async ({ shell }) => {
  const page = await openMigrations(shell, fixtureFolder('apply-rollback'));
  await selectMigration(page, '9002');
  await page.tab('Dry run').click();
  await page.page.getByRole('button', { name: 'Dry run all pending' }).click();
  const report = page.page.getByLabel('Dry run report');
  await expect(report).toContainText('rolled back, nothing was changed');
  await expect(page.page.getByRole('list', { name: 'Schema difference' })).toContainText('relation public.e2e_workbench_probe: added');
  await expect(report).toContainText('ACCESS EXCLUSIVE');
  await shell.screenshot('migrations-dry-run');
  // Still pending: nothing was applied.
  await expect(page.row('9002')).toContainText('pending');
});

test('applies then rolls back a migration from the UI, and the history shows both', async ({ shell }) => {
  const page = await openMigrations(shell, fixtureFolder('apply-rollback'));
  await selectMigration(page, '9002');
  await page.page.getByRole('button', { name: 'Apply up to 9002' }).click();
  const confirm = page.page.getByRole('dialog', { name: 'Apply migrations' });
  await expect(confirm.getByRole('list', { name: 'Plan' })).toContainText('apply 9002 e2e_workbench_probe');
  await confirm.getByRole('button', { name: 'Apply' }).click();
  await expect(page.page.locator('.run-result')).toContainText('Applied 9002 e2e_workbench_probe');
  await expect(page.row('9002')).toContainText('applied');

  await page.page.getByRole('button', { name: 'Roll back 9002' }).click();
  const back = page.page.getByRole('dialog', { name: 'Roll back migrations' });
  await expect(back.getByRole('list', { name: 'Plan' })).toContainText('roll back 9002');
  await back.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.page.locator('.run-result')).toContainText('Rolled back 9002 e2e_workbench_probe');
  await expect(page.row('9002')).toContainText('pending');

  await page.tab('History').click();
  const audit = page.page.getByRole('table', { name: 'Migration audit' });
  await expect(audit.getByRole('row', { name: /migration\.apply succeeded/ })).toBeVisible();
  await expect(audit.getByRole('row', { name: /migration\.rollback succeeded/ })).toBeVisible();
  await shell.screenshot('migrations-history');
});

test('the reversibility check flags a down script that forgets an index', async ({ shell }) => {
  const page = await openMigrations(shell, fixtureFolder('forgotten-index'));
  await selectMigration(page, '0002');
  await page.tab('Verify').click();
  await page.page.getByRole('button', { name: 'Check range' }).click();
  const report = page.page.getByLabel('Verify report');
  await expect(report).toContainText('Some migrations do not roll back cleanly', { timeout: 60_000 });
  await expect(report).toContainText('index public.e2e_rv_email: added');
  await expect(report.locator('.verify-ok')).toContainText('0001 e2e_rv_table');
  await shell.screenshot('migrations-verify');
});
