import pg from 'pg';
import { expect, test } from './fixtures/ops-test';

/**
 * What a user stumbled on in the tour of issue 18, walked again: numbers that agree (1), the
 * shared table and grid (3), the status bar and layout (6).
 */
test.describe.configure({ mode: 'serial' });

test('the Events card reads checked-in live, like the chart beside it, and says where the rest comes from', async ({ ops, ticketz }) => {
  // a scan after the view's last refresh: the view says one number, the live chart another
  const pool = new pg.Pool({ connectionString: ticketz.db.url, max: 1 });
  try {
    const { rows } = await pool.query<{ view: string; live: string }>(
      `SELECT (SELECT checked_in::text FROM ticketing.event_stats WHERE event_id = $1) AS view,
              (SELECT count(*)::text FROM ticketing.ticket_validations WHERE event_id = $1 AND outcome = 'ACCEPTED') AS live`,
      [ticketz.gate.eventId],
    );
    await ops.goTo('Events');
    await ops.page.getByRole('link', { name: /Fixture Night/ }).click();
    const stats = ops.page.getByRole('article', { name: 'Event statistics' });
    await expect(stats.getByText('Checked in (live)')).toBeVisible();
    await expect(stats.locator('.kpi', { hasText: 'Checked in (live)' }).locator('dd')).toHaveText(rows[0]!.live);
    await expect(stats.getByTestId('stats-as-of')).toContainText('ticketing.event_stats');
    // money in the orders' currency, grouped
    await expect(stats.locator('.kpi', { hasText: 'Gross revenue' }).locator('dd')).toHaveText(/^€[\d,]+\.\d\d$/);
    expect(rows[0]!.view).not.toBeNull();
  } finally {
    await pool.end();
  }
});

test('result tables sort by value and copy; the grid’s pinned row numbers cover the cells', async ({ ops, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ops.goTo('Chain');
  const board = ops.page.getByRole('table', { name: 'Leaderboard' });
  await expect(board.getByRole('row').nth(1)).toContainText('root');
  await board.getByRole('button', { name: 'Descendants' }).click();
  const descendants = async () =>
    (await board.locator('tbody tr td:nth-child(6)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  const ascending = await descendants();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await expect(board.getByRole('columnheader', { name: /Descendants/ })).toHaveAttribute('aria-sort', 'ascending');
  await ops.page.getByRole('button', { name: 'Copy as TSV' }).first().click();
  const copied = await ops.page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]).toBe('Rank\tUser\tCountry\tDepth\tDirect children\tDescendants\tBadges');
  expect(copied.split('\n')).toHaveLength(ascending.length + 1);

  // the SQL grid: scrolled sideways, the row numbers stay opaque on every row
  await ops.goTo('SQL');
  const editor = ops.page.getByTestId('monaco-editor');
  await editor.click();
  await ops.page.keyboard.press('Control+A');
  const wide = Array.from({ length: 12 }, (_, i) => `repeat('wide text ', 30) AS c${i}`).join(', ');
  await ops.page.keyboard.type(`SELECT g AS n, ${wide} FROM generate_series(1, 5) AS g`);
  await ops.page.keyboard.press('Escape');
  await ops.page.keyboard.press('Control+Enter');
  const grid = ops.page.getByRole('grid').first();
  await expect(grid.getByRole('row')).toHaveCount(6);
  expect(await grid.evaluate((el) => (el.scrollBy(400, 0), el.scrollLeft))).toBeGreaterThan(0);
  const backgrounds = await grid
    .locator('.dg-row .dg-rownum')
    .evaluateAll((cells) => cells.map((c) => getComputedStyle(c).backgroundColor));
  expect(backgrounds.length).toBe(5);
  for (const bg of backgrounds) expect(bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  await ops.screenshot('sql-grid-scrolled');
});

test('Activity: both ages are labelled and Terminate fits at 1440 px', async ({ ops, ticketz }) => {
  await ops.page.setViewportSize({ width: 1440, height: 900 });
  const holder = new pg.Client({ connectionString: ticketz.db.url, application_name: 'e2e-tour-holder' });
  await holder.connect();
  try {
    await holder.query(`BEGIN; SELECT pg_sleep(0.2); SELECT 'a rather long query text to widen the column ' || repeat('x', 200)`);
    await ops.goTo('Insights');
    await ops.page.getByRole('tab', { name: 'Activity' }).click();
    const row = ops.page.getByRole('row', { name: /e2e-tour-holder/ });
    await expect(row).toBeVisible();
    await expect(ops.page.getByRole('columnheader', { name: 'Query age' })).toBeVisible();
    await expect(ops.page.getByRole('columnheader', { name: 'Transaction age' })).toBeVisible();
    const terminate = row.getByRole('button', { name: 'Terminate' });
    const box = await terminate.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    const scroller = await row.evaluate((tr) => tr.closest('.table-scroll')!.getBoundingClientRect().right);
    expect(box!.x + box!.width).toBeLessThanOrEqual(scroller + 1);
  } finally {
    await holder.end().catch(() => undefined);
  }
});

test('the status bar says not connected while the database is down, without the last good answer beside it', async ({ ops, ticketz }) => {
  const bar = ops.statusBar;
  await expect(bar.getByTestId('status-connection')).toHaveText(/^Connected to /);
  await ticketz.db.stop();
  try {
    await ops.page.reload();
    await expect(bar).toContainText('not connected', { timeout: 45_000 });
    await expect(bar).not.toContainText('Connected to');
    await expect(bar).not.toContainText(/\d ms$/);
    await ops.screenshot('status-bar-down');
  } finally {
    await ticketz.db.start();
  }
  await ops.page.reload();
  await expect(bar.getByTestId('status-connection')).toHaveText(/^Connected to /, { timeout: 45_000 });
});
