import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from './profile-store';
import { createKeyFileSecretBox } from './secret-box';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'profiles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fields = {
  name: 'prod',
  host: 'db',
  port: 5432,
  database: 'app',
  user: 'ops',
  sslmode: 'require' as const,
  applicationName: 'ticketz-console',
  statementTimeoutMs: 30000,
  readOnly: false,
  environment: 'production' as const,
};

describe('secret box (key file)', () => {
  it('round-trips, uses a fresh IV each time and keeps its key 0600', () => {
    const box = createKeyFileSecretBox(dir);
    const a = box.seal('s3cret');
    expect(a).not.toContain('s3cret');
    expect(box.seal('s3cret')).not.toBe(a);
    expect(box.open(a)).toBe('s3cret');
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a tampered secret', () => {
    const box = createKeyFileSecretBox(dir);
    const sealed = box.seal('s3cret');
    const raw = Buffer.from(sealed.slice('aes256gcm:'.length), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.open(`aes256gcm:${raw.toString('base64')}`)).toThrow();
  });

  it('cannot open secrets with another key', () => {
    const sealed = createKeyFileSecretBox(dir).seal('s3cret');
    const other = mkdtempSync(path.join(os.tmpdir(), 'profiles-other-'));
    try {
      expect(() => createKeyFileSecretBox(other).open(sealed)).toThrow();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('profile store', () => {
  it('never writes the password in plain text and never returns it', () => {
    const store = new ProfileStore(dir, createKeyFileSecretBox(dir));
    const saved = store.save(undefined, fields, 'hunter2-very-secret');
    expect(saved.hasPassword).toBe(true);
    expect(JSON.stringify(store.list())).not.toContain('hunter2');
    const file = path.join(dir, 'connections.json');
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.password(saved.id)).toBe('hunter2-very-secret');
  });

  it('keeps the password when an edit omits it, and clears it with null', () => {
    const store = new ProfileStore(dir, createKeyFileSecretBox(dir));
    const { id } = store.save(undefined, fields, 'pw');
    store.save(id, { ...fields, name: 'renamed' }, undefined);
    expect(store.password(id)).toBe('pw');
    expect(store.get(id).name).toBe('renamed');
    store.save(id, fields, null);
    expect(store.password(id)).toBeUndefined();
    expect(store.get(id).hasPassword).toBe(false);
  });

  it('says clearly when a profile file is corrupt instead of losing it silently', () => {
    writeFileSync(path.join(dir, 'connections.json'), '{"version":1,"profiles":[{"id":1}]}');
    const store = new ProfileStore(dir, createKeyFileSecretBox(dir));
    expect(() => store.list()).toThrow();
  });
});
