import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ExplainResult } from '../../../shared/contract/insights';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { guardStatement, type GuardPolicy, type GuardRefusal } from '../read-only/statement-guard';
import { splitSql, SqlParseError, type AstNode, type SqlStatement } from '../sql-parser';
import { flattenPlan, hottestFirst, type RawPlan } from './plan-tree';

/** Statements EXPLAIN accepts (https://www.postgresql.org/docs/current/sql-explain.html). */
const EXPLAINABLE = new Set([
  'SelectStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'CreateTableAsStmt',
  'ExecuteStmt',
  'DeclareCursorStmt',
]);

/** The highest $n in a parse tree (0 when none): normalized pg_stat_statements text has them. */
export function maxParamNumber(node: unknown): number {
  if (Array.isArray(node)) return node.reduce<number>((m, x) => Math.max(m, maxParamNumber(x)), 0);
  if (node === null || typeof node !== 'object') return 0;
  let max = 0;
  for (const [key, value] of Object.entries(node as AstNode)) {
    if (key === 'ParamRef' && value && typeof value === 'object') max = Math.max(max, Number((value as { number?: number }).number ?? 0));
    else max = Math.max(max, maxParamNumber(value));
  }
  return max;
}

/** One explainable statement, or a clear refusal. */
export async function checkExplainable(sql: string): Promise<{ text: string; params: number; statement: SqlStatement }> {
  let statements;
  try {
    statements = await splitSql(sql);
  } catch (err) {
    if (err instanceof SqlParseError) throw new RpcError('BAD_REQUEST', `The statement does not parse: ${err.message}`);
    throw err;
  }
  if (statements.length !== 1)
    throw new RpcError(
      'BAD_REQUEST',
      `EXPLAIN takes exactly one statement; this text has ${statements.length}. Select the one to explain.`,
    );
  const stmt = statements[0]!;
  if (stmt.kind === 'ExplainStmt') throw new RpcError('BAD_REQUEST', 'Write the statement without EXPLAIN; the console adds it.');
  if (!EXPLAINABLE.has(stmt.kind))
    throw new RpcError(
      'BAD_REQUEST',
      `EXPLAIN works on SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, EXECUTE and CREATE TABLE AS — not on ${stmt.kind}.`,
    );
  return { text: stmt.text, params: maxParamNumber(stmt.node), statement: stmt };
}

/**
 * EXPLAIN (FORMAT JSON), inside a transaction that is always rolled back, so EXPLAIN ANALYZE of an
 * INSERT/UPDATE/DELETE changes nothing (sequences advance, as they never roll back).
 * Statements with $n parameters (from pg_stat_statements) are PREPAREd and explained as a generic
 * plan (plan_cache_mode = force_generic_plan, PostgreSQL 12+), so no values are needed; running them
 * with ANALYZE would need real values.
 */
export async function explainStatement(
  client: pg.ClientBase,
  sql: string,
  analyze: boolean,
  guard: { policy: GuardPolicy; onRefused: (refusal: GuardRefusal) => void } = {
    policy: { readOnly: false, serverFiles: false },
    onRefused: () => {},
  },
): Promise<ExplainResult> {
  const { text, params, statement } = await checkExplainable(sql);
  // ANALYZE runs the statement: a read-only profile gets the editor's checks and a READ ONLY transaction.
  const refused = guardStatement(statement, guard.policy);
  if (refused) {
    guard.onRefused(refused);
    throw new RpcError(
      guard.policy.readOnly ? 'READ_ONLY' : 'BAD_REQUEST',
      `${refused.target} refused; nothing was run. ${refused.reason}`,
    );
  }
  if (analyze && params > 0)
    throw new RpcError(
      'BAD_REQUEST',
      `EXPLAIN ANALYZE runs the statement, so its ${params} parameter(s) ($1…) need real values. Replace them in the editor, or run plain EXPLAIN for the generic plan.`,
    );
  const options = analyze ? '(ANALYZE, BUFFERS, FORMAT JSON)' : '(FORMAT JSON)';
  const prepared = `ticketz_explain_${randomBytes(6).toString('hex')}`;
  await client.query(guard.policy.readOnly ? 'BEGIN /* ticketz-console */ READ ONLY' : 'BEGIN /* ticketz-console */');
  try {
    let json: unknown;
    if (params > 0) {
      await client.query(`PREPARE ${prepared} AS ${text}`);
      await client.query(`SET /* ticketz-console */ LOCAL plan_cache_mode = force_generic_plan`);
      const args = Array.from({ length: params }, () => 'NULL').join(', ');
      json = (await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN ${options} EXECUTE ${prepared}(${args})`)).rows[0]?.['QUERY PLAN'];
    } else {
      json = (await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN ${options} ${text}`)).rows[0]?.['QUERY PLAN'];
    }
    return toExplainResult(json, analyze, params > 0);
  } finally {
    await client.query('ROLLBACK /* ticketz-console */').catch(() => undefined);
    // PREPARE is not transactional: the name would outlive the rollback on this pooled session.
    if (params > 0) await client.query(`DEALLOCATE ${prepared}`).catch(() => undefined);
  }
}

export function toExplainResult(json: unknown, analyzed: boolean, genericPlan: boolean): ExplainResult {
  const parsed = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  const top = (Array.isArray(parsed) ? parsed[0] : parsed) as
    { Plan?: RawPlan; 'Planning Time'?: number; 'Execution Time'?: number } | undefined;
  if (!top?.Plan) throw new RpcError('INTERNAL', 'EXPLAIN returned no plan.');
  const nodes = flattenPlan(top.Plan);
  return {
    analyzed,
    rolledBack: true,
    genericPlan,
    nodes,
    hottest: hottestFirst(nodes),
    planningMs: top['Planning Time'] ?? null,
    executionMs: top['Execution Time'] ?? null,
    rawJson: JSON.stringify(parsed, null, 2),
  };
}
