import { expect, type Download, type Locator } from '@playwright/test';

/** Export CSV / Export JSON inside `scope` (a result panel, a Data tab), then wait until the file is written. */
export async function exportTo(scope: Locator, format: 'CSV' | 'JSON'): Promise<void> {
  await scope.getByRole('button', { name: `Export ${format}`, exact: true }).click();
  await expect(scope.getByTestId('export-done')).toBeVisible();
}

/** Clicks Download (browser mode) and returns the download the browser started. */
export async function downloadExport(scope: Locator): Promise<Download> {
  const download = scope.page().waitForEvent('download');
  await scope.getByRole('button', { name: 'Download', exact: true }).click();
  return download;
}
