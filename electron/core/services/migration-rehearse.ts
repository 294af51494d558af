import path from 'node:path';
import type { migrationRehearseContract } from '../../../shared/contract/migration-rehearse';
import { rehearseMigrations } from '../backup/rehearse';
import { clientConfigFor } from '../db/pg-config';
import { negotiateSsl } from '../db/pool-registry';
import type { CoreDeps } from '../deps';
import { defaultMigrationsDir } from '../migrations/default-dir';
import type { HandlersFor } from '../rpc/dispatcher';
import { profileResolver } from './connections';

/** The workbench's Rehearse: a cancellable task that restores a copy and applies the pending migrations there. */
export function migrationRehearseHandlers(deps: CoreDeps): HandlersFor<typeof migrationRehearseContract> {
  const resolve = profileResolver(deps);
  return {
    'migrations.rehearse': async ({ connectionId, taskId, dir, fromBackup, allowLoss }) => {
      const { fields, password } = resolve(connectionId);
      const config = clientConfigFor(fields, password, await negotiateSsl(fields, password));
      const folder = path.resolve(dir ?? defaultMigrationsDir());
      const { result, info } = await deps.tasks.runJob({
        taskId,
        connectionId,
        kind: 'backup.rehearse',
        label: `Rehearse migrations on a copy of ${fields.database}`,
        statement: `pg_restore into a scratch database, then migrate up (${folder})`,
        audit: {
          action: 'migrations.rehearse',
          target: folder,
          detail: fromBackup ? `on ${fromBackup}` : 'on the newest backup or a fresh dump',
        },
        work: ({ signal, report }) =>
          rehearseMigrations({
            config,
            dir: folder,
            fromBackup,
            backupsDir: path.join(deps.dataDir, 'backups'),
            allowLoss,
            signal,
            log: (line) => report({ fraction: null, detail: line }),
          }),
      });
      return { ...info, report: result };
    },
  };
}
