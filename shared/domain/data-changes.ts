/**
 * Staged grid edits as SQL: the one builder both the renderer ("Review SQL") and the core (Commit)
 * call, so the statements a user reviews are exactly the statements that run. Every value is a
 * bound parameter, every name goes through quoteIdent.
 *
 * Optimistic concurrency: an UPDATE or DELETE matches the key and every column as it was read, in
 * the text form the grid received: `format('%s', col)` calls the type's output function, which is
 * what the grid was sent (a plain `::text` cast is not: bool casts to 'true' where it prints 't',
 * and character(n) drops its padding), and it also works for types without an equality operator
 * such as json or point. Under READ COMMITTED a row changed by a
 * concurrent commit is re-checked against that condition (EvalPlanQual), so it matches no row and
 * the change is reported as a conflict instead of overwriting someone else's edit.
 */
import type { CellInput, EditInfo, RowChange } from '../contract/data-edit';
import { quoteIdent, quoteQualified } from './quote-ident';

export interface ChangeStatement {
  /** Index of the change in the staged list. */
  index: number;
  op: RowChange['op'];
  text: string;
  /** Bound in order as $1, $2 …; bytes travel as base64 text and are decoded by the statement. */
  values: (string | null)[];
}

export class ChangeError extends Error {
  constructor(
    message: string,
    readonly index: number | null = null,
  ) {
    super(message);
    this.name = 'ChangeError';
  }
}

/** The column's value as Postgres prints it; format() turns NULL into '', so NULL is kept apart. */
function asPrinted(column: string): string {
  return `(CASE WHEN ${column} IS NULL THEN NULL ELSE pg_catalog.format('%s', ${column}) END)`;
}

/** Inserted and updated rows come back as stored (defaults, generated columns, jsonb as normalised). */
const RETURNING = 'RETURNING *';

type Target = Pick<EditInfo, 'schema' | 'table' | 'key' | 'columns' | 'notEditableReason'>;

class Params {
  readonly values: (string | null)[] = [];
  add(value: string | null): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** A value to write: bytes from a file are decoded in the statement. */
  input(value: CellInput): string {
    if (value !== null && typeof value === 'object') return `pg_catalog.decode(${this.add(value.base64)}, 'base64')`;
    return this.add(value);
  }
}

export function buildChangeStatements(target: Target, changes: readonly RowChange[]): ChangeStatement[] {
  if (target.notEditableReason) throw new ChangeError(target.notEditableReason);
  if (target.key.length === 0)
    throw new ChangeError(`${target.schema}.${target.table} has no primary key or unique key over NOT NULL columns.`);
  const byName = new Map(target.columns.map((c) => [c.name, c]));
  const relation = quoteQualified(target.schema, target.table);

  const writable = (index: number, names: string[]) => {
    for (const name of names) {
      const column = byName.get(name);
      if (!column) throw new ChangeError(`Column ${name} is not a column of ${target.schema}.${target.table}.`, index);
      if (column.readOnlyReason) throw new ChangeError(`Column ${name} cannot be written: ${column.readOnlyReason}.`, index);
    }
  };

  const match = (index: number, change: RowChange, params: Params) => {
    const conditions: string[] = [];
    for (const name of target.key) {
      const value = change.key[name];
      if (value === undefined || value === null) throw new ChangeError(`The row's key column ${name} is missing.`, index);
      conditions.push(`${quoteIdent(name)} = ${params.add(value)}`);
    }
    for (const [name, value] of Object.entries(change.original)) {
      if (target.key.includes(name)) continue;
      if (!byName.has(name)) throw new ChangeError(`Column ${name} is not a column of ${target.schema}.${target.table}.`, index);
      conditions.push(`${asPrinted(quoteIdent(name))} IS NOT DISTINCT FROM ${params.add(value)}::text`);
    }
    return conditions.join('\n  AND ');
  };

  return changes.map((change, index) => {
    const params = new Params();
    const names = Object.keys(change.values);
    if (change.op === 'insert') {
      writable(index, names);
      const text = names.length
        ? `INSERT INTO ${relation} (${names.map(quoteIdent).join(', ')})\nVALUES (${names.map((n) => params.input(change.values[n]!)).join(', ')})`
        : `INSERT INTO ${relation} DEFAULT VALUES`;
      return { index, op: change.op, text: `${text}\n${RETURNING}`, values: params.values };
    }
    if (change.op === 'update') {
      if (!names.length) throw new ChangeError('An update must change at least one column.', index);
      writable(index, names);
      const unread = names.filter((n) => !(n in change.original));
      if (unread.length)
        throw new ChangeError(`The value as read of ${unread.join(', ')} is missing, so a concurrent change could not be noticed.`, index);
      const sets = names.map((n) => `${quoteIdent(n)} = ${params.input(change.values[n]!)}`).join(',\n    ');
      return {
        index,
        op: change.op,
        text: `UPDATE ${relation}\nSET ${sets}\nWHERE ${match(index, change, params)}\n${RETURNING}`,
        values: params.values,
      };
    }
    return { index, op: change.op, text: `DELETE FROM ${relation}\nWHERE ${match(index, change, params)}`, values: params.values };
  });
}

/** The statements as a reviewable script: each with its parameters listed under it. */
export function changeScript(statements: readonly ChangeStatement[]): string {
  const parts = statements.map((s) => {
    const params = s.values.map(
      (v, i) => `--   $${i + 1} = ${v === null ? 'NULL' : JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v)}`,
    );
    return [`${s.text};`, ...(params.length ? ['-- parameters:', ...params] : [])].join('\n');
  });
  return ['BEGIN;', ...parts, 'COMMIT;'].join('\n\n');
}
