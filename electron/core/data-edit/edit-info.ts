import type pg from 'pg';
import type { EditColumn, EditInfo, EditKind } from '../../../shared/contract/data-edit';
import { resolveRelation } from '../catalog/describe-table';
import editColumnsSql from '../sql/data-edit/edit-columns.sql?raw';
import editKeySql from '../sql/data-edit/edit-key.sql?raw';

interface EditColumnRow {
  name: string;
  type: string;
  base_type: string;
  base_typtype: string;
  base_category: string;
  enum_labels: string[];
  nullable: boolean;
  has_default: boolean;
  generated: string;
  identity: string;
  ref_schema: string | null;
  ref_table: string | null;
  ref_column: string | null;
}

/** Changes of more rows than this on a production-labelled connection ask for the database name. */
export const PRODUCTION_CONFIRM_ABOVE = 10;

const KIND_BY_BASE_TYPE: Record<string, EditKind> = {
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  name: 'text',
  citext: 'text',
  int2: 'integer',
  int4: 'integer',
  int8: 'integer',
  numeric: 'numeric',
  float4: 'numeric',
  float8: 'numeric',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  json: 'json',
  jsonb: 'json',
  bytea: 'bytea',
};

/** The editor a column gets; arrays and every other type are edited as Postgres text, which the server checks. */
export function editKindOf(row: Pick<EditColumnRow, 'base_type' | 'base_typtype' | 'base_category'>): EditKind {
  if (row.base_category === 'A') return 'other';
  if (row.base_typtype === 'e') return 'enum';
  return KIND_BY_BASE_TYPE[row.base_type] ?? 'other';
}

function readOnlyReason(row: EditColumnRow): string | null {
  if (row.generated !== '') return 'a generated column (Postgres computes it)';
  if (row.identity === 'a') return 'an identity column GENERATED ALWAYS (Postgres assigns it)';
  if (row.identity === 'd') return 'an identity column (Postgres assigns it; change it with SQL if you must)';
  return null;
}

const NOT_EDITABLE: Record<string, string> = {
  v: 'is a view: edit the rows of its table instead',
  m: 'is a materialized view: its rows come from its query (refresh it instead)',
  f: 'is a foreign table: edit the rows on the server that holds them',
};

export interface EditProfile {
  production: boolean;
  readOnly: boolean;
}

export async function readEditInfo(client: pg.ClientBase, schema: string, table: string, profile: EditProfile): Promise<EditInfo> {
  const header = await resolveRelation(client, schema, table, ['r', 'p', 'v', 'm', 'f']);
  const [columns, key, db] = [
    (await client.query<EditColumnRow>(editColumnsSql, [header.oid])).rows,
    (await client.query<{ source: 'primary key' | 'unique index'; columns: string[] }>(editKeySql, [header.oid])).rows[0],
    (await client.query<{ database: string }>('SELECT /* ticketz-console */ pg_catalog.current_database() AS database')).rows[0],
  ];
  const kindReason = NOT_EDITABLE[header.relkind];
  const notEditableReason = kindReason
    ? `${schema}.${table} ${kindReason}.`
    : key
      ? null
      : `${schema}.${table} has no primary key and no unique index over NOT NULL columns, so a row cannot be named exactly: add a primary key to edit it here.`;
  return {
    schema,
    table,
    key: kindReason ? [] : (key?.columns ?? []),
    keySource: kindReason ? null : (key?.source ?? null),
    notEditableReason,
    columns: columns.map((c): EditColumn => ({
      name: c.name,
      type: c.type,
      kind: editKindOf(c),
      jsonb: c.base_type === 'jsonb',
      enumLabels: c.enum_labels,
      nullable: c.nullable,
      hasDefault: c.has_default || c.identity !== '' || c.generated !== '',
      readOnlyReason: readOnlyReason(c),
      references: c.ref_schema && c.ref_table && c.ref_column ? { schema: c.ref_schema, table: c.ref_table, column: c.ref_column } : null,
    })),
    database: db?.database ?? '',
    confirmAbove: profile.production ? PRODUCTION_CONFIRM_ABOVE : null,
    readOnlyConnection: profile.readOnly,
  };
}
