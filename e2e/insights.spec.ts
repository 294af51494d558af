import { expect, test } from './fixtures/test';
import pg from 'pg';
import { INSIGHTS_DB, plantInsightsFixtures, saveProfile } from './fixtures/insights-db';
import { e2eState } from './fixtures/state';
import { openInsightsTab, useConnection } from './flows/insights';
import { InsightsPage } from './pages/insights-page';

const PROFILE = 'Insights e2e';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const state = e2eState();
  await plantInsightsFixtures(state);
  await saveProfile(state, PROFILE);
});

test('slow queries list the workload and hide the console’s own', async ({ shell }) => {
  await useConnection(shell, PROFILE);
  const insights = await openInsightsTab(shell, 'Slow queries');
  const panel = insights.panel('Slow queries');
  await expect(panel.getByRole('row', { name: /e2e_workload/ })).toBeVisible();
  await expect(panel).toContainText('console statements hidden');
  await expect(panel.getByRole('row', { name: /ticketz-console/ })).toHaveCount(0);
  await panel.getByRole('row', { name: /e2e_workload/ }).click();
  const detail = shell.page.getByRole('region', { name: 'Statement detail' });
  await expect(detail).toContainText('total_exec_time');
  await shell.screenshot('insights-slow-queries');
  // EXPLAIN the normalized text ($1): a generic plan, nothing runs.
  await detail.getByRole('button', { name: 'EXPLAIN…' }).click();
  const plan = shell.page.getByRole('region', { name: 'Query plan' });
  await plan.getByRole('button', { name: 'EXPLAIN', exact: true }).click();
  await expect(plan).toContainText('generic plan for $n parameters');
  await expect(plan.getByRole('table')).toContainText('on orders');
  await shell.screenshot('insights-explain');
});

test('the bloated table is listed; VACUUM from the UI shows progress and clears its dead tuples', async ({ shell }) => {
  await useConnection(shell, PROFILE);
  let insights = await openInsightsTab(shell, 'Bloat');
  await expect(
    insights
      .panel('Bloat')
      .getByRole('row', { name: /public\.churn/ })
      .first(),
  ).toBeVisible();
  await shell.screenshot('insights-bloat');

  insights = await openInsightsTab(shell, 'Maintenance');
  const row = insights.tableRow('public.churn');
  await expect(row.locator('.dead-tuples')).not.toHaveText('0');
  await row.getByRole('button', { name: 'VACUUM', exact: true }).click();
  const confirm = insights.dialog('VACUUM (ANALYZE) public.churn?');
  await expect(confirm).toContainText('SHARE UPDATE EXCLUSIVE');
  await confirm.getByRole('button', { name: 'Run VACUUM (ANALYZE)' }).click();
  const status = shell.page.getByRole('status').filter({ hasText: 'VACUUM (ANALYZE) "public"."churn"' });
  await expect(status).toContainText(/scanning heap: \d+ of \d+ blocks/);
  await shell.screenshot('insights-vacuum-progress');
  await expect(status).toContainText('succeeded', { timeout: 60_000 });
  await expect(row.locator('.dead-tuples')).toHaveText('0');
});

