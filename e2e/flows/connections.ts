import type { ShellPage } from '../pages/shell-page';
import { ConnectionsPage } from '../pages/connections-page';

/** User verbs for connection management. */
export async function openNewConnectionForm(shell: ShellPage): Promise<ConnectionsPage> {
  await shell.goTo('Connections');
  await shell.page.getByRole('button', { name: 'Add connection' }).click();
  return new ConnectionsPage(shell.page);
}

export async function fillFromUrl(connections: ConnectionsPage, url: string, name: string): Promise<void> {
  await connections.field('Paste a connection URL').fill(url);
  await connections.field('Name').fill(name);
}
