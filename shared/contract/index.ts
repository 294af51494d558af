import type { z } from 'zod';
import { appContract } from './app';
import { auditContract } from './audit';
import { backupsContract } from './backups';
import { chainContract } from './chain';
import { connectionsContract } from './connections';
import { migrationLintContract } from './migration-lint';
import { migrationLocksContract } from './migration-locks';
import { migrationRehearseContract } from './migration-rehearse';
import { migrationWorkbenchContract } from './migration-workbench';
import type { MethodSpec } from './define';
import { eventStatsContract } from './event-stats';
import { exportsContract } from './exports';
import { ordersContract } from './orders';
import { ticketsContract } from './tickets';
import { migrationsContract } from './migrations';
import { queryContract } from './query';
import { schemaContract } from './schema';
import { dataEditContract } from './data-edit';
import { insightsContract } from './insights';
import { maintenanceContract } from './maintenance';
import { matviewsContract } from './matviews';
import { poolerContract } from './pooler';
import { replicationContract } from './replication';

/**
 * THE API: every call the renderer can make. One spread per domain file; the dispatcher's
 * handler table is a mapped type over this object, so a missing handler fails to compile.
 */
export const contract = {
  ...appContract,
  ...connectionsContract,
  ...auditContract,
  ...ticketsContract,
  ...ordersContract,
  ...eventStatsContract,
  ...chainContract,
  ...migrationsContract,
  ...schemaContract,
  ...dataEditContract,
  ...queryContract,
  ...insightsContract,
  ...maintenanceContract,
  ...matviewsContract,
  ...migrationLintContract,
  ...migrationLocksContract,
  ...migrationWorkbenchContract,
  ...exportsContract,
  ...backupsContract,
  ...migrationRehearseContract,
  ...replicationContract,
  ...poolerContract,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller passes (before defaults are applied). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export { eventsContract, eventNames, type EventName, type EventPayload } from './events';
