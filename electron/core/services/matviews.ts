import { type Matview, type matviewsContract } from '../../../shared/contract/matviews';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited } from '../audit/audit-log';
import { withCatalogRead } from '../db/catalog-read';
import { quoteQualified } from '../../../shared/domain/quote-ident';
import type { CoreDeps } from '../deps';
import { readMatviews } from '../matviews/catalog';
import { refreshOrder } from '../matviews/graph';
import type { HandlersFor } from '../rpc/dispatcher';

/** Audit action whose entries give each view's "last refresh" (the console's own record). */
export const REFRESH_ACTION = 'matview.refresh';

export function refreshStatement(m: Pick<Matview, 'schema' | 'name'>, concurrently: boolean): string {
  return `REFRESH MATERIALIZED VIEW${concurrently ? ' CONCURRENTLY' : ''} ${quoteQualified(m.schema, m.name)}`;
}

export function matviewsHandlers(deps: CoreDeps): HandlersFor<typeof matviewsContract> {
  const tasks = deps.tasks;
  const catalog = async (connectionId: string) => {
    const last = await deps.audit.lastSucceeded(connectionId, REFRESH_ACTION);
    return withCatalogRead(await deps.pools.get(connectionId), (c) => readMatviews(c, last), { statementTimeoutMs: 30_000 });
  };

  const chooseConcurrently = (m: Matview, mode: 'auto' | 'concurrently' | 'plain') => {
    if (mode === 'plain') return false;
    if (mode === 'auto') return m.canRefreshConcurrently;
    if (!m.canRefreshConcurrently)
      throw new RpcError('BAD_REQUEST', `${m.schema}.${m.name} cannot be refreshed CONCURRENTLY: ${m.concurrentlyBlocker}`);
    return true;
  };

  return {
    'matviews.list': async ({ connectionId }) => ({ matviews: (await catalog(connectionId)).matviews }),

    'matviews.refresh': async ({ connectionId, taskId, schema, name, mode }) => {
      const m = (await catalog(connectionId)).matviews.find((x) => x.schema === schema && x.name === name);
      if (!m)
        throw new RpcError('NOT_FOUND', `Materialized view ${schema}.${name} does not exist (dropped or renamed?). Refresh the list.`);
      const concurrently = chooseConcurrently(m, mode);
      const statement = refreshStatement(m, concurrently);
      const { info } = await tasks.run({
        taskId,
        connectionId,
        kind: 'refresh',
        label: statement,
        statement,
        audit: { action: REFRESH_ACTION, target: quoteQualified(m.schema, m.name), detail: statement },
        work: async ({ client }) => void (await client.query(statement)),
      });
      return { ...info, concurrently };
    },

    'matviews.refreshAll': async ({ connectionId, taskId, schema }) => {
      const { matviews, inputs } = await catalog(connectionId);
      const chosen = matviews.filter((m) => !schema || m.schema === schema);
      if (!chosen.length)
        throw new RpcError(
          'NOT_FOUND',
          schema ? `Schema ${schema} has no materialized views.` : 'This database has no materialized views.',
        );
      const byOid = new Map(chosen.map((m) => [m.oid, m]));
      const order = refreshOrder(
        chosen.map((m) => m.oid),
        inputs,
      ).map((oid) => byOid.get(oid)!);
      const label = `Refresh ${order.length} materialized view${order.length > 1 ? 's' : ''}${schema ? ` in ${schema}` : ''}`;
      const { result: refreshed, info } = await tasks.run({
        taskId,
        connectionId,
        kind: 'refresh',
        label,
        statement: order.map((m) => refreshStatement(m, m.canRefreshConcurrently)).join(';\n'),
        audit: {
          action: 'matview.refreshAll',
          target: schema ?? 'database',
          detail: `${label}, in dependency order: ${order.map((m) => `${m.schema}.${m.name}`).join(', ')}`,
        },
        work: async (ctx) => {
          const done: { schema: string; name: string; concurrently: boolean; elapsedMs: number }[] = [];
          for (const [i, m] of order.entries()) {
            ctx.checkCancelled();
            ctx.report({ fraction: i / order.length, detail: `${i + 1} of ${order.length}: ${m.schema}.${m.name}` });
            const statement = refreshStatement(m, m.canRefreshConcurrently);
            const t0 = performance.now();
            // Each view gets its own audit entry, so its "last refresh" is known.
            await audited(
              deps.audit,
              connectionId,
              { action: REFRESH_ACTION, target: quoteQualified(m.schema, m.name), detail: statement },
              () => ctx.client.query(statement),
            );
            done.push({ schema: m.schema, name: m.name, concurrently: m.canRefreshConcurrently, elapsedMs: performance.now() - t0 });
          }
          return done;
        },
      });
      return { taskId: info.taskId, elapsedMs: info.elapsedMs, refreshed };
    },
  };
}
