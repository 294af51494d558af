import type pg from 'pg';
import Cursor from 'pg-cursor';
import type { StatementOutcome } from '../../../shared/contract/query';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { readBatch } from '../db/cursor-read';
import { RAW_TEXT_TYPES } from '../db/raw-text';
import { toErrorBody } from '../rpc/to-error-body';
import { guardScript, type GuardPolicy, type GuardRefusal } from '../read-only/statement-guard';
import { SqlParseError, splitSql, statementAt, type SqlStatement } from '../sql-parser';
import type { EditorSession, EditorSessions } from './editor-sessions';
import { codePointIndexToStringIndex } from './pg-position';
import type { PinnedRun } from './pinned-run';
import { resultSource } from './result-source';
import type { TypeNames } from './type-names';

type Row = (string | null)[];

export interface RunRequest {
  connectionId: string;
  runId: string;
  sql: string;
  scope: 'all' | 'cursor' | 'selection';
  cursor?: number | undefined;
  selection?: [number, number] | undefined;
  readOnly: boolean;
  statementTimeoutMs: number;
  pageSize: number;
  /** What the profile and the switch allow, checked on every statement before any is sent (default: the switch, no server files). */
  guard?: GuardPolicy;
  /** A production-labelled connection: DROP/TRUNCATE run only when `typed` is this database name. */
  typedName?: { required: string | undefined; typed: string | undefined };
}

/** Statements that destroy data or objects: on production they need the database name typed. */
const DESTRUCTIVE_KINDS = new Set(['DropStmt', 'TruncateStmt', 'DropdbStmt']);

export interface RunResult {
  runId: string;
  statements: StatementOutcome[];
  skipped: number;
  warning: string | null;
  /** Set when the guard refused the run (nothing was sent), for the audit log. */
  refused?: GuardRefusal;
  /** Indexes (into `statements`) of the DROP/TRUNCATE statements run after the name was typed, for the audit log. */
  destructive?: number[];
}

/** The statements a run covers, with offsets into the whole text; a parse error becomes an outcome. */
export async function pickStatements(
  req: Pick<RunRequest, 'sql' | 'scope' | 'cursor' | 'selection'>,
): Promise<SqlStatement[] | StatementOutcome> {
  let base = 0;
  let text = req.sql;
  if (req.scope === 'selection') {
    const [from, to] = req.selection ?? [0, req.sql.length];
    base = Math.min(from, to);
    text = req.sql.slice(base, Math.max(from, to));
  }
  let statements: SqlStatement[];
  try {
    statements = (await splitSql(text)).map((s) => ({ ...s, start: s.start + base, end: s.end + base }));
  } catch (err) {
    if (!(err instanceof SqlParseError)) throw err;
    const message = err.message.replace(/ \(line \d+, column \d+\)$/, '');
    return outcome(0, text.trim(), base, base + text.length, {
      error: {
        code: 'PG_ERROR',
        message: `The SQL could not be parsed: ${message}. Fix the text at the underlined position.`,
        textIndex: base + err.index,
      },
    });
  }
  if (req.scope === 'cursor') {
    const at = statementAt(statements, req.cursor ?? 0);
    return at ? [at] : [];
  }
  return statements;
}

function outcome(index: number, sql: string, start: number, end: number, extra: Partial<StatementOutcome>): StatementOutcome {
  return { index, sql, start, end, command: null, rowsAffected: null, durationMs: 0, result: null, error: null, notices: [], ...extra };
}

/** Why a statement cannot run through the editor's cursor, or undefined when it can. */
function refusal(statement: SqlStatement, readOnly: boolean, pinned: boolean): string | undefined {
  if (statement.kind === 'CopyStmt' && !(statement.node as { filename?: unknown }).filename)
    return 'COPY to or from the client (STDIN/STDOUT) is not supported in the editor. Use the table’s Export, psql’s \\copy, or COPY with a server file.';
  // Manual mode keeps its transaction across runs: its own rules apply (PinnedRun.before).
  if (readOnly && statement.transactionControl && !pinned)
    return 'Read-only mode runs everything inside BEGIN READ ONLY, so BEGIN/COMMIT/ROLLBACK in the script would end it. Remove them or turn read-only off.';
  return undefined;
}

