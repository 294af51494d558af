import type { ProfileFields } from '../contract/connections';
import { sslModes } from '../contract/connections';

export interface ParsedConnectionUrl {
  fields: ProfileFields;
  password: string | undefined;
}

const URL_PATTERN =
  /^(postgres|postgresql):\/\/(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\[[^\]]+\]|[^:/?#]*)(?::(\d+))?(?:\/([^?#]*))?(?:\?([^#]*))?$/;

function decode(part: string | undefined): string | undefined {
  return part === undefined || part === '' ? undefined : decodeURIComponent(part);
}

/**
 * Parses a libpq connection URI (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS)
 * into form fields; pure so the renderer can fill the form as the user pastes. Throws with a
 * message naming what is wrong.
 */
export function parseConnectionUrl(text: string): ParsedConnectionUrl {
  const match = URL_PATTERN.exec(text.trim());
  if (!match) throw new Error('Not a postgres:// or postgresql:// URL.');
  const [, , user, password, rawHost, port, database, queryString] = match;
  const params = new Map<string, string>();
  for (const pair of (queryString ?? '').split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=');
    params.set(decodeURIComponent(key), decodeURIComponent(value));
  }
  const sslParam = params.get('sslmode') ?? 'prefer';
  const sslmode = (sslModes as readonly string[]).includes(sslParam) ? (sslParam as ProfileFields['sslmode']) : undefined;
  if (!sslmode) throw new Error(`Unsupported sslmode "${sslParam}" (use one of ${sslModes.join(', ')}).`);
  const host = decode(rawHost?.replace(/^\[|\]$/g, '')) ?? params.get('host') ?? 'localhost';
  const portNumber = port ? Number(port) : Number(params.get('port') ?? 5432);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) throw new Error(`Invalid port "${port}".`);
  const resolvedUser = decode(user) ?? params.get('user') ?? 'postgres';
  const resolvedDb = decode(database) ?? params.get('dbname') ?? resolvedUser;
  const fields: ProfileFields = {
    name: `${resolvedDb}@${host}`,
    host,
    port: portNumber,
    database: resolvedDb,
    user: resolvedUser,
    sslmode,
    applicationName: params.get('application_name') ?? 'ticketz-console',
    statementTimeoutMs: 30_000,
    readOnly: false,
    environment: 'development',
  };
  const rootCert = params.get('sslrootcert');
  const cert = params.get('sslcert');
  const key = params.get('sslkey');
  if (rootCert) fields.sslRootCertPath = rootCert;
  if (cert) fields.sslCertPath = cert;
  if (key) fields.sslKeyPath = key;
  return { fields, password: decode(password) ?? params.get('password') };
}
