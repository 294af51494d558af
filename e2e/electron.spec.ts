import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { conformanceCases } from '../electron/core/testing/conformance-cases';

/** The electron package exports the path of its binary; it is absent when the download was skipped. */
function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
test.skip(
  !binary,
  'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); the browser project covers the same renderer and core.',
);

test('the desktop app opens on the demo database with a locked-down renderer', async () => {
  const app = await electron.launch({ executablePath: binary, args: ['dist/electron/main.js'] });
  const window = await app.firstWindow();
  await expect(window.getByTestId('status-connection')).toHaveText(/^Connected to Demo database/, { timeout: 60_000 });
  // contextIsolation + sandbox: no Node in the page; only the bridge.
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await window.evaluate(() => Object.keys((window as unknown as { bridge: object }).bridge).sort())).toEqual(['call', 'on']);
  await app.close();
});

test('IPC transport passes the conformance cases that need no second database', async () => {
  const app = await electron.launch({ executablePath: binary, args: ['dist/electron/main.js'] });
  const window = await app.firstWindow();
  const call = (method: unknown, input: unknown) =>
    window.evaluate(([m, i]) => (window as unknown as { bridge: { call(m: unknown, i: unknown): Promise<never> } }).bridge.call(m, i), [
      method,
      input,
    ] as const);
  for (const testCase of conformanceCases.slice(0, 3))
    await testCase.run(call, { host: '127.0.0.1', port: 1, database: 'x', user: 'x', password: 'x' });
  await app.close();
});