/**
 * Runs the statements in order on one session. Each result streams through a server-side cursor
 * (pg-cursor): the first page is read at once; the last result set stays open for query.fetchMore,
 * earlier ones keep their first page (the session must move on). Stops at the first error.
 * With `pinned` (Manual mode) the session is the tab's own and its transaction outlives the run.
 */
export async function runScript(
  pool: pg.Pool,
  sessions: EditorSessions,
  typeNames: TypeNames,
  req: RunRequest,
  pinned?: PinnedRun,
): Promise<RunResult> {
  const picked = await pickStatements(req);
  if (!Array.isArray(picked)) return { runId: req.runId, statements: [picked], skipped: 0, warning: null };
  if (!picked.length) throw new RpcError('BAD_REQUEST', 'There is no statement to run here: the text is empty or only comments.');
  const guard = req.guard ?? { readOnly: req.readOnly, serverFiles: false };
  const blocked = guardScript(picked, guard);
  if (blocked) {
    const statement = picked[blocked.index]!;
    const at = Math.max(statement.start, req.sql.indexOf(statement.text, statement.start));
    const message = `${blocked.refusal.target} refused; nothing was run. ${blocked.refusal.reason}`;
    const code = guard.readOnly ? 'READ_ONLY' : 'BAD_REQUEST';
    return {
      runId: req.runId,
      statements: [outcome(blocked.index, statement.text, at, statement.end, { error: { code, message, textIndex: at } })],
      skipped: picked.length - 1,
      warning: null,
      refused: blocked.refusal,
    };
  }
  const destructiveAt = picked.flatMap((s, i) => (DESTRUCTIVE_KINDS.has(s.kind) ? [i] : []));
  const required = req.typedName?.required;
  if (destructiveAt.length && required !== undefined && req.typedName?.typed !== required) {
    const statement = picked[destructiveAt[0]!]!;
    const at = Math.max(statement.start, req.sql.indexOf(statement.text, statement.start));
    const message = `${commandOf(statement.kind)} on a production connection: type the database name “${required}” to confirm. Nothing was run.`;
    return {
      runId: req.runId,
      statements: [
        outcome(destructiveAt[0]!, statement.text, at, statement.end, { error: { code: 'CONFIRMATION_REQUIRED', message, textIndex: at } }),
      ],
      skipped: picked.length - 1,
      warning: null,
    };
  }

  const session = pinned ? await pinned.begin(sessions, req.runId) : await sessions.begin(req.connectionId, req.runId, req.readOnly);
  const outcomes: StatementOutcome[] = [];
  let keep: Cursor<Row> | undefined;
  let keptIndex = -1;
  let warning: string | null = null;
  try {
    if (pinned) await pinned.prepare(req.statementTimeoutMs);
    else {
      if (req.readOnly) await session.client.query('BEGIN READ ONLY');
      if (req.statementTimeoutMs > 0)
        await session.client.query(`SET ${req.readOnly ? 'LOCAL ' : ''}statement_timeout = ${Math.trunc(req.statementTimeoutMs)}`);
    }

    for (const [index, statement] of picked.entries()) {
      if (session.cancelled) break;
      const textStart = req.sql.indexOf(statement.text, statement.start);
      const start = textStart >= 0 ? textStart : statement.start;
      const refused = refusal(statement, req.readOnly, pinned !== undefined) ?? (await pinned?.before(statement));
      if (refused) {
        outcomes.push(
          outcome(index, statement.text, start, statement.end, { error: { code: 'BAD_REQUEST', message: refused, textIndex: start } }),
        );
        break;
      }
      const isLast = index === picked.length - 1;
      const { result, cursor, fields } = await runStatement(session, statement.text, index, start, statement.end, req.pageSize);
      const stmtOutcome = result;
      // The command tag PostgreSQL sent, before the parse-tree fallback below (COMMIT may answer ROLLBACK).
      const tag = stmtOutcome.command;
      // A statement still streaming has no command tag yet: name it from its parse tree.
      if (!stmtOutcome.error) stmtOutcome.command ??= commandOf(statement.kind);
      if (stmtOutcome.result && stmtOutcome.result.hasMore) {
        if (isLast && cursor) {
          keep = cursor;
          keptIndex = outcomes.length;
        } else {
          await cursor?.close().catch(() => undefined);
          stmtOutcome.result.hasMore = false;
          stmtOutcome.result.truncated = true;
        }
      }
      await pinned?.after({ ...stmtOutcome, command: tag }, keep !== undefined);
      if (stmtOutcome.result) {
        const names = await typeNames.resolve(
          pool,
          stmtOutcome.result.columns.map((c) => Number(c.type)),
        );
        stmtOutcome.result.columns = stmtOutcome.result.columns.map((c) => ({ name: c.name, type: names.get(Number(c.type)) ?? c.type }));
        stmtOutcome.result.source = await resultSource(pool, fields);
      }
      outcomes.push(stmtOutcome);
      if (stmtOutcome.error) break;
    }
  } catch (err) {
    // A failure outside a statement (BEGIN, SET, a lost connection): nothing kept open.
    await keep?.close().catch(() => undefined);
    await sessions.release(session);
    throw err;
  }

  if (keep) {
    const kept = outcomes[keptIndex];
    if (kept?.result) kept.result.id = sessions.keepOpen(session, keep);
  } else {
    warning = await sessions.release(session);
  }
  await pinned?.finish();
  const destructive = required !== undefined ? destructiveAt.filter((i) => i < outcomes.length) : [];
  return { runId: req.runId, statements: outcomes, skipped: picked.length - outcomes.length, warning, destructive };
}

