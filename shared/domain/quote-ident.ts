/**
 * Identifier and literal quoting, the one helper every place that names a user's schema, table or
 * column in SQL goes through. Rules from the PostgreSQL manual (4.1.1 "Identifiers and Key Words"):
 * a quoted identifier is wrapped in double quotes with embedded double quotes doubled; it may not
 * contain the NUL character. Like libpq's PQescapeIdentifier we always quote, so case and
 * keywords never surprise. Literals (for DDL text such as COMMENT ON) follow 4.1.2.1: single quotes
 * doubled, and the E'' form when a backslash is present so standard_conforming_strings does not matter.
 */

const MAX_IDENTIFIER_BYTES = 63; // NAMEDATALEN - 1 in a default build

export class IdentifierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentifierError';
  }
}

/** Bytes of the UTF-8 encoding (shared/ has no TextEncoder: no DOM or Node types here). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Throws when a name cannot be a PostgreSQL identifier at all (empty, NUL, too long). */
export function assertIdentifier(name: string): void {
  if (name.length === 0) throw new IdentifierError('An identifier cannot be empty.');
  if (name.includes('\0')) throw new IdentifierError('An identifier cannot contain the NUL character.');
  if (utf8Length(name) > MAX_IDENTIFIER_BYTES)
    throw new IdentifierError(`An identifier is at most ${MAX_IDENTIFIER_BYTES} bytes long: ${name.slice(0, 80)}`);
}

/** `"name"` with embedded quotes doubled; always quoted. */
export function quoteIdent(name: string): string {
  assertIdentifier(name);
  return doubleQuoted(name);
}

/**
 * Quoted without the length check, for names taken from a statement the parser accepted: there
 * PostgreSQL itself truncates a name to 63 bytes, so a lint rewrite or a to_regclass lookup must
 * keep it as written rather than fail.
 */
export function quoteIdentAsWritten(name: string): string {
  if (name.includes('\0')) throw new IdentifierError('An identifier cannot contain the NUL character.');
  return doubleQuoted(name);
}

function doubleQuoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"schema"."name"` */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A string literal safe under either setting of standard_conforming_strings. */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new IdentifierError('A string literal cannot contain the NUL character.');
  const doubled = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${doubled.replaceAll('\\', '\\\\')}'` : `'${doubled}'`;
}

/**
 * Quotes only when needed, for display and for DDL that should read like pg_dump's output:
 * lower-case letters, digits, underscores and not starting with a digit stay bare, unless the word
 * is reserved. The reserved list is the "reserved" column of Appendix C (keywords that cannot be
 * column or table names), which is what pg_dump's quote_identifier checks too.
 */
export function quoteIdentIfNeeded(name: string): string {
  assertIdentifier(name);
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)) return name;
  return quoteIdent(name);
}

export function quoteQualifiedIfNeeded(schema: string, name: string): string {
  return `${quoteIdentIfNeeded(schema)}.${quoteIdentIfNeeded(name)}`;
}

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
