import { type insightsContract } from '../../../shared/contract/insights';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited } from '../audit/audit-log';
import { catalogQuery, withCatalogRead } from '../db/catalog-read';
import type { CoreDeps } from '../deps';
import { readActivity } from '../insights/activity';
import { adviseIndexes, draftFor } from '../insights/advisor';
import { estimateBloat, exactBloat } from '../insights/bloat';
import { explainStatement } from '../insights/explain';
import { poolMetrics } from '../db/pool-registry';
import { readHealth } from '../insights/health';
import { signalSession } from '../insights/signal-session';
import { StatementSnapshots } from '../insights/statement-snapshots';
import { listStatements, readStatementsStatus, requireStatements, resetStatements, statementDetail } from '../insights/statements';
import { connectionPolicy, guardPolicy } from '../read-only/connection-policy';
import { auditRefusal } from '../read-only/refusal-audit';
import { requireTypedName } from '../read-only/typed-confirmation';
import type { HandlersFor } from '../rpc/dispatcher';

/** The console's own schema (audit log) is not the user's to tune. */
const OWN_SCHEMA = 'ticketz_console';

const advisorQuery = (pool: Parameters<typeof catalogQuery>[0]) => catalogQuery(pool, { statementTimeoutMs: 60_000 });

export function insightsHandlers(deps: CoreDeps): HandlersFor<typeof insightsContract> {
  const snapshots = new StatementSnapshots();
  const read = async <T>(connectionId: string, work: Parameters<typeof withCatalogRead<T>>[1], timeoutMs?: number) =>
    withCatalogRead(await deps.pools.get(connectionId), work, { statementTimeoutMs: timeoutMs });

  return {
    'insights.statementsStatus': ({ connectionId }) => read(connectionId, async (c) => (await readStatementsStatus(c)).status),

    'insights.statements': ({ connectionId, ...input }) =>
      read(connectionId, async (c) => listStatements(c, await requireStatements(c), input, { store: snapshots, scope: connectionId })),

    'insights.statementDetail': ({ connectionId, key }) =>
      read(connectionId, async (c) => {
        await requireStatements(c);
        return statementDetail(c, key);
      }),

    'insights.resetStatements': async ({ connectionId, key, minmaxOnly }) => {
      const what = key ? `statement ${key}` : 'all statements of this database';
      const result = await audited(
        deps.audit,
        connectionId,
        {
          action: 'statements.reset',
          target: key ?? 'database',
          detail: `pg_stat_statements_reset: ${what}${minmaxOnly ? ' (min/max only)' : ''}`,
        },
        async () => {
          const pool = await deps.pools.get(connectionId);
          return withCatalogRead(pool, async (c) => resetStatements(c, await requireStatements(c), key, minmaxOnly), { readOnly: false });
        },
      );
      if (!key) snapshots.forget(connectionId);
      return result;
    },

    'insights.createExtension': async ({ connectionId, extension }) =>
      audited(
        deps.audit,
        connectionId,
        { action: 'extension.create', target: extension, detail: `CREATE EXTENSION IF NOT EXISTS ${extension}` },
        async () => {
          const pool = await deps.pools.get(connectionId);
          return withCatalogRead(
            pool,
            async (c) => {
              // The name comes from the contract's enum, never from free text.
              await c.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
              const { rows } = await c.query<{ extversion: string }>(
                `SELECT /* ticketz-console */ e.extversion FROM pg_catalog.pg_extension AS e WHERE e.extname = $1`,
                [extension],
              );
              return { version: rows[0]?.extversion ?? '' };
            },
            { readOnly: false, statementTimeoutMs: 60_000 },
          );
        },
      ),

    'insights.explain': async ({ connectionId, sql, analyze }) => {
      const pool = await deps.pools.get(connectionId);
      const client = await pool.connect();
      let broken = false;
      try {
        return await explainStatement(client, sql, analyze, {
          policy: guardPolicy(connectionPolicy(deps.profiles, connectionId), false),
          onRefused: (r) => auditRefusal(deps.audit, { connectionId, target: r.target, reason: r.reason }),
        });
      } catch (err) {
        broken = !(err instanceof RpcError) && !(typeof (err as { severity?: unknown }).severity === 'string');
        throw err;
      } finally {
        client.release(broken);
      }
    },

    'insights.bloat': async ({ connectionId, minWastedBytes, limit }) =>
      estimateBloat(catalogQuery(await deps.pools.get(connectionId), { statementTimeoutMs: 60_000 }), minWastedBytes, limit),

    'insights.exactBloat': ({ connectionId, oid, method }) =>
      // Reads the whole relation: no short statement timeout (the UI warns and confirms first).
      read(connectionId, (c) => exactBloat(c, oid, method), 0),

    'insights.advisor': async ({ connectionId }) => {
      const { advice, statsReset } = await adviseIndexes(advisorQuery(await deps.pools.get(connectionId)));
      return { findings: advice.filter((a) => a.finding.schema !== OWN_SCHEMA).map((a) => a.finding), statsReset };
    },

    'insights.migrationDraft': async ({ connectionId, findingId }) => draftFor(advisorQuery(await deps.pools.get(connectionId)), findingId),

    'insights.activity': ({ connectionId, includeIdle, longRunningMs }) =>
      read(connectionId, (c) => readActivity(c, includeIdle, longRunningMs)),

    'insights.signalSession': async ({ connectionId, pid, action, confirmDatabase }) => {
      if (action === 'terminate') requireTypedName(deps.profiles, connectionId, 'Terminating a session', confirmDatabase);
      return signalSession(deps, connectionId, pid, action);
    },

    'insights.health': async ({ connectionId }) => {
      const consolePool = poolMetrics(await deps.pools.get(connectionId));
      return { ...(await read(connectionId, (c) => readHealth(c))), consolePool };
    },
  };
}
