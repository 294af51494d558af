import { type maintenanceContract, type MaintenanceTable } from '../../../shared/contract/maintenance';
import { withCatalogRead } from '../db/catalog-read';
import type { CoreDeps } from '../deps';
import { stagedProgressReader } from '../maintenance/progress';
import { resolveRelation } from '../maintenance/resolve';
import { requireTypedName } from '../read-only/typed-confirmation';
import type { HandlersFor } from '../rpc/dispatcher';
import tablesSql from '../sql/maintenance/tables.sql?raw';
import { iso } from '../db/catalog-read';

interface TableRow {
  oid: string;
  schema: string;
  name: string;
  relkind: string;
  total_bytes: string | null;
  locked_by: string | null;
  live_tuples: string;
  dead_tuples: string;
  last_vacuum: Date | null;
  last_autovacuum: Date | null;
  last_analyze: Date | null;
  last_autoanalyze: Date | null;
  indexes: { name: string; bytes: string | null; valid: boolean }[];
}

const KIND: Record<string, MaintenanceTable['kind']> = { r: 'table', m: 'matview', p: 'partitioned' };

/** `%text%` for ILIKE with the user's own % _ \ taken literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function maintenanceHandlers(deps: CoreDeps): HandlersFor<typeof maintenanceContract> {
  const tasks = deps.tasks;
  const resolve = async (connectionId: string, schema: string, name: string, accepted: string[], what: string) =>
    withCatalogRead(await deps.pools.get(connectionId), (c) => resolveRelation(c, schema, name, accepted, what));

  return {
    'maintenance.tables': async ({ connectionId, search, limit }) =>
      withCatalogRead(
        await deps.pools.get(connectionId),
        async (c, serverMajor) => {
          const { rows } = await c.query<TableRow>(tablesSql, [search ? likePattern(search) : null, limit]);
          return {
            serverMajor,
            tables: rows.map((r) => ({
              oid: Number(r.oid),
              schema: r.schema,
              name: r.name,
              kind: KIND[r.relkind] ?? 'table',
              totalBytes: r.total_bytes,
              lockedBy: r.locked_by,
              liveTuples: r.live_tuples,
              deadTuples: r.dead_tuples,
              lastVacuum: iso(r.last_vacuum),
              lastAutovacuum: iso(r.last_autovacuum),
              lastAnalyze: iso(r.last_analyze),
              lastAutoanalyze: iso(r.last_autoanalyze),
              indexes: r.indexes,
            })),
          };
        },
        { statementTimeoutMs: 30_000 },
      ),

    'maintenance.vacuum': async ({ connectionId, taskId, schema, name, analyze, full, confirmDatabase }) => {
      if (full) requireTypedName(deps.profiles, connectionId, 'VACUUM FULL locks the table for the whole run', confirmDatabase);
      const rel = await resolve(connectionId, schema, name, ['r', 'm', 'p'], 'VACUUM');
      const options = [full && 'FULL', analyze && 'ANALYZE'].filter(Boolean);
      const statement = `VACUUM${options.length ? ` (${options.join(', ')})` : ''} ${rel.qualified}`;
      const first = full ? 'cluster' : 'vacuum';
      const { info } = await tasks.run({
        taskId,
        connectionId,
        kind: 'vacuum',
        tableOid: rel.tableOid,
        label: statement,
        statement,
        audit: { action: 'maintenance.vacuum', target: rel.qualified, detail: statement },
        progress: stagedProgressReader(
          analyze
            ? [
                { command: first, share: 0.8 },
                { command: 'analyze', share: 0.2 },
              ]
            : [{ command: first, share: 1 }],
        ),
        work: async ({ client }) => void (await client.query(statement)),
      });
      return info;
    },

    'maintenance.analyze': async ({ connectionId, taskId, schema, name }) => {
      const rel = await resolve(connectionId, schema, name, ['r', 'm', 'p'], 'ANALYZE');
      const statement = `ANALYZE ${rel.qualified}`;
      const { info } = await tasks.run({
        taskId,
        connectionId,
        kind: 'analyze',
        tableOid: rel.tableOid,
        label: statement,
        statement,
        audit: { action: 'maintenance.analyze', target: rel.qualified, detail: statement },
        progress: stagedProgressReader([{ command: 'analyze', share: 1 }]),
        work: async ({ client }) => void (await client.query(statement)),
      });
      return info;
    },

    'maintenance.reindex': async ({ connectionId, taskId, schema, name, target, concurrently, confirmDatabase }) => {
      if (!concurrently) requireTypedName(deps.profiles, connectionId, 'REINDEX without CONCURRENTLY blocks writes', confirmDatabase);
      const rel = await resolve(
        connectionId,
        schema,
        name,
        target === 'index' ? ['i', 'I'] : ['r', 'm', 'p'],
        `REINDEX ${target.toUpperCase()}`,
      );
      const statement = `REINDEX ${target === 'index' ? 'INDEX' : 'TABLE'}${concurrently ? ' CONCURRENTLY' : ''} ${rel.qualified}`;
      const { info } = await tasks.run({
        taskId,
        connectionId,
        kind: 'reindex',
        tableOid: rel.tableOid,
        label: statement,
        statement,
        audit: { action: 'maintenance.reindex', target: rel.qualified, detail: statement },
        progress: stagedProgressReader([{ command: 'create index', share: 1 }]),
        work: async ({ client }) => void (await client.query(statement)),
      });
      return info;
    },

    'maintenance.cancelTask': async ({ taskId }) => ({ cancelled: await tasks.cancel(taskId) }),

    'maintenance.tasks': async ({ connectionId }) => ({ tasks: tasks.list(connectionId) }),
  };
}
