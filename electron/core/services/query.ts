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
import { connectionPolicy, guardPolicy } from '../read-only/connection-policy';
import { auditRefusal } from '../read-only/refusal-audit';
import { guardStatement } from '../read-only/statement-guard';
import { typedNameRequired } from '../read-only/typed-confirmation';
import { QueryHistory } from '../store/query-history';
import { querySessionHandlers } from './query-sessions';

export function queryHandlers(deps: CoreDeps): HandlersFor<typeof queryContract> {
  const sessions = new EditorSessions(deps.pools);
  const pinned = new PinnedSessions(deps.pools, sessions, deps.audit);
  deps.pages.onGone((page) => void pinned.releaseOwner(page).catch(() => undefined));
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

  /** A refusal by the guard, or by PostgreSQL's READ ONLY transaction (25006), goes into the audit log. */
  const auditRefused = (connectionId: string, result: Awaited<ReturnType<typeof runIn>>) => {
    if (result.refused) auditRefusal(deps.audit, { connectionId, target: result.refused.target, reason: result.refused.reason });
    for (const s of result.statements)
      if (s.error?.pg?.sqlstate === '25006')
        auditRefusal(deps.audit, { connectionId, target: s.command ?? s.sql.slice(0, 80), reason: s.error.message });
  };

  return {
    ...querySessionHandlers(pinned, history, (connectionId) => connectionPolicy(deps.profiles, connectionId).readOnlyProfile),
    'query.run': async (input) => {
      const policy = connectionPolicy(deps.profiles, input.connectionId);
      const guard = guardPolicy(policy, input.readOnly);
      // A read-only profile runs read-only whatever the request says (the switch is locked in the UI too).
      const typedName = { required: typedNameRequired(deps.profiles, input.connectionId), typed: input.confirmDatabase };
      const req = { ...input, readOnly: guard.readOnly, guard, typedName };
      const started = performance.now();
      const sqlRun =
        req.scope === 'selection' && req.selection ? req.sql.slice(Math.min(...req.selection), Math.max(...req.selection)) : req.sql;
      const remember = (entry: Pick<HistoryEntry, 'outcome' | 'statements' | 'rows'> & { sql?: string; error?: string }) =>
        history.record(req.connectionId, { sql: sqlRun, durationMs: performance.now() - started, readOnly: req.readOnly, ...entry });
      try {
        const { refused, destructive, ...result } = await runIn(req);
        auditRefused(req.connectionId, { ...result, refused });
        // DROP/TRUNCATE confirmed by the typed name on production: each one into the audit log.
        for (const i of destructive ?? []) {
          const s = result.statements[i];
          if (!s) continue;
          await deps.audit
            .record(req.connectionId, {
              action: 'editor.destructive',
              target: s.command ?? 'statement',
              detail: s.sql.slice(0, 2000),
              outcome: s.error ? (s.error.code === 'CANCELLED' ? 'cancelled' : 'failed') : 'succeeded',
              durationMs: s.durationMs,
              ...(s.error ? { error: s.error.message } : {}),
            })
            .catch(() => undefined);
        }
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
      const refused = guardStatement(statement!, guardPolicy(connectionPolicy(deps.profiles, connectionId), true));
      if (refused) {
        auditRefusal(deps.audit, { connectionId, target: refused.target, reason: refused.reason });
        throw new RpcError('READ_ONLY', `${refused.target} refused; nothing was run. ${refused.reason}`);
      }
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
            // SELECT, VALUES, TABLE (not SELECT … INTO): what COPY (…) TO STDOUT accepts
            copyable: statement!.kind === 'SelectStmt' && !(statement!.node as { intoClause?: unknown }).intoClause,
          }),
        { lockTimeoutMs: 10_000, statementTimeoutMs: 0 },
      );
    },
  };
}
