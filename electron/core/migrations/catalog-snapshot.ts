import type pg from 'pg';
import classesSql from '../sql/catalog/classes.sql?raw';
import columnsSql from '../sql/catalog/columns.sql?raw';
import constraintsSql from '../sql/catalog/constraints.sql?raw';
import eventTriggersSql from '../sql/catalog/event-triggers.sql?raw';
import extensionsSql from '../sql/catalog/extensions.sql?raw';
import functionsSql from '../sql/catalog/functions.sql?raw';
import indexesSql from '../sql/catalog/indexes.sql?raw';
import namespacesSql from '../sql/catalog/namespaces.sql?raw';
import policiesSql from '../sql/catalog/policies.sql?raw';
import rulesSql from '../sql/catalog/rules.sql?raw';
import sequencesSql from '../sql/catalog/sequences.sql?raw';
import triggersSql from '../sql/catalog/triggers.sql?raw';
import typesSql from '../sql/catalog/types.sql?raw';

/**
 * A normalized description of every non-system object of a database: no OIDs, no data, names
 * and definitions as PostgreSQL prints them. Two snapshots of the same schema are equal, so
 * "up then down leaves the catalog as it was" is a comparison. Used by the reversibility check
 * (verify) and the workbench's dry-run diff.
 */
const QUERIES = {
  schema: namespacesSql,
  relation: classesSql,
  column: columnsSql,
  constraint: constraintsSql,
  index: indexesSql,
  function: functionsSql,
  type: typesSql,
  extension: extensionsSql,
  trigger: triggersSql,
  policy: policiesSql,
  sequence: sequencesSql,
  rule: rulesSql,
  'event trigger': eventTriggersSql,
} as const;

export type CatalogObjectKind = keyof typeof QUERIES;
export const catalogObjectKinds = Object.keys(QUERIES) as CatalogObjectKind[];

export type ObjectAttributes = Record<string, unknown>;
export type CatalogSnapshot = Record<CatalogObjectKind, Record<string, ObjectAttributes>>;

export interface CatalogDifference {
  kind: CatalogObjectKind;
  /** The object's identity: `schema.table`, `schema.table.column`, `schema.fn(args)` … */
  object: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: which attribute, and its value before and after. */
  attribute?: string;
  before?: unknown;
  after?: unknown;
}

/** The console's own schema (history, audit log) is not part of the migrated schema. */
export const CONSOLE_SCHEMAS = ['ticketz_console'];

/** Reads all object kinds in one read-only snapshot, with catalog-read timeouts. */
export async function takeCatalogSnapshot(client: pg.ClientBase, options: { excludeSchemas?: string[] } = {}): Promise<CatalogSnapshot> {
  const exclude = options.excludeSchemas ?? CONSOLE_SCHEMAS;
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query("SET LOCAL statement_timeout = '30s'; SET LOCAL lock_timeout = '5s'");
    const snapshot = await readCatalogSnapshot(client, { excludeSchemas: exclude });
    await client.query('COMMIT');
    return snapshot;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * The snapshot queries alone, in whatever transaction the caller has open: the dry run reads the
 * catalog inside its own transaction, uncommitted changes included, before rolling it back.
 */
export async function readCatalogSnapshot(client: pg.ClientBase, options: { excludeSchemas?: string[] } = {}): Promise<CatalogSnapshot> {
  const exclude = options.excludeSchemas ?? CONSOLE_SCHEMAS;
  const snapshot = {} as CatalogSnapshot;
  for (const kind of catalogObjectKinds) {
    const { rows } = await client.query<{ id: string; attrs: ObjectAttributes }>(QUERIES[kind], [exclude]);
    snapshot[kind] = Object.fromEntries(rows.map((r) => [r.id, r.attrs]));
  }
  return snapshot;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed from `before` to `after`: objects added or removed, and attributes that differ. */
export function diffCatalogSnapshots(before: CatalogSnapshot, after: CatalogSnapshot): CatalogDifference[] {
  const differences: CatalogDifference[] = [];
  for (const kind of catalogObjectKinds) {
    const a = before[kind] ?? {};
    const b = after[kind] ?? {};
    for (const object of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const x = a[object];
      const y = b[object];
      if (!x) differences.push({ kind, object, change: 'added' });
      else if (!y) differences.push({ kind, object, change: 'removed' });
      else
        for (const attribute of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort())
          if (!same(x[attribute], y[attribute])) differences.push({ kind, object, change: 'changed', attribute, before: x[attribute] ?? null, after: y[attribute] ?? null });
    }
  }
  return differences;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** One line per difference, e.g. `column public.users.name: added` or `index public.i: definition "…" → "…"`. */
export function describeDifference(d: CatalogDifference): string {
  if (d.change !== 'changed') return `${d.kind} ${d.object}: ${d.change}`;
  return `${d.kind} ${d.object}: ${d.attribute} ${shown(d.before)} → ${shown(d.after)}`;
}
