import { mkdirSync } from 'node:fs';
import { AuditLog } from './audit/audit-log';
import { DemoDatabase, type DemoReporter, type DemoEndpoint } from './db/embedded-demo';
import { PoolRegistry } from './db/pool-registry';
import type { CoreDeps } from './deps';
import { DownloadTickets } from './export/download-tickets';
import { ExportRegistry } from './export/export-registry';
import type { SaveDialog } from './export/save-as';
import { EventBus } from './rpc/call-context';
import { PagePresence } from './rpc/page-presence';
import { createDispatcher, type Dispatch, type HandlerTable } from './rpc/dispatcher';
import { appHandlers } from './services/app';
import { auditHandlers } from './services/audit';
import { backupsHandlers } from './services/backups';
import { chainHandlers } from './services/chain';
import { DEMO_ID, connectionsHandlers, profileResolver } from './services/connections';
import { eventStatsHandlers } from './services/event-stats';
import { exportsHandlers } from './services/exports';
import { poolerHandlers } from './services/pooler';
import { replicationHandlers } from './services/replication';
import { explainStandbyWrites } from './rpc/standby-writes';
import { ordersHandlers } from './services/orders';
import { ticketsHandlers } from './services/tickets';
import { migrationsHandlers } from './services/migrations';
import { queryHandlers } from './services/query';
import { schemaHandlers } from './services/schema';
import { dataEditHandlers } from './services/data-edit';
import { insightsHandlers } from './services/insights';
import { maintenanceHandlers } from './services/maintenance';
import { matviewsHandlers } from './services/matviews';
import { migrationLintHandlers } from './services/migration-lint';
import { migrationWorkbenchHandlers } from './services/migration-workbench';
import { migrationLocksHandlers } from './services/migration-locks';
import { auditRefusal } from './read-only/refusal-audit';
import { migrationRehearseHandlers } from './services/migration-rehearse';
import { ProfileStore } from './store/profile-store';
import { TaskRunner } from './tasks/task-runner';
import { createKeyFileSecretBox, type SecretBox } from './store/secret-box';

export interface CoreOptions {
  dataDir: string;
  host: CoreDeps['host'];
  version?: string;
  /** Electron passes a safeStorage-backed box; plain Node uses the 0600 key file. */
  secrets?: SecretBox;
  demo?: {
    enabled: boolean;
    port?: number;
    onReady?: (endpoint: DemoEndpoint, created: boolean, report: DemoReporter) => Promise<{ warning?: string } | void>;
    log?: (line: string) => void;
  };
  validateOutput?: boolean;
  /** Sessions per connection pool (default 5). */
  poolSize?: number;
  onError?: (method: string, err: unknown) => void;
  /** The desktop host's native Save dialog (exports.deliver); browser mode and the CLI have none. */
  saveDialog?: SaveDialog;
}

export interface Core {
  dispatch: Dispatch;
  deps: CoreDeps;
  events: EventBus;
  dispose(): Promise<void>;
}

/** Builds every service over shared dependencies; the same core serves all three hosts. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secrets = options.secrets ?? createKeyFileSecretBox(options.dataDir);
  const events = new EventBus();
  const demo = options.demo?.enabled
    ? new DemoDatabase(options.dataDir, secrets, { ...options.demo, onProgress: (p) => events.emit('demo.progress', p) })
    : undefined;
  const profiles = new ProfileStore(options.dataDir, secrets);
  const pools = new PoolRegistry(profileResolver({ demo, profiles }), options.poolSize);
  const audit = new AuditLog(options.dataDir, pools, options.host);
  const deps: CoreDeps = {
    dataDir: options.dataDir,
    host: options.host,
    version: options.version ?? '0.0.0',
    profiles,
    secrets,
    pools,
    demo,
    events,
    pages: new PagePresence(),
    audit,
    tasks: new TaskRunner({ pools, events, audit }),
    exports: new ExportRegistry(),
    downloads: new DownloadTickets(),
    saveDialog: options.saveDialog,
  };

  const handlers: HandlerTable = {
    ...appHandlers(deps),
    ...connectionsHandlers(deps),
    ...auditHandlers(deps),
    ...ticketsHandlers(deps),
    ...ordersHandlers(deps),
    ...eventStatsHandlers(deps),
    ...chainHandlers(deps),
    ...migrationsHandlers(deps),
    ...schemaHandlers(deps),
    ...dataEditHandlers(deps),
    ...queryHandlers(deps),
    ...insightsHandlers(deps),
    ...maintenanceHandlers(deps),
    ...matviewsHandlers(deps),
    ...migrationLintHandlers(deps),
    ...migrationLocksHandlers(deps),
    ...migrationWorkbenchHandlers(deps),
    ...exportsHandlers(deps),
    ...backupsHandlers(deps),
    ...migrationRehearseHandlers(deps),
    ...replicationHandlers(deps),
    ...poolerHandlers(deps),
  };
  const dispatch = explainStandbyWrites(
    createDispatcher(handlers, {
      validateOutput: options.validateOutput ?? false,
      onError: options.onError,
      isReadOnly: (id) => id !== DEMO_ID && profiles.get(id).readOnly,
      onRefused: ({ method, connectionId, message }) => auditRefusal(deps.audit, { connectionId, target: method, reason: message }),
    }),
    deps,
  );
  return {
    dispatch,
    deps,
    events,
    async dispose() {
      await deps.pools.closeAll();
      await deps.audit.close();
      await demo?.stop();
    },
  };
}
