import pg from 'pg';

/** `"schema"."name"`, always quoted, embedded quotes doubled (libpq's PQescapeIdentifier rules). */
export function quoteQualified(schema: string, name: string): string {
  return `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;
}

export const quoteIdent = (name: string): string => pg.escapeIdentifier(name);