test('a foreign key without an index is found and its migration draft opens in the workbench', async ({ shell }) => {
  await useConnection(shell, PROFILE);
  const insights = await openInsightsTab(shell, 'Index advisor');
  const finding = shell.page.locator('.insights-finding', { hasText: 'Foreign key orders_customer_id_fkey (customer_id) has no index' });
  await expect(finding).toBeVisible();
  await finding.getByRole('button', { name: 'Create migration' }).click();
  const dialog = insights.dialog('Migration draft');
  await expect(dialog).toContainText('add_index_orders_customer_id');
  await expect(dialog.locator('.code-view').first()).toContainText('CONCURRENTLY');
  await shell.screenshot('insights-migration-draft');
  await dialog.getByRole('button', { name: 'Open in migrations workbench' }).click();
  await expect(shell.page).toHaveURL(/#\/migrations\?connection=[^&]+&draft=fk-without-index%3A\d+/);
  await expect(shell.page.getByRole('heading', { name: 'Migrations' })).toBeVisible();
});

test('refreshing a materialized view updates its last-refresh time, and the audit page shows the changes', async ({ shell }) => {
  await useConnection(shell, PROFILE);
  await shell.goTo('Materialized views');
  const insights = new InsightsPage(shell.page);
  const row = insights.tableRow('ticketing.event_stats');
  await expect(row.locator('.last-refresh')).toHaveText('not by this console');
  await row.getByRole('button', { name: 'Refresh…' }).click();
  await insights.dialog('Refresh ticketing.event_stats?').getByRole('button', { name: 'Refresh' }).click();
  await expect(row.locator('.last-refresh')).toHaveText(/\d{1,2}:\d{2}:\d{2}.* · /, { timeout: 30_000 });
  await shell.screenshot('matviews');

  await shell.goTo('Audit');
  await expect(shell.page.getByRole('row', { name: /matview\.refresh.*"ticketing"\."event_stats".*succeeded/ })).toBeVisible();
  await expect(shell.page.getByRole('row', { name: /maintenance\.vacuum.*"public"\."churn".*succeeded/ })).toBeVisible();
  await shell.page.getByLabel('Outcome').selectOption('failed');
  await expect(shell.page.getByRole('row', { name: /matview\.refresh/ })).toHaveCount(0);
  await shell.page.getByLabel('Outcome').selectOption('');
  await shell.screenshot('audit');
});

test('activity shows the blocking tree and terminates the blocker after confirmation', async ({ shell, state }) => {
  const connect = async (name: string) => {
    const c = new pg.Client({
      host: '127.0.0.1',
      port: state.external.port,
      user: state.external.user,
      password: state.external.password,
      database: INSIGHTS_DB,
      application_name: name,
    });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const holder = await connect('e2e-holder');
  const waiter = await connect('e2e-waiter');
  try {
    await holder.query('BEGIN');
    await holder.query('UPDATE shop.customers SET email = email WHERE id = 1');
    const waiting = waiter.query('UPDATE shop.customers SET email = email WHERE id = 1').catch((e: unknown) => e);
    await useConnection(shell, PROFILE);
    const insights = await openInsightsTab(shell, 'Activity');
    const tree = shell.page.getByRole('region', { name: 'Blocking tree' });
    await expect(tree).toContainText('e2e-holder');
    await expect(tree).toContainText('e2e-waiter');
    await shell.screenshot('insights-activity');
    const row = insights.panel('Activity').getByRole('row', { name: /e2e-holder/ });
    await expect(row).toContainText('blocking others');
    await row.getByRole('button', { name: 'Terminate' }).click();
    await shell.page.getByRole('dialog').getByRole('button', { name: 'Terminate session' }).click();
    await expect(waiting).resolves.toMatchObject({ rowCount: 1 });
    await expect(tree).toBeHidden();
  } finally {
    await holder.end().catch(() => undefined);
    await waiter.end().catch(() => undefined);
  }
});

test('health shows the house thresholds and samples over time, also while another page is shown', async ({ shell }) => {
  await useConnection(shell, PROFILE);
  // The app samples every 5 s on any page: after ~11 s elsewhere the tab opens with a history.
  await shell.page.waitForTimeout(11_000);
  const insights = await openInsightsTab(shell, 'Health');
  const panel = insights.panel('Health');
  await expect(panel.getByLabel('Cache hit ratio', { exact: true })).toContainText('warning 85.0 %, critical 75.0 %');
  await expect(panel.getByLabel('Connections / max_connections', { exact: true })).toContainText(/\d+ of \d+/);
  await expect(panel).toContainText(/([2-9]|\d\d) samples/, { timeout: 3_000 });
  await shell.screenshot('insights-health');
});

test('Ticketz pages whose schema the database lacks are grouped at the end, muted, and still explain themselves', async ({ shell }) => {
  // the insights database has a ticketing schema (for its materialized view) but no chain schema
  await useConnection(shell, PROFILE);
  const group = shell.nav.getByRole('region', { name: 'Ticketz' });
  await expect(group).toContainText('need the Ticketz schema');
  await expect(group.getByRole('link', { name: 'Chain', exact: true })).toBeVisible();
  await expect(group.getByRole('link', { name: 'Tickets', exact: true })).toHaveCount(0);
  await expect(shell.nav.getByRole('link', { name: 'Tickets', exact: true })).toBeVisible();
  await group.getByRole('link', { name: 'Chain', exact: true }).click();
  await expect(shell.page.getByRole('main')).toContainText('This database has no chain schema', { timeout: 20_000 });
  await shell.screenshot('sidebar-without-ticketz');
});
