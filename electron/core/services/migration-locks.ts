import { type migrationLocksContract } from '../../../shared/contract/migration-locks';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { analyzeLocks } from '../migrations/locks/analyze-locks';
import { SqlParseError } from '../sql-parser';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';

export function migrationLocksHandlers(deps: CoreDeps): HandlersFor<typeof migrationLocksContract> {
  return {
    'migrations.locks': async ({ connectionId, sql }) => {
      const pool = await deps.pools.get(connectionId);
      const client = await pool.connect();
      try {
        return { statements: await analyzeLocks(client, sql) };
      } catch (err) {
        if (err instanceof SqlParseError)
          // 42601 syntax_error, with a 1-based position so the editor can underline it like a server error.
          throw new RpcError(
            'BAD_REQUEST',
            `The SQL does not parse, so its locks cannot be analyzed: ${err.message}. Fix it and try again.`,
            {
              sqlstate: '42601',
              position: err.index + 1,
            },
          );
        throw err;
      } finally {
        client.release();
      }
    },
  };
}
