import type pg from 'pg';
import type { Conflict, EditInfo, RowChange } from '../../../shared/contract/data-edit';
import { buildChangeStatements, ChangeError, type ChangeStatement } from '../../../shared/domain/data-changes';
import { quoteIdent, quoteQualified } from '../../../shared/domain/quote-ident';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { isPgDatabaseError, pgErrorBody } from '../db/pg-errors';
import { RAW_TEXT_TYPES } from '../db/raw-text';

export interface ApplyOutcome {
  applied: { inserted: number; updated: number; deleted: number };
  conflicts: Conflict[];
  stored: { index: number; row: Row }[];
}

type Row = Record<string, string | null>;

/** The statements for these changes, or a BAD_REQUEST that names the change at fault. */
export function plannedStatements(info: EditInfo, changes: readonly RowChange[]): ChangeStatement[] {
  try {
    return buildChangeStatements(info, changes);
  } catch (err) {
    if (err instanceof ChangeError)
      throw new RpcError('BAD_REQUEST', err.index === null ? err.message : `Change ${err.index + 1}: ${err.message}`);
    throw err;
  }
}

/** The row with this key as it is now, every column in its text form; null when it is gone. */
async function currentRow(client: pg.ClientBase, info: EditInfo, key: Row): Promise<Row | null> {
  // No casts: RAW_TEXT_TYPES hands over each value as the output function printed it, as the grid read it.
  const columns = info.columns.map((c) => quoteIdent(c.name)).join(', ');
  const where = info.key.map((name, i) => `${quoteIdent(name)} = $${i + 1}`).join(' AND ');
  const { rows } = await client.query<Row>({
    text: `SELECT /* ticketz-console */ ${columns} FROM ${quoteQualified(info.schema, info.table)} WHERE ${where}`,
    values: info.key.map((name) => key[name] ?? null),
    types: RAW_TEXT_TYPES,
  });
  return rows[0] ?? null;
}

function describeKey(key: Row): string {
  return Object.entries(key)
    .map(([k, v]) => `${k} = ${v ?? 'NULL'}`)
    .join(', ');
}

/**
 * Runs the staged changes in the caller's open transaction, in order. An update or delete that
 * matches no row is a conflict: the row changed (or went away) since it was read. Every conflict
 * is collected with the row as it is now, so the caller can roll back and show them all at once.
 * A statement the server rejects (a unique violation, a bad value) stops the run with its
 * Postgres fields, prefixed by which change it was.
 */
export async function runChanges(client: pg.ClientBase, info: EditInfo, changes: readonly RowChange[]): Promise<ApplyOutcome> {
  const statements = plannedStatements(info, changes);
  const applied = { inserted: 0, updated: 0, deleted: 0 };
  const conflicts: Conflict[] = [];
  const stored: ApplyOutcome['stored'] = [];
  for (const statement of statements) {
    const change = changes[statement.index]!;
    let count: number;
    try {
      const result = await client.query<Row>({ text: statement.text, values: statement.values, types: RAW_TEXT_TYPES });
      count = result.rowCount ?? 0;
      if (result.rows[0]) stored.push({ index: statement.index, row: result.rows[0] });
    } catch (err) {
      if (!isPgDatabaseError(err)) throw err;
      const body = pgErrorBody(err);
      const which = change.op === 'insert' ? 'the insert' : `the ${change.op} of ${describeKey(change.key)}`;
      throw new RpcError(body.code, `Change ${statement.index + 1} (${which}) failed, so nothing was applied: ${body.message}`, body.pg);
    }
    if (change.op === 'insert') {
      applied.inserted += count;
      continue;
    }
    if (count === 1) {
      if (change.op === 'update') applied.updated += 1;
      else applied.deleted += 1;
      continue;
    }
    const current = await currentRow(client, info, change.key);
    const differs = current ? Object.keys(change.original).filter((name) => current[name] !== change.original[name]) : [];
    conflicts.push({ index: statement.index, key: change.key, reason: current ? 'changed' : 'deleted', current, differs });
  }
  return conflicts.length ? { applied: { inserted: 0, updated: 0, deleted: 0 }, conflicts, stored: [] } : { applied, conflicts, stored };
}
