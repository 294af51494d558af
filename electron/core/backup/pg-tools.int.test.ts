import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debianBinDir } from '../testing/debian-postgres';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createBackup } from './create-backup';
import { PgToolError } from './pg-tools';

/** The embedded server is PostgreSQL 18; the machine has only Debian's pg_dump 15. */
const onlyPg15 = { usePath: false, installDirs: [debianBinDir(15)] };

let db: TestDatabase;
let outDir: string;
beforeAll(async () => {
  db = await createTestDatabase('pgtools');
  outDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-pgtools-'));
});
afterAll(async () => {
  await db?.drop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('pg_dump older than the server', () => {
  it('is refused with a message that says what to install, and writes nothing', async () => {
    const config = { host: db.host, port: db.port, user: db.user, password: db.password, database: db.name };
    const error: unknown = await createBackup({ config, outDir, tools: onlyPg15 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PgToolError);
    const message = (error as Error).message;
    expect(message).toContain('version 15');
    expect(message).toContain('PostgreSQL 18');
    expect(message).toContain('postgresql-client-18');
    expect((error as PgToolError).found.map((t) => t.major)).toEqual([15]);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
