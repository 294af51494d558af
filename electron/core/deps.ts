import type { AuditLog } from './audit/audit-log';
import type { DemoDatabase } from './db/embedded-demo';
import type { PoolRegistry } from './db/pool-registry';
import type { DownloadTickets } from './export/download-tickets';
import type { ExportRegistry } from './export/export-registry';
import type { SaveDialog } from './export/save-as';
import type { EventBus } from './rpc/call-context';
import type { PagePresence } from './rpc/page-presence';
import type { ProfileStore } from './store/profile-store';
import type { TaskRunner } from './tasks/task-runner';
import type { SecretBox } from './store/secret-box';

/** What services share: built once by createCore, passed to each service factory. */
export interface CoreDeps {
  dataDir: string;
  host: 'electron' | 'browser' | 'direct';
  version: string;
  profiles: ProfileStore;
  secrets: SecretBox;
  pools: PoolRegistry;
  demo: DemoDatabase | undefined;
  events: EventBus;
  /** Which browser tabs / windows are still open (state they own ends with them). */
  pages: PagePresence;
  /** Records every change the console makes to a database (see audited()). */
  audit: AuditLog;
  /** Background work with progress and cancel: maintenance statements and tool processes (pg_dump …). */
  tasks: TaskRunner;
  /** Finished export files by opaque id (exports.deliver). */
  exports: ExportRegistry;
  /** Single-use download links that browser mode's HTTP host redeems at GET /download/<nonce>. */
  downloads: DownloadTickets;
  /** The desktop host's native Save dialog; absent in browser mode and for direct callers. */
  saveDialog: SaveDialog | undefined;
}
