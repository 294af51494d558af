import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../core/migrations/testing/engine-fixtures';
import { bundleCli, runCli } from '../core/testing/bundle-cli';
import { createTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { EXIT } from './exit-codes';

/** The database password reaches `migrate` without ever being a command-line argument. */
let db: TestDatabase;
let dir: string;
let secrets: string;
const noPassword = () => {
  const url = new URL(db.url);
  url.password = '';
  return url.toString();
};

beforeAll(async () => {
  await bundleCli();
  db = await createTestDatabase('cli_secret');
  dir = copyFixture('ticketz');
  secrets = mkdtempSync(path.join(os.tmpdir(), 'cli-secret-'));
});
afterAll(async () => {
  await db?.drop();
});

const status = (args: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli(['migrate', 'status', '--dir', dir, '--json', ...args], { ...options, env: { PGPASSWORD: '', ...options.env } });
const pending = (stdout: string) => (JSON.parse(stdout) as { migrations: Array<{ status: string }> }).migrations.map((m) => m.status);

describe('secrets for the CLI', () => {
  it('works with the password in --url, and warns that ps shows it', async () => {
    const run = await status(['--url', db.url]);
    expect(run.code).toBe(EXIT.ok);
    expect(pending(run.stdout)).toEqual(['pending', 'pending']);
    expect(run.stderr).toMatch(/Warning: the password in --url is visible to other users/);
  });

  it('reads the URL from --url-file (0600) without a warning', async () => {
    const file = path.join(secrets, 'url');
    writeFileSync(file, `${db.url}\n`, { mode: 0o600 });
    const run = await status(['--url-file', file]);
    expect(run.code).toBe(EXIT.ok);
    expect(pending(run.stdout)).toHaveLength(2);
    expect(run.stderr).not.toMatch(/Warning/);
  });

  it('warns about a URL file other users can read', async () => {
    const file = path.join(secrets, 'url-open');
    writeFileSync(file, db.url);
    chmodSync(file, 0o644);
    const run = await status(['--url-file', file]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(`Warning: ${file} can be read by other users`);
  });

  it('takes the URL from TICKETZ_CONSOLE_URL', async () => {
    const run = await status([], { env: { TICKETZ_CONSOLE_URL: db.url } });
    expect(run.code).toBe(EXIT.ok);
    expect(pending(run.stdout)).toHaveLength(2);
    expect(run.stderr).not.toMatch(/Warning/);
  });

  it('asks for the password with --password-prompt (here from stdin) for a URL without one', async () => {
    const withoutPassword = await status(['--url', noPassword()]);
    expect(withoutPassword.code).not.toBe(EXIT.ok);
    const asked = await status(['--url', noPassword(), '--password-prompt'], { input: `${db.password}\n` });
    expect(asked.code).toBe(EXIT.ok);
    expect(pending(asked.stdout)).toHaveLength(2);
    expect(asked.stderr).not.toMatch(/Warning/);
  });

  it('refuses --url together with --url-file, and a file that is not there', async () => {
    expect((await status(['--url', db.url, '--url-file', '/nonexistent'])).code).toBe(EXIT.usage);
    const missing = await status(['--url-file', path.join(secrets, 'missing')]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('--url-file: cannot read');
  });
});
