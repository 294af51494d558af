import type { DataFilter, DataQuery } from '../../../shared/contract/schema';
import { quoteIdent, quoteQualified } from '../../../shared/domain/quote-ident';
import { RpcError } from '../../../shared/rpc/rpc-error';

/** A column as the catalog describes it; names and types never come from the user's text. */
export interface DataColumn {
  name: string;
  /** format_type() output, used for casts of bound values. */
  type: string;
  notNull: boolean;
}

export interface DataSource {
  schema: string;
  name: string;
  columns: DataColumn[];
  /** Primary-key columns in key order; empty when there is none. */
  primaryKey: string[];
  /** Plain tables have a ctid that orders a heap scan; partitioned tables and views do not. */
  hasCtid: boolean;
}

type Strategy = 'keyset' | 'ctid' | 'offset';

interface OrderKey {
  column: DataColumn;
  index: number;
  descending: boolean;
}

/** What the next page continues from; opaque to the client (JSON). */
type After = { s: 'keyset'; v: (string | null)[] } | { s: 'ctid'; c: string } | { s: 'offset'; o: number };

export interface PlannedPage {
  text: string;
  values: unknown[];
  strategy: Strategy;
  note: string | null;
  /** Builds the cursor for the page after the given last row (select-list order). */
  nextAfter(lastRow: (string | null)[]): string;
  /** The select list has one extra trailing column (ctid) that is not shown. */
  extraColumns: number;
}

/** Collects bound parameters and hands back their $n placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

function columnOf(source: DataSource, name: string): DataColumn {
  const column = source.columns.find((c) => c.name === name);
  if (!column)
    throw new RpcError(
      'BAD_REQUEST',
      `${source.schema}.${source.name} has no column "${name}" (it may have been dropped); refresh the page.`,
    );
  return column;
}

/** LIKE pattern text with the user's %, _ and \ taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(source: DataSource, filter: DataFilter, params: Params): string {
  const column = columnOf(source, filter.column);
  const col = quoteIdent(column.name);
  const value = filter.value ?? '';
  switch (filter.op) {
    case 'is null':
      return `${col} IS NULL`;
    case 'is not null':
      return `${col} IS NOT NULL`;
    case 'contains':
      return `${col}::text ILIKE ${params.add(`%${escapeLike(value)}%`)}`;
    case 'starts with':
      return `${col}::text LIKE ${params.add(`${escapeLike(value)}%`)}`;
    case 'like':
      return `${col}::text LIKE ${params.add(value)}`;
    case 'ilike':
      return `${col}::text ILIKE ${params.add(value)}`;
    case 'in': {
      const items = value.split(',').map((s) => s.trim());
      return `${col} = ANY (${params.add(items, `${column.type}[]`)})`;
    }
    default:
      // =, <>, <, <=, >, >= — from the contract's allowlist, compared in the column's own type.
      return `${col} ${filter.op} ${params.add(value, column.type)}`;
  }
}

function whereOf(source: DataSource, query: Pick<DataQuery, 'filters' | 'combine'>, params: Params): string[] {
  if (!query.filters.length) return [];
  const parts = query.filters.map((f) => `(${filterSql(source, f, params)})`);
  return [parts.length === 1 ? parts[0]! : `(${parts.join(query.combine === 'or' ? ' OR ' : ' AND ')})`];
}

/** FROM and WHERE for counts and exports: the same filter the grid shows. */
export function filteredFrom(
  source: DataSource,
  query: Pick<DataQuery, 'filters' | 'combine'>,
): { from: string; where: string; values: unknown[] } {
  const params = new Params();
  const where = whereOf(source, query, params);
  return {
    from: quoteQualified(source.schema, source.name),
    where: where.length ? `WHERE ${where.join(' AND ')}` : '',
    values: params.values,
  };
}

/** ORDER BY for exports (no paging): the user's sort, else the primary key. */
export function orderByOf(source: DataSource, query: Pick<DataQuery, 'sort'>): string {
  const keys = orderKeys(source, query);
  if (!keys.length) return '';
  return `ORDER BY ${keys.map((k) => `${quoteIdent(k.column.name)} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`).join(', ')}`;
}

function orderKeys(source: DataSource, query: Pick<DataQuery, 'sort'>): OrderKey[] {
  const key = (name: string, descending: boolean): OrderKey => {
    const column = columnOf(source, name);
    return { column, index: source.columns.indexOf(column), descending };
  };
  const keys: OrderKey[] = [];
  if (query.sort) keys.push(key(query.sort.column, query.sort.direction === 'desc'));
  for (const pk of source.primaryKey) if (!keys.some((k) => k.column.name === pk)) keys.push(key(pk, false));
  return keys;
}

/**
 * "Rows after the last one" for ORDER BY k1, k2, … NULLS LAST, as a lexicographic disjunction:
 * (k1 after v1) OR (k1 = v1 AND k2 after v2) OR …, where NULL sorts last, so nothing non-null
 * comes after a NULL and "= NULL" is IS NULL. With no nullable key and one direction it is the
 * row comparison (k1, k2) > (v1, v2), which a B-tree index serves directly.
 */
