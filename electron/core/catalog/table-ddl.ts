import { quoteIdentIfNeeded, quoteLiteral, quoteQualifiedIfNeeded } from '../../../shared/domain/quote-ident';
import type { TableCatalog } from './describe-table';

/**
 * CREATE TABLE … rebuilt from the catalog, in the order pg_dump would restore it: the table with
 * its columns and local constraints (NOT NULL stays on the column), then indexes that back no
 * constraint, row security and policies, triggers, comments and the owner. Partitions are written
 * as PARTITION OF their parent; inherited constraints and indexes come from the parent's DDL.
 */
export function tableDdl(schema: string, name: string, cat: TableCatalog): string {
  const table = quoteQualifiedIfNeeded(schema, name);
  const h = cat.header;
  const out: string[] = [];

  const constraintLines = cat.constraints
    .filter((c) => c.is_local && c.type !== 'n')
    .map((c) => `    CONSTRAINT ${quoteIdentIfNeeded(c.name)} ${c.definition}`);
  const partitionBy = h.relkind === 'p' && h.partition_key ? ` PARTITION BY ${h.partition_key}` : '';
  const create = h.relkind === 'f' ? 'CREATE FOREIGN TABLE' : h.persistence === 'u' ? 'CREATE UNLOGGED TABLE' : 'CREATE TABLE';

  if (h.is_partition && h.parent_schema && h.parent_name) {
    const body = constraintLines.length ? ` (\n${constraintLines.join(',\n')}\n)` : '';
    out.push(
      `${create} ${table} PARTITION OF ${quoteQualifiedIfNeeded(h.parent_schema, h.parent_name)}${body}\n    ${h.partition_bound ?? 'DEFAULT'}${partitionBy};`,
    );
  } else {
    // With INHERITS, inherited columns come from the parents; only local ones are written.
    const columns = h.inherits.length ? cat.columns.filter((c) => c.is_local) : cat.columns;
    const columnLines = columns.map((c) => `    ${columnDefinition(c)}`);
    const inherits = h.inherits.length ? ` INHERITS (${h.inherits.join(', ')})` : '';
    out.push(`${create} ${table} (\n${[...columnLines, ...constraintLines].join(',\n')}\n)${inherits}${partitionBy};`);
    if (h.relkind === 'f') out.push('-- The foreign server and its options are not shown here.');
  }

  for (const index of cat.indexes) {
    if (index.constraint === null && !index.is_inherited) out.push(`${index.definition};`);
  }

  if (h.row_security) out.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`);
  if (h.force_row_security) out.push(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`);
  for (const p of cat.policies) {
    const roles = p.roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteIdentIfNeeded(r))).join(', ');
    const parts = [`CREATE POLICY ${quoteIdentIfNeeded(p.name)} ON ${table}`];
    if (!p.permissive) parts.push('AS RESTRICTIVE');
    parts.push(`FOR ${p.command}`, `TO ${roles}`);
    if (p.using !== null) parts.push(`USING (${p.using})`);
    if (p.with_check !== null) parts.push(`WITH CHECK (${p.with_check})`);
    out.push(`${parts.join('\n    ')};`);
  }

  for (const t of cat.triggers) {
    out.push(`${t.definition};`);
    if (t.enabled === 'D') out.push(`ALTER TABLE ${table} DISABLE TRIGGER ${quoteIdentIfNeeded(t.name)};`);
    if (t.enabled === 'A') out.push(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${quoteIdentIfNeeded(t.name)};`);
    if (t.enabled === 'R') out.push(`ALTER TABLE ${table} ENABLE REPLICA TRIGGER ${quoteIdentIfNeeded(t.name)};`);
  }

  const kindWord = h.relkind === 'f' ? 'FOREIGN TABLE' : 'TABLE';
  if (h.comment !== null) out.push(`COMMENT ON ${kindWord} ${table} IS ${quoteLiteral(h.comment)};`);
  for (const c of cat.columns) {
    if (c.comment !== null) out.push(`COMMENT ON COLUMN ${table}.${quoteIdentIfNeeded(c.name)} IS ${quoteLiteral(c.comment)};`);
  }
  out.push(`ALTER ${kindWord} ${table} OWNER TO ${quoteIdentIfNeeded(h.owner)};`);
  return `${out.join('\n\n')}\n`;
}

function columnDefinition(c: TableCatalog['columns'][number]): string {
  const parts = [quoteIdentIfNeeded(c.name), c.type];
  if (c.collation) parts.push(`COLLATE ${quoteIdentIfNeeded(c.collation)}`);
  if (c.identity) parts.push(`GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
  if (c.generated !== null) parts.push(`GENERATED ALWAYS AS (${c.generated})${c.generated_kind === 'v' ? ' VIRTUAL' : ' STORED'}`);
  if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (c.not_null) parts.push('NOT NULL');
  return parts.join(' ');
}
