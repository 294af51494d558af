import type { TypeName } from 'libpg-query';
import { quoteIdentAsWritten, quoteIdentIfNeeded } from '../../../../shared/domain/quote-ident';
import { typeInfo, type QualifiedName } from '../../sql-parser/ast';

/**
 * Renders names and types back into SQL for the safe rewrites a finding suggests, with the one
 * quoting rule of shared/domain/quote-ident.ts. A name longer than PostgreSQL keeps is still shown
 * (quoted) in a rewrite rather than failing the whole lint.
 */
export function ident(name: string): string {
  try {
    return quoteIdentIfNeeded(name);
  } catch {
    return quoteIdentAsWritten(name);
  }
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
