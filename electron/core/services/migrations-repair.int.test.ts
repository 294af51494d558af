import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RpcError } from '../../../shared/rpc/rpc-error';
import { emptyMigrationsDir } from '../migrations/testing/engine-fixtures';
import { useCoreFixture } from '../testing/core-fixture';

/** The Migrations page's way out of a partly applied migration: status, a refused apply, resume, repair (audited). */
const env = useCoreFixture('svc_mig_repair');

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e as RpcError,
  );

describe('a partly applied migration through the service', () => {
  it('is listed as partly_applied, refused by apply, resumed, and another marked repaired', async () => {
    const dir = emptyMigrationsDir();
    writeFileSync(
      path.join(dir, '1_unique.up.sql'),
      'CREATE TABLE svc_dup (v int);\nINSERT INTO svc_dup VALUES (1), (1);\nCREATE UNIQUE INDEX CONCURRENTLY svc_dup_v ON svc_dup (v);\nCREATE TABLE svc_later ();\n',
    );
    await failure(env.call('migrations.apply', { connectionId: env.id, dir }));
    const status = await env.call('migrations.status', { connectionId: env.id, dir });
    expect(status.migrations[0]).toMatchObject({ status: 'partly_applied', progress: { completed: 2, statements: 4 } });

    const refused = await failure(env.call('migrations.apply', { connectionId: env.id, dir }));
    expect(refused.message).toContain('is partly applied');

    // fix the data and drop the INVALID index: resume re-runs statement 3 and runs 4
    await env.db.pool.query('DELETE FROM svc_dup WHERE ctid = (SELECT max(ctid) FROM svc_dup); DROP INDEX svc_dup_v');
    const resumed = await env.call('migrations.apply', { connectionId: env.id, dir, resume: true });
    expect(resumed.ran.map((r) => r.version)).toEqual(['1']);
    expect((await env.call('migrations.status', { connectionId: env.id, dir })).migrations[0]).toMatchObject({
      status: 'applied',
      progress: null,
    });

    writeFileSync(
      path.join(dir, '2_again.up.sql'),
      'CREATE TABLE svc_two (v int);\nINSERT INTO svc_two VALUES (1), (1);\nCREATE UNIQUE INDEX CONCURRENTLY svc_two_v ON svc_two (v);\n',
    );
    await failure(env.call('migrations.apply', { connectionId: env.id, dir }));
    const repaired = await env.call('migrations.markRepaired', { connectionId: env.id, dir, version: '2' });
    expect(repaired).toMatchObject({ version: '2', name: 'again', was: expect.stringContaining('statements 1–2 of 3 committed') });
    expect((await env.call('migrations.status', { connectionId: env.id, dir })).migrations[1]).toMatchObject({ status: 'applied' });
    const audit = await env.call('audit.list', { connectionId: env.id, action: 'migration.repair' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'succeeded', detail: 'mark 2 repaired (recorded as applied)' });
  }, 60_000);
});
