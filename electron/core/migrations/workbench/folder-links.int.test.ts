import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RpcError } from '../../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../../testing/core-fixture';
import { emptyMigrationsDir } from '../testing/engine-fixtures';

/** migrations.browseFolder and migrations.sources read only inside the chosen folder, links resolved. */
const env = useCoreFixture('svc_folder_links');

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e as RpcError,
  );

function folderWithLinks() {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'mig-outside-'));
  writeFileSync(path.join(outside, 'secret.sql'), "SELECT 'the secret outside';");
  mkdirSync(path.join(outside, 'diesel'));
  writeFileSync(path.join(outside, 'diesel', 'up.sql'), "SELECT 'outside diesel';");
  const dir = emptyMigrationsDir();
  writeFileSync(path.join(dir, '0001_plain.up.sql'), 'SELECT 1;');
  // a link to a file outside, as a migration and as a plain .sql file
  symlinkSync(path.join(outside, 'secret.sql'), path.join(dir, '0002_escape.up.sql'));
  symlinkSync(path.join(outside, 'secret.sql'), path.join(dir, 'notes.sql'));
  // a link that stays inside is fine
  mkdirSync(path.join(dir, 'shared'));
  writeFileSync(path.join(dir, 'shared', 'three.sql'), "SELECT 'inside';");
  symlinkSync(path.join(dir, 'shared', 'three.sql'), path.join(dir, '0003_inside.up.sql'));
  // a linked folder leading out, and a real diesel folder whose up.sql leads out
  symlinkSync(path.join(outside, 'diesel'), path.join(dir, '2024-01-01-000000_linked'));
  symlinkSync(outside, path.join(dir, 'elsewhere'));
  mkdirSync(path.join(dir, '2024-02-01-000000_inner_link'));
  symlinkSync(path.join(outside, 'secret.sql'), path.join(dir, '2024-02-01-000000_inner_link', 'up.sql'));
  return dir;
}

describe('links out of the migrations folder', () => {
  it('are left out of the folder listing', async () => {
    const dir = folderWithLinks();
    const listing = await env.call('migrations.browseFolder', { path: dir });
    expect(listing.sqlFiles).toEqual(['0001_plain.up.sql', '0003_inside.up.sql']);
    expect(listing.folders).toEqual([
      { name: '2024-02-01-000000_inner_link', migration: false },
      { name: 'shared', migration: false },
    ]);
  });

  it('are refused as sources, with the reason; links inside the folder are read', async () => {
    const dir = folderWithLinks();
    const refused = await failure(env.call('migrations.sources', { dir, version: '0002' }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('leads outside') });
    expect(refused.message).not.toContain('the secret outside');
    expect((await env.call('migrations.sources', { dir, version: '0003' })).upSql).toContain('inside');
    const status = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(status.migrations.map((m) => m.version)).toEqual(['0001', '0003']);
    expect(status.warnings.filter((w) => w.includes('leads outside'))).toHaveLength(4);
  });
});
