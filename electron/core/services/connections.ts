import { type connectionsContract, type Profile, type ProfileFields } from '../../../shared/contract/connections';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { DEMO_DATABASE, DEMO_USER } from '../db/embedded-demo';
import { poolMetrics, withOneOffClient, type ResolvedProfile } from '../db/pool-registry';
import { poolerOf } from '../db/pooler';
import { readServerInfo } from '../db/server-info';
import { audited } from '../audit/audit-log';
import { createReadOnlyRole, readRoleWrites } from '../read-only/least-privilege';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';

export const DEMO_ID = 'demo';

function demoFields(port: number): ProfileFields {
  return {
    name: 'Demo database',
    host: '127.0.0.1',
    port,
    database: DEMO_DATABASE,
    user: DEMO_USER,
    sslmode: 'disable',
    applicationName: 'ticketz-console',
    statementTimeoutMs: 30_000,
    readOnly: false,
    environment: 'demo',
    color: '#2f855a',
  };
}

/** Maps a connection id to its settings and password; the demo database is started on demand. */
export function profileResolver(deps: Pick<CoreDeps, 'demo' | 'profiles'>): (id: string) => ResolvedProfile {
  return (id) => {
    if (id === DEMO_ID) {
      const endpoint = deps.demo?.current();
      if (!endpoint) throw new RpcError('UNAVAILABLE', demoUnavailableMessage(deps));
      return { fields: demoFields(endpoint.port), password: endpoint.password };
    }
    return { fields: deps.profiles.get(id), password: deps.profiles.password(id) };
  };
}

function demoUnavailableMessage(deps: Pick<CoreDeps, 'demo'>): string {
  const status = deps.demo?.status();
  if (!status) return 'The demo database is not enabled in this session (start with --demo).';
  if (status.state === 'failed') return `The demo database failed to start: ${status.message ?? 'unknown error'}`;
  if (status.state === 'starting' && status.progress)
    return `The demo database is still being prepared (${status.progress.label}); this page loads when it is ready — try again in a moment.`;
  return `The demo database is ${status.state}; try again in a moment.`;
}

function demoProfile(deps: CoreDeps): Profile | undefined {
  const endpoint = deps.demo?.current();
  if (!deps.demo) return undefined;
  return { ...demoFields(endpoint?.port ?? deps.demo.status().port ?? 0), id: DEMO_ID, kind: 'demo', hasPassword: true };
}

export function connectionsHandlers(deps: CoreDeps): HandlersFor<typeof connectionsContract> {
  const changed = (reason: string) => deps.events.emit('connections.changed', { reason });
  const assertEditable = (id: string | undefined) => {
    if (id === DEMO_ID) throw new RpcError('BAD_REQUEST', 'The demo database profile is built in and cannot be changed.');
  };

  /** Opens (or reuses) the pool, starting the demo database first if it is the target. */
  const describe = async (id: string) => {
    if (id === DEMO_ID && deps.demo) await deps.demo.start();
    const pool = await deps.pools.get(id);
    const consolePool = poolMetrics(pool);
    const client = await pool.connect();
    try {
      return { ...(await readServerInfo(client, poolerOf(pool))), consolePool };
    } finally {
      client.release();
    }
  };

  return {
    'connections.list': async () => {
      const demo = demoProfile(deps);
      return {
        profiles: demo ? [demo, ...deps.profiles.list()] : deps.profiles.list(),
        demo: deps.demo?.status() ?? { state: 'disabled' },
      };
    },
    'connections.save': async ({ id, fields, password }) => {
      assertEditable(id);
      const saved = deps.profiles.save(id, fields, password);
      await deps.pools.close(saved.id);
      changed('saved');
      return saved;
    },
    'connections.delete': async ({ id }) => {
      assertEditable(id);
      await deps.pools.close(id);
      const deleted = deps.profiles.delete(id);
      if (deleted) changed('deleted');
      return { deleted };
    },
    'connections.test': async ({ id, fields, password }) => {
      const saved = id && id !== DEMO_ID && password === undefined ? deps.profiles.password(id) : undefined;
      const profile: ResolvedProfile = { fields, password: password ?? saved };
      return withOneOffClient(profile, async (client, pooler) => {
        const info = await readServerInfo(client, pooler);
        // PgBouncer's admin console answers SHOW commands only: no role to inspect there.
        return pooler?.adminConsole ? info : { ...info, roleWrites: await readRoleWrites(client) };
      });
    },
    'connections.createReadOnlyRole': async ({ connectionId, role, password, profileName }) => {
      const source = profileResolver(deps)(connectionId).fields;
      const pool = await deps.pools.get(connectionId);
      const client = await pool.connect();
      let statements: string[];
      try {
        statements = await audited(
          deps.audit,
          connectionId,
          { action: 'role.createReadOnly', target: role, detail: 'CREATE ROLE … LOGIN with read-only grants' },
          () => createReadOnlyRole(client, role, password),
        );
      } finally {
        client.release();
      }
      const { color: _color, ...fields } = source;
      const profile = deps.profiles.save(
        undefined,
        {
          ...fields,
          name: profileName,
          user: role,
          readOnly: true,
          allowServerFiles: false,
          environment: source.environment === 'demo' ? 'development' : source.environment,
        },
        password,
      );
      changed('saved');
      return { profile, statements };
    },
    'connections.connect': async ({ id }) => describe(id),
    'connections.disconnect': async ({ id }) => ({ disconnected: await deps.pools.close(id) }),
    'connections.ping': async ({ id }) => describe(id),
  };
}
