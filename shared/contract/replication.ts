import { z } from 'zod';
import { connectionId, int8String, isoTime, query } from './define';

/** Where a lag or a share stands against the house thresholds (shared/domain/health-thresholds.ts). */
export const alertLevelSchema = z.enum(['ok', 'warning', 'critical', 'unknown']);

export const standbyRowSchema = z.object({
  pid: z.number().int(),
  applicationName: z.string(),
  clientAddr: z.string().nullable(),
  clientHostname: z.string().nullable(),
  state: z.string(),
  syncState: z.string(),
  /** Bytes of WAL this primary has and the standby has not written / flushed / replayed yet. */
  writeLagBytes: int8String.nullable(),
  flushLagBytes: int8String.nullable(),
  replayLagBytes: int8String.nullable(),
  /** Seconds, as the primary measured them; null once the standby caught up and nothing new came. */
  writeLagSeconds: z.number().nullable(),
  flushLagSeconds: z.number().nullable(),
  replayLagSeconds: z.number().nullable(),
  replyTime: isoTime.nullable(),
  level: alertLevelSchema,
});

export const slotRowSchema = z.object({
  name: z.string(),
  type: z.string(),
  database: z.string().nullable(),
  active: z.boolean(),
  activePid: z.number().int().nullable(),
  walStatus: z.string().nullable(),
  retainedBytes: int8String.nullable(),
  /** An inactive slot keeps WAL on the primary's disk until it is dropped or used again. */
  alert: z.string().nullable(),
});

export const standbyStatusSchema = z.object({
  upstream: z
    .object({
      status: z.string(),
      senderHost: z.string().nullable(),
      senderPort: z.number().int().nullable(),
      slotName: z.string().nullable(),
      lastMessageAt: isoTime.nullable(),
    })
    .nullable(),
  receiveLsn: z.string().nullable(),
  replayLsn: z.string().nullable(),
  replayLagBytes: int8String.nullable(),
  replayLagSeconds: z.number().nullable(),
  lastReplayedAt: isoTime.nullable(),
  replayPaused: z.boolean(),
  level: alertLevelSchema,
});
export type StandbyStatus = z.infer<typeof standbyStatusSchema>;

export const replicationOverviewSchema = z.object({
  role: z.enum(['primary', 'standby']),
  thresholds: z.object({ warningSeconds: z.number(), criticalSeconds: z.number() }),
  /** On a primary. */
  standbys: z.array(standbyRowSchema),
  slots: z.array(slotRowSchema),
  wal: z
    .object({
      lsn: z.string(),
      /** Bytes per second since this console's previous sample of the server; null on the first. */
      bytesPerSecond: z.number().nullable(),
      sampledOverSeconds: z.number().nullable(),
    })
    .nullable(),
  /** On a standby. */
  standby: standbyStatusSchema.nullable(),
});
export type ReplicationOverview = z.infer<typeof replicationOverviewSchema>;

export const replicationContract = {
  'replication.overview': query(
    'On a primary: standbys with lag in bytes and time, slots with retained WAL, WAL rate; on a standby: upstream and replay lag',
    z.object({ connectionId }),
    replicationOverviewSchema,
  ),
};
