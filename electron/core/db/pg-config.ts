import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import type { ProfileFields } from '../../../shared/contract/connections';

export const APPLICATION_NAME = 'ticketz-console';
const CONNECT_TIMEOUT_MS = 10_000;

type SslOption = ClientConfig['ssl'];

/**
 * libpq's sslmode mapped onto node's TLS options
 * (https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION).
 * 'prefer' is tried with TLS first; the pool falls back to plain text if the server has none.
 */
export function sslFor(fields: ProfileFields): SslOption {
  const files = {
    ...(fields.sslRootCertPath ? { ca: readFileSync(fields.sslRootCertPath, 'utf8') } : {}),
    ...(fields.sslCertPath ? { cert: readFileSync(fields.sslCertPath, 'utf8') } : {}),
    ...(fields.sslKeyPath ? { key: readFileSync(fields.sslKeyPath, 'utf8') } : {}),
  };
  switch (fields.sslmode) {
    case 'disable':
      return false;
    case 'prefer':
    case 'require':
      return { ...files, rejectUnauthorized: false };
    case 'verify-ca':
      // Chain must verify; the host name is not checked (that is what verify-full adds).
      return { ...files, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ...files, rejectUnauthorized: true };
  }
}

export interface SessionSettingsMode {
  /**
   * Behind a pooler: no session settings at all. PgBouncer refuses startup parameters it does not
   * track (statement_timeout, options), and a SET would stay on a server session that other
   * clients get next. The console's own reads set their timeouts per transaction (SET LOCAL), and
   * a read-only profile gets each statement in a READ ONLY transaction (read-only-pool.ts).
   */
  pooled?: boolean;
}

/** The pg client settings for a profile: timeouts, application_name, read-only sessions. */
export function clientConfigFor(
  fields: ProfileFields,
  password: string | undefined,
  ssl: SslOption = sslFor(fields),
  mode: SessionSettingsMode = {},
): ClientConfig {
  const options = ['-c lock_timeout=10000'];
  if (fields.readOnly) options.push('-c default_transaction_read_only=on');
  const base: ClientConfig = {
    host: fields.host,
    port: fields.port,
    database: fields.database,
    user: fields.user,
    password,
    ssl,
    // PgBouncer tracks application_name per client, so it is the one setting that stays behind a pooler.
    application_name: fields.applicationName || APPLICATION_NAME,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  };
  if (mode.pooled) return base;
  return {
    ...base,
    statement_timeout: fields.statementTimeoutMs || undefined,
    options: options.join(' '),
  };
}

/** The same profile aimed at its direct host and port (migrations, maintenance, Manual mode), if it has one. */
export function directFields(fields: ProfileFields): ProfileFields | undefined {
  if (!fields.directHost && !fields.directPort) return undefined;
  return {
    ...fields,
    host: fields.directHost ?? fields.host,
    port: fields.directPort ?? fields.port,
    directHost: undefined,
    directPort: undefined,
  };
}
