import type { ShellPage } from '../pages/shell-page';
import { InsightsPage } from '../pages/insights-page';

/** Opens Insights on one tab. */
export async function openInsightsTab(shell: ShellPage, tab: string): Promise<InsightsPage> {
  await shell.goTo('Insights');
  const insights = new InsightsPage(shell.page);
  await insights.tab(tab).click();
  return insights;
}

/** Picks a connection in the switcher and waits for the status bar. */
export async function useConnection(shell: ShellPage, name: string): Promise<void> {
  await shell.connectionSelect.selectOption({ label: name });
  await shell.waitUntilConnected(name);
}