function keysetCondition(keys: OrderKey[], last: (string | null)[], params: Params): string {
  const allNotNull = keys.every((k, i) => k.column.notNull && last[i] !== null);
  const sameDirection = keys.every((k) => k.descending === keys[0]!.descending);
  if (allNotNull && sameDirection) {
    const cols = keys.map((k) => quoteIdent(k.column.name)).join(', ');
    const vals = keys.map((k, i) => params.add(last[i], k.column.type)).join(', ');
    return keys.length === 1
      ? `${cols} ${keys[0]!.descending ? '<' : '>'} ${vals}`
      : `(${cols}) ${keys[0]!.descending ? '<' : '>'} (${vals})`;
  }
  const disjuncts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = last[i] ?? null;
    if (value === null) continue; // NULLS LAST: nothing sorts after NULL in this key
    const col = quoteIdent(key.column.name);
    const after = `${col} ${key.descending ? '<' : '>'} ${params.add(value, key.column.type)}${key.column.notNull ? '' : ` OR ${col} IS NULL`}`;
    const equal = keys.slice(0, i).map((k, j) => {
      const v = last[j] ?? null;
      return v === null ? `${quoteIdent(k.column.name)} IS NULL` : `${quoteIdent(k.column.name)} = ${params.add(v, k.column.type)}`;
    });
    disjuncts.push(`(${[...equal, `(${after})`].join(' AND ')})`);
  }
  return disjuncts.length ? `(${disjuncts.join(' OR ')})` : 'false';
}

function decodeAfter(after: string | undefined): After | undefined {
  if (after === undefined) return undefined;
  try {
    const parsed = JSON.parse(after) as After;
    if (parsed.s === 'keyset' && Array.isArray(parsed.v)) return parsed;
    if (parsed.s === 'ctid' && typeof parsed.c === 'string') return parsed;
    if (parsed.s === 'offset' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed;
  } catch {
    // fall through
  }
  throw new RpcError('BAD_REQUEST', 'The page cursor is not one this server gave out; reload the data.');
}

/**
 * One page of a table: keyset on the sort column plus the primary key when there is one;
 * without a key, by ctid (a heap-order scan, when not sorting) or by OFFSET, and it says so.
 */
export function planPage(source: DataSource, query: DataQuery, after: string | undefined, limit: number): PlannedPage {
  const params = new Params();
  const where = whereOf(source, query, params);
  const select = source.columns.map((c) => quoteIdent(c.name));
  const from = quoteQualified(source.schema, source.name);
  const cursor = decodeAfter(after);
  const keys = orderKeys(source, query);

  let strategy: Strategy;
  let note: string | null = null;
  if (source.primaryKey.length) strategy = 'keyset';
  else if (!query.sort && source.hasCtid) {
    strategy = 'ctid';
    note = 'This table has no primary key: pages follow the physical row order (ctid), so rows changed meanwhile may move.';
  } else {
    strategy = 'offset';
    note = source.hasCtid
      ? 'This table has no primary key, so a sorted view pages by OFFSET: later pages get slower, and rows may repeat or be skipped if the table changes.'
      : 'This relation has no primary key, so it pages by OFFSET: later pages get slower, and rows may repeat or be skipped if it changes.';
  }
  if (cursor && cursor.s !== strategy)
    throw new RpcError('BAD_REQUEST', 'The page cursor belongs to another sort or table; reload the data.');

  let order: string;
  let offset = '';
  if (strategy === 'keyset') {
    if (cursor?.s === 'keyset') where.push(keysetCondition(keys, cursor.v, params));
    order = orderByOf(source, query);
  } else if (strategy === 'ctid') {
    // Qualified: a bare "ctid" in ORDER BY would name the ctid::text output column and sort as text.
    select.push('page_source.ctid::text');
    if (cursor?.s === 'ctid') where.push(`page_source.ctid > ${params.add(cursor.c, 'tid')}`);
    order = 'ORDER BY page_source.ctid';
  } else {
    order = orderByOf(source, query);
    if (cursor?.s === 'offset') offset = ` OFFSET ${params.add(cursor.o, 'int8')}`;
  }
  const text = `SELECT ${select.join(', ')} FROM ${from}${strategy === 'ctid' ? ' AS page_source' : ''}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ${order} LIMIT ${params.add(limit + 1, 'int8')}${offset}`;

  const startOffset = cursor?.s === 'offset' ? cursor.o : 0;
  return {
    text,
    values: params.values,
    strategy,
    note,
    extraColumns: strategy === 'ctid' ? 1 : 0,
    nextAfter(lastRow) {
      if (strategy === 'keyset') return JSON.stringify({ s: 'keyset', v: keys.map((k) => lastRow[k.index] ?? null) } satisfies After);
      if (strategy === 'ctid') return JSON.stringify({ s: 'ctid', c: lastRow[lastRow.length - 1] ?? '(0,0)' } satisfies After);
      return JSON.stringify({ s: 'offset', o: startOffset + limit } satisfies After);
    },
  };
}
