import type * as PgQuery from 'libpg-query';
import { byteToCharIndex, lineColumnAt, lineColumnIndex } from './byte-offsets';
import { nonTransactionalReason } from './transaction-rules';

export type AstNode = Record<string, unknown>;

export interface SqlStatement {
  /** Exact source text of the statement, without its terminating semicolon. */
  text: string;
  /** String indexes into the whole input: [start, end). */
  start: number;
  end: number;
  /** 1-based position of `start` in the input. */
  line: number;
  column: number;
  /** The parse-tree node type, e.g. 'IndexStmt', 'CreateStmt', 'DoStmt'. */
  kind: string;
  /** The statement's parse tree (libpg_query JSON). */
  node: AstNode;
  /**
   * Where `text` begins in the coordinates of the tree's `location` fields (UTF-8 bytes into the
   * parsed segment): `location - nodeBase` is a byte offset into `text`.
   */
  nodeBase: number;
  /** Why it must run outside a transaction block; undefined when it may run inside one. */
  nonTransactional?: string;
  /** BEGIN/COMMIT/ROLLBACK/SAVEPOINT written in the script itself. */
  transactionControl: boolean;
  /** For COPY … FROM stdin: the data lines that followed it (up to, not including, `\.`). */
  copyData?: string;
}

export class SqlParseError extends Error {
  constructor(
    message: string,
    /** 0-based string index into the input. */
    readonly index: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'SqlParseError';
  }
}

let ready: Promise<void> | undefined;
let parser: typeof PgQuery | undefined;
/**
 * The parser is WebAssembly; it loads once per process, and only when something parses SQL (a
 * dynamic import: the CLI's other commands and a server that is only browsing never pay for it).
 */
export function loadSqlParser(): Promise<void> {
  ready ??= import('libpg-query').then(async (mod) => {
    await mod.loadModule();
    parser = mod;
  });
  ready.catch(() => (ready = undefined)); // a failed load is tried again, not remembered
  return ready;
}

/** libpg-query's functions, once loadSqlParser() has resolved (splitSql awaits it). */
export function sqlParser(): typeof PgQuery {
  if (!parser) throw new Error('The SQL parser is not loaded yet: await loadSqlParser() first.');
  return parser;
}

interface Segment {
  text: string;
  offset: number;
  /** Data that follows this segment's final statement (a COPY … FROM stdin). */
  copyData?: string;
}

function parseSegment(segment: Segment, whole: string, position: (index: number) => { line: number; column: number }): SqlStatement[] {
  let tree: { stmts?: Array<{ stmt: AstNode; stmt_location?: number; stmt_len?: number }> };
  try {
    tree = sqlParser().parseSync(segment.text) as typeof tree;
  } catch (err) {
    const cursor = (err as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? 0;
    const index = segment.offset + byteToCharIndex(segment.text)(cursor);
    const { line, column } = lineColumnAt(whole, index);
    throw new SqlParseError(err instanceof Error ? err.message : String(err), index, line, column);
  }
  const toChar = byteToCharIndex(segment.text);
  const stmts = tree.stmts ?? [];
  if (segment.copyData !== undefined && stmts.length === 0) throw new NotACopyHead();
  return stmts.map((raw, i) => {
    const startByte = raw.stmt_location ?? 0;
    const startLocal = toChar(startByte);
    // stmt_len 0 means "to the end of the input" (the last statement without a semicolon).
    const endLocal = raw.stmt_len ? toChar(startByte + raw.stmt_len) : segment.text.replace(/[\s;]*$/, '').length;
    const [kind = 'Unknown', node = {}] = Object.entries(raw.stmt)[0] as [string, AstNode];
    const start = segment.offset + startLocal;
    const { line, column } = position(start);
    const untrimmed = segment.text.slice(startLocal, endLocal);
    const text = untrimmed.trim();
    const leading = untrimmed.slice(0, untrimmed.length - untrimmed.trimStart().length);
    const statement: SqlStatement = {
      text,
      nodeBase: startByte + Buffer.byteLength(leading, 'utf8'),
      start,
      end: segment.offset + endLocal,
      line,
      column,
      kind,
      node,
      transactionControl: kind === 'TransactionStmt',
    };
    const reason = nonTransactionalReason(kind, node);
    if (reason) statement.nonTransactional = reason;
    const isLast = i === stmts.length - 1;
    if (isLast && segment.copyData !== undefined) {
      if (kind !== 'CopyStmt' || !node.is_from || node.filename) throw new NotACopyHead();
      statement.copyData = segment.copyData;
    }
    return statement;
  });
}

/** A candidate cut before a data block whose SQL part does not end in COPY … FROM stdin. */
class NotACopyHead extends Error {}

/**
 * Splits SQL into statements with the real PostgreSQL parser (libpg_query), so dollar quotes,
 * DO blocks, function bodies, comments and COPY data survive. Throws SqlParseError with the
 * position of the first syntax error.
 *
 * COPY … FROM stdin is followed by data lines ended by `\.` (psql/pg_dump format), which are
 * not SQL. Each `FROM stdin …;` at a line end followed later by a `\.` line is a candidate
 * cut; it is taken only when the SQL before it parses and ends in a COPY … FROM stdin, so the
 * words "from stdin" in a comment or a string are no cut.
 */
export async function splitSql(sql: string): Promise<SqlStatement[]> {
  await loadSqlParser();
  const position = lineColumnIndex(sql);
  const statements: SqlStatement[] = [];
  const copyHead = /\bfrom\s+stdin\b[^;]*;[ \t]*\r?\n/gi;
  let offset = 0;
  let match: RegExpExecArray | null;
  // Most scripts have no COPY data: one cheap search spares the cut search below.
  const mayHaveCopyData = /stdin/i.test(sql);
  while (mayHaveCopyData && (match = copyHead.exec(sql))) {
    const dataStart = match.index + match[0].length;
    const rest = sql.slice(dataStart);
    const end = /^\\\.[ \t]*$/m.exec(rest);
    if (!end) break;
    let head: SqlStatement[] | undefined;
    try {
      head = parseSegment({ text: sql.slice(offset, dataStart), offset, copyData: rest.slice(0, end.index) }, sql, position);
    } catch {
      head = undefined; // not a real COPY head: a syntax error in it is reported by the final parse
    }
    if (!head) {
      copyHead.lastIndex = match.index + 1;
      continue;
    }
    statements.push(...head);
    offset = dataStart + end.index + end[0].length;
    copyHead.lastIndex = offset;
  }
  statements.push(...parseSegment({ text: sql.slice(offset), offset }, sql, position));
  return statements;
}
