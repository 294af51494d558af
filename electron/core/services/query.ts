import type { queryContract, HistoryEntry } from '../../../shared/contract/query';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { CATALOG_LIMITS, withCatalogRead } from '../db/catalog-read';
import type { CoreDeps } from '../deps';
import { streamExport } from '../export/stream-export';
import { completions } from '../query/completions';
import { EditorSessions } from '../query/editor-sessions';
import { PinnedRun } from '../query/pinned-run';
import { PinnedSessions } from '../query/pinned-sessions';
import { pickStatements, runScript } from '../query/run-script';
import { TypeNames } from '../query/type-names';
import type { HandlersFor } from '../rpc/dispatcher';
import { QueryHistory } from '../store/query-history';
import { querySessionHandlers } from './query-sessions';

export function queryHandlers(deps: CoreDeps): HandlersFor<typeof queryContract> {
  const sessions = new EditorSessions(deps.pools);
  const pinned = new PinnedSessions(deps.pools, sessions, deps.audit);
  const history = new QueryHistory(deps.dataDir);
  const typeNames = new Map<string, TypeNames>();
  const typeNamesFor = (connectionId: string) => {
    let names = typeNames.get(connectionId);
    if (!names) typeNames.set(connectionId, (names = new TypeNames()));
    return names;
  };

  /** A run on a fresh pooled session, or on the tab's pinned one (Manual mode) with its state after. */
  const runIn = async (req: Parameters<typeof runScript>[3] & { sessionId?: string | undefined }) => {
    const pool = await deps.pools.get(req.connectionId);
    const { sessionId } = req;
    if (!sessionId) return { ...(await runScript(pool, sessions, typeNamesFor(req.connectionId), req)), session: null };
    const result = await pinned.exclusive(req.connectionId, sessionId, 'a run', req.runId, (p) =>
      runScript(pool, sessions, typeNamesFor(req.connectionId), req, new PinnedRun(pinned, p, req.readOnly, deps.audit)),
    );
    const session = pinned.state(req.connectionId, sessionId);
    return { ...result, session, warning: session.status === 'closed' ? session.reason : result.warning };
  };

  return {
    ...querySessionHandlers(pinned, history),
    'query.run': async (req) => {
      const started = performance.now();
      const sqlRun =
        req.scope === 'selection' && req.selection ? req.sql.slice(Math.min(...req.selection), Math.max(...req.selection)) : req.sql;
      const remember = (entry: Pick<HistoryEntry, 'outcome' | 'statements' | 'rows'> & { sql?: string; error?: string }) =>
        history.record(req.connectionId, { sql: sqlRun, durationMs: performance.now() - started, readOnly: req.readOnly, ...entry });
      try {
        const result = await runIn(req);
        const failed = result.statements.find((s) => s.error);
        const rows = result.statements.reduce<number | null>(
          (sum, s) => (s.rowsAffected === null && !s.result ? sum : (sum ?? 0) + (s.rowsAffected ?? s.result?.rows.length ?? 0)),
          null,
        );
        remember({
          sql: result.statements.map((s) => s.sql).join(';\n') || sqlRun,
          outcome: failed?.error?.code === 'CANCELLED' ? 'cancelled' : failed ? 'failed' : 'succeeded',
          statements: result.statements.length,
          rows,
          ...(failed?.error ? { error: failed.error.message } : {}),
        });
        return result;
      } catch (err) {
        remember({ outcome: 'failed', statements: 0, rows: null, error: err instanceof Error ? err.message : String(err) });
        throw err;
      }
    },
    'query.fetchMore': async ({ connectionId, resultSetId, count }) => sessions.fetch(connectionId, resultSetId, count),
    'query.close': async ({ connectionId: _c, resultSetId }) => ({ closed: await sessions.close(resultSetId) }),
    'query.cancel': async ({ connectionId, runId }) => ({ cancelled: await sessions.cancel(connectionId, runId) }),
    'query.history': async ({ connectionId, search, limit }) => ({ entries: history.list(connectionId, search, limit) }),
    'query.completions': async ({ connectionId, ...req }) => ({
      items: await withCatalogRead(await deps.pools.get(connectionId), (c) => completions(c, req), CATALOG_LIMITS),
    }),
    'query.export': async ({ connectionId, sql, format, taskId }) => {
      const picked = await pickStatements({ sql, scope: 'all' });
      if (!Array.isArray(picked)) throw new RpcError('BAD_REQUEST', picked.error?.message ?? 'The SQL could not be parsed.');
      if (picked.length !== 1)
        throw new RpcError(
          'BAD_REQUEST',
          `Export runs exactly one statement; this text has ${picked.length}. Put the cursor in one statement or select it.`,
        );
      const [statement] = picked;
      return withCatalogRead(
        await deps.pools.get(connectionId),
        (c) =>
          streamExport(c, {
            dataDir: deps.dataDir,
            events: deps.events,
            registry: deps.exports,
            connectionId,
            taskId,
            label: 'query',
            format,
            text: statement!.text,
            values: [],
            expectedRows: null,
          }),
        { lockTimeoutMs: 10_000, statementTimeoutMs: 0 },
      );
    },
  };
}