/** 'SelectStmt' → 'SELECT', 'CreateTableAsStmt' → 'CREATE TABLE AS'. */
export function commandOf(kind: string): string {
  return kind
    .replace(/Stmt$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}

async function runStatement(
  session: EditorSession,
  text: string,
  index: number,
  start: number,
  end: number,
  pageSize: number,
): Promise<{ result: StatementOutcome; cursor: Cursor<Row> | undefined; fields: pg.FieldDef[] }> {
  const notices: string[] = [];
  const onNotice = (msg: { severity?: string; message?: string }) => notices.push(`${msg.severity ?? 'NOTICE'}: ${msg.message ?? ''}`);
  session.client.on('notice', onNotice);
  const started = performance.now();
  const cursor = session.client.query(new Cursor<Row>(text, [], { rowMode: 'array', types: RAW_TEXT_TYPES }));
  session.busy = true;
  try {
    const batch = await readBatch(cursor, pageSize);
    const durationMs = performance.now() - started;
    const returnsRows = batch.fields.length > 0;
    const complete = batch.command !== null;
    return {
      result: outcome(index, text, start, end, {
        command: batch.command,
        rowsAffected: complete ? batch.rowCount : null,
        durationMs,
        notices,
        // Column types travel as oids here; runScript swaps in their names.
        result: returnsRows
          ? {
              id: null,
              columns: batch.fields.map((f) => ({ name: f.name, type: String(f.dataTypeID) })),
              rows: batch.rows,
              hasMore: !complete,
              truncated: false,
              source: null,
            }
          : null,
      }),
      cursor: complete ? undefined : cursor,
      fields: batch.fields,
    };
  } catch (err) {
    const body = toErrorBody(err);
    const position = body.pg?.position;
    return {
      result: outcome(index, text, start, end, {
        durationMs: performance.now() - started,
        notices,
        error: { ...body, ...(position !== undefined ? { textIndex: start + codePointIndexToStringIndex(text, position) } : {}) },
      }),
      cursor: undefined,
      fields: [],
    };
  } finally {
    session.busy = false;
    session.client.off('notice', onNotice);
  }
}
