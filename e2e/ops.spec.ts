import { expect, test } from './fixtures/ops-test';
import { openGate, pickRole, scan } from './flows/ops';
import { RolePickerDialog } from './pages/ops-pages';

test.describe.configure({ mode: 'serial' });

test.describe('first run', () => {
  test.use({ firstRun: true });
  test('asks for a role; Organizer puts Events first and makes new connections read-only', async ({ ops }) => {
    const picker = new RolePickerDialog(ops.page);
    await expect(picker.dialog).toContainText('what do you use Ticketz Console for');
    await ops.screenshot('role-picker');
    await pickRole(ops, 'Organizer');
    await expect(ops.nav.getByRole('link').first()).toHaveText('Events');
    await ops.goTo('Connections');
    await ops.page.getByRole('button', { name: 'Add connection' }).click();
    await expect(ops.page.getByRole('checkbox', { name: /Read-only/ })).toBeChecked();
    // changeable later: back to DBA from the sidebar
    await ops.page.getByRole('button', { name: /^Role: Organizer/ }).click();
    await pickRole(ops, 'DBA');
    await expect(ops.nav.getByRole('link').first()).toHaveText('Schema');
  });
});

test('gate staff scan: accepted, already used, wrong event, garbage', async ({ ops, ticketz }) => {
  const gate = await openGate(ops, 'Fixture Night', 'E2E Gate', 'e2e-staff');
  await expect(gate.result).toContainText('Ready to scan');

  await scan(gate, ticketz.gate.tickets['seat-a1']!.payload);
  await expect(gate.result.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ACCEPTED');
  await expect(gate.result).toContainText('Ada Lovelace');
  await expect(gate.result).toContainText('Row A, seat 1');
  await ops.screenshot('gate-accepted');
  await expect(gate.scanInput).toBeFocused();
  await expect(gate.scanInput).toHaveValue('');

  await scan(gate, ticketz.gate.tickets['seat-a1']!.hash);
  await expect(gate.result.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ALREADY_USED');
  await expect(gate.result).toContainText('First scanned at');
  await expect(gate.result).toContainText('E2E Gate');
  await ops.screenshot('gate-already-used');

  await scan(gate, ticketz.gate.otherEventTicket.payload);
  await expect(gate.result.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'WRONG_EVENT');
  await expect(gate.result).not.toContainText('Ada Lovelace');

  await scan(gate, 'this is not a ticket');
  await expect(gate.result.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'INVALID_INPUT');
  await expect(ops.page.getByTestId('scan-count')).toHaveText('4');
  await expect(gate.history.getByRole('row')).toHaveCount(5);
  // the result clears for the next person
  await expect(gate.result).toContainText('Ready to scan', { timeout: 10_000 });
});

test('support looks an order up by email and sees its tickets’ scan history', async ({ ops, ticketz }) => {
  await ops.goTo('Orders');
  await ops.page
    .getByRole('searchbox', { name: 'Search' })
    .or(ops.page.getByLabel('Search', { exact: true }))
    .fill(ticketz.gate.customerEmail);
  await ops.page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = ops.page.getByRole('table', { name: 'Orders found' });
  await expect(results.getByRole('row')).toHaveCount(3);
  await results.getByRole('row', { name: /Fixture Night/ }).click();
  const detail = ops.page.getByRole('article', { name: 'Order detail' });
  await expect(detail).toContainText('Ada Lovelace');
  const seat = detail.getByRole('region', { name: `Ticket ${ticketz.gate.tickets['seat-a1']!.id}` });
  await expect(seat.getByRole('table', { name: 'Scan history' }).getByRole('row')).toHaveCount(3);
  await expect(seat).toContainText('ACCEPTED');
  await expect(seat).toContainText('ALREADY_USED');
  await expect(seat).toContainText('E2E Gate');
  await ops.screenshot('orders-detail');
});

test('event stats stay readable offline, with the time they are from, and refresh when the database is back', async ({ ops, ticketz }) => {
  await ops.goTo('Events');
  await ops.page.getByRole('link', { name: /Fixture Night/ }).click();
  const stats = ops.page.getByRole('article', { name: 'Event statistics' });
  await expect(stats.getByRole('heading', { name: 'Fixture Night' })).toBeVisible();
  await expect(stats.getByRole('table', { name: 'Sections' })).toContainText('Balcony');
  await expect(stats.getByRole('table', { name: 'Gates' })).toContainText('E2E Gate');
  await stats.getByRole('button', { name: 'Seat map' }).click();
  await expect(ops.page.getByRole('figure', { name: 'Seat map of Balcony' })).toContainText('of 6 seats available');
  await ops.screenshot('event-stats');
  await expect(stats.getByText(/^offline — as of/)).toHaveCount(0);

  await ticketz.db.stop();
  await ops.page.reload();
  await expect(stats.getByText(/offline — as of/)).toBeVisible({ timeout: 30_000 });
  await expect(stats.getByRole('heading', { name: 'Fixture Night' })).toBeVisible();
  await expect(stats.getByRole('table', { name: 'Gates' })).toContainText('E2E Gate');
  await ops.screenshot('event-stats-offline');

  await ticketz.db.start();
  await expect(stats.getByText(/offline — as of/)).toHaveCount(0, { timeout: 30_000 });
});

test('a chain user’s descendants open level by level', async ({ ops, ticketz }) => {
  await ops.goTo('Chain');
  await expect(ops.page.getByTestId('expiring-count')).toHaveText('2');
  await ops.page.getByLabel('Username, email, #position or id').fill(`${ticketz.chain.tag}_hub`);
  await ops.page.getByRole('button', { name: 'Find' }).click();
  await ops.page.getByRole('button', { name: new RegExp(`^${ticketz.chain.tag}_hub`) }).click();
  await expect(ops.page.getByRole('list', { name: 'Path to the root' })).toContainText(`${ticketz.chain.tag}_root`);
  const tree = ops.page.getByRole('tree', { name: 'Descendants' });
  await expect(tree.getByRole('treeitem')).toHaveCount(7);
  await tree.getByRole('button', { name: `Expand ${ticketz.chain.tag}_h1` }).click();
  await expect(tree.getByRole('treeitem', { name: `${ticketz.chain.tag}_h1a`, exact: true })).toBeVisible();
  await expect(tree.getByRole('treeitem')).toHaveCount(9);
  await ops.screenshot('chain-tree');
});
