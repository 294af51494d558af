import type { PgErrorFields, RpcErrorBody } from '../../../shared/rpc/envelope';

/** The subset of pg's DatabaseError we read; field names as node-postgres exposes them. */
interface PgDatabaseErrorLike {
  message: string;
  code: string;
  severity?: string;
  detail?: string;
  hint?: string;
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
}

export function isPgDatabaseError(err: unknown): err is PgDatabaseErrorLike {
  if (typeof err !== 'object' || err === null) return false;
  const { code, severity } = err as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/**
 * Plain words for the errors people hit most, keyed by SQLSTATE
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html). The server's own message
 * is kept in `pg.serverMessage`; this is what to do about it.
 */
const advice: Record<string, string> = {
  '28P01': 'Wrong password for this role. Check the password saved in the connection.',
  '28000': 'The server refused this role, host or database (pg_hba.conf).',
  '3D000': 'That database does not exist on the server. Check the database name.',
  '42P01': 'A table or view in the statement does not exist (or is not on the search_path).',
  '42703': 'A column in the statement does not exist.',
  '42601': 'The statement has a syntax error.',
  '42501': 'The connected role lacks the privilege for this.',
  '57014': 'The statement was cancelled (by you, or by statement_timeout).',
  '55P03': 'Gave up waiting for a lock (lock_timeout): another session holds it. See Activity for who blocks.',
  '25006': 'This connection is read-only, so changes are refused.',
  '23505': 'A row with the same unique key already exists.',
  '23503': 'A foreign key would be broken by this change.',
  '53300': 'The server has no free connection slots (max_connections reached).',
  '57P01': 'The server is shutting down or the session was terminated by an administrator.',
  '40001': 'The transaction conflicted with another one (serialization failure); retry it.',
  '40P01': 'Deadlock detected: this transaction was chosen to be aborted; retry it.',
};

function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export function pgFieldsOf(err: PgDatabaseErrorLike): PgErrorFields {
  return compact({
    sqlstate: err.code,
    severity: err.severity,
    serverMessage: err.message,
    detail: err.detail,
    hint: err.hint,
    position: toInt(err.position),
    internalPosition: toInt(err.internalPosition),
    internalQuery: err.internalQuery,
    where: err.where,
    schema: err.schema,
    table: err.table,
    column: err.column,
    dataType: err.dataType,
    constraint: err.constraint,
  });
}

function sslAdvice(message: string): string | undefined {
  if (/no encryption/i.test(message)) return 'The server only accepts encrypted connections: set SSL mode to "require" (or stricter).';
  if (/does not support SSL/i.test(message))
    return 'The server does not offer SSL: set SSL mode to "disable" or "prefer", or enable ssl on the server.';
  if (/self[- ]signed certificate|unable to verify|certificate/i.test(message))
    return 'The server certificate could not be verified: give the CA certificate path, or use SSL mode "require" to encrypt without verifying.';
  return undefined;
}

/** A Postgres error from the server, as the envelope carries it. */
export function pgErrorBody(err: PgDatabaseErrorLike): RpcErrorBody {
  const pg = pgFieldsOf(err);
  const words = sslAdvice(err.message) ?? advice[err.code];
  const code =
    err.code === '57014'
      ? 'CANCELLED'
      : err.code === '25006'
        ? 'READ_ONLY'
        : err.code.startsWith('28') || err.code === '3D000'
          ? 'CONNECTION_FAILED'
          : 'PG_ERROR';
  return { code, message: words ? `${words} (${err.message})` : err.message, pg };
}

/** Network-level failures raised by node before any Postgres message arrives. */
export function networkErrorBody(err: unknown): RpcErrorBody | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(err);
  const ssl = sslAdvice(text);
  if (ssl && /ssl|certificate/i.test(text)) return { code: 'CONNECTION_FAILED', message: `${ssl} (${text})` };
  switch (code) {
    case 'ECONNREFUSED':
      return { code: 'CONNECTION_FAILED', message: `Nothing is listening at that host and port: is the server running? (${text})` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'CONNECTION_FAILED', message: `The host name could not be resolved. Check the host. (${text})` };
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code: 'CONNECTION_FAILED', message: `The host could not be reached in time (firewall, VPN, wrong address?). (${text})` };
    case 'ECONNRESET':
      return { code: 'CONNECTION_FAILED', message: `The server closed the connection unexpectedly. (${text})` };
    default:
      break;
  }
  if (/timeout expired|Connection terminated due to connection timeout/i.test(text))
    return { code: 'TIMEOUT', message: `The server did not answer within the connect timeout. Check host, port and network. (${text})` };
  return undefined;
}

/**
 * The server went away rather than answered: a shutdown or crash (57P01–57P03), a connection
 * exception (class 08), or no Postgres message at all (ECONNREFUSED, reset). Such a failure says
 * nothing about the question asked, so it must never be remembered as its answer.
 */
export function isServerGone(err: unknown): boolean {
  if (!isPgDatabaseError(err)) return true;
  return err.code.startsWith('08') || /^57P0[123]$/.test(err.code);
}
