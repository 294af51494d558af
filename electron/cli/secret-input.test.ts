import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes';
import { argumentWarning, promptPassword, readSecret } from './secret-input';

const tokenFlags = (value?: string, file?: string) => ({ value, file, flag: '--token', fileFlag: '--token-file', env: 'TOKEN_ENV' });

describe('readSecret', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secret-unit-'));

  it('takes the file first line (without its newline), the argument, else the environment', () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, 'from-the-file-0123456789\n', { mode: 0o600 });
    const warnings: string[] = [];
    expect(readSecret(tokenFlags(undefined, file), (w) => warnings.push(w), { TOKEN_ENV: 'env' })).toBe('from-the-file-0123456789');
    expect(readSecret(tokenFlags('typed'), (w) => warnings.push(w), { TOKEN_ENV: 'env' })).toBe('typed');
    expect(readSecret(tokenFlags(), (w) => warnings.push(w), { TOKEN_ENV: 'env' })).toBe('env');
    expect(readSecret(tokenFlags(), (w) => warnings.push(w), {})).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('refuses both flags at once and an empty file', () => {
    const empty = path.join(dir, 'empty');
    writeFileSync(empty, '\n', { mode: 0o600 });
    expect(() => readSecret(tokenFlags('a', empty), () => undefined)).toThrow(UsageError);
    expect(() => readSecret(tokenFlags(undefined, empty), () => undefined)).toThrow(/is empty/);
  });
});

describe('argumentWarning', () => {
  it('warns about a token argument and a URL with a password, not a URL without one', () => {
    expect(argumentWarning('--token', 'x'.repeat(20), 'TICKETZ_CONSOLE_TOKEN')).toMatch(
      /--token is visible to other users .*TICKETZ_CONSOLE_TOKEN/,
    );
    expect(argumentWarning('--url', 'postgres://u:secret@h/db', '--url-file')).toMatch(/password in --url is visible/);
    expect(argumentWarning('--url', 'postgres://u@h/db', '--url-file')).toBeUndefined();
    expect(argumentWarning('--token', undefined, '')).toBeUndefined();
  });
});

describe('promptPassword', () => {
  it('reads the first line of a non-terminal stdin', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    const answer = promptPassword('Password: ', input, new PassThrough() as unknown as NodeJS.WriteStream);
    (input as unknown as PassThrough).end('s3cret pass\nignored\n');
    expect(await answer).toBe('s3cret pass');
  });
});
