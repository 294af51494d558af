import type { TypeName } from 'libpg-query';
import { typeInfo, type QualifiedName } from '../../sql-parser/ast';

/**
 * Renders names and types back into SQL for the safe rewrites a finding suggests. Identifiers stay
 * bare when PostgreSQL would fold them to the same name (lower case, not a reserved key word,
 * manual 4.1.1), else they are double-quoted.
 * TODO(lead): switch to shared/domain/quote-ident.ts (quoteIdentIfNeeded) once it is on main.
 */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from ' +
    'full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime ' +
    'localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning right ' +
    'select session_user similar some symmetric system_user table tablesample then to trailing true union unique user using ' +
    'variadic verbose when where window with'
  ).split(' '),
);

export function ident(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(name: QualifiedName): string {
  return name.schema ? `${ident(name.schema)}.${ident(name.name)}` : ident(name.name);
}

/** A name built from parts (constraint and index names), cut to PostgreSQL's 63-byte limit. */
export function derivedName(...parts: string[]): string {
  return parts.join('_').slice(0, 63);
}

/** How PostgreSQL's own catalog names of built-in types are spelled in SQL. */
const sqlSpelling: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  varchar: 'varchar',
  timestamptz: 'timestamptz',
  timetz: 'timetz',
};

export function renderType(typeName: TypeName | undefined): string {
  const info = typeInfo(typeName);
  const builtin = info.schema === 'pg_catalog';
  const base = builtin ? (sqlSpelling[info.name] ?? info.name) : info.schema ? `${ident(info.schema)}.${ident(info.name)}` : info.name;
  const mods = info.mods.length > 0 ? `(${info.mods.join(', ')})` : '';
  return `${base}${mods}${info.isArray ? '[]' : ''}`;
}

/** Cuts long statement text for excerpts. */
export function shorten(text: string, max = 400): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
