import { z } from 'zod';
import { connectionId, int8String, isoTime, mutation } from './define';
import { taskResultSchema } from './tasks/task';

export const rehearsalReportSchema = z.object({
  ok: z.boolean(),
  backup: z.object({ file: z.string(), source: z.enum(['given', 'latest', 'fresh']), takenAt: isoTime }),
  scratchDatabase: z.string(),
  migrations: z.array(
    z.object({
      version: z.string(),
      name: z.string(),
      ok: z.boolean(),
      error: z.string().optional(),
      durationMs: z.number(),
      statements: z.array(
        z.object({
          line: z.number().int(),
          summary: z.string(),
          durationMs: z.number(),
          locks: z.array(z.object({ table: z.string(), lock: z.string(), blocksReads: z.boolean(), blocksWrites: z.boolean() })),
        }),
      ),
      tables: z.array(z.object({ table: z.string(), rowsBefore: int8String.nullable(), rowsAfter: int8String.nullable() })),
    }),
  ),
  untouched: z.array(z.object({ table: z.string(), rows: int8String, unchanged: z.boolean() })),
  lostRows: z.array(z.object({ table: z.string(), before: int8String, after: int8String.nullable() })),
  problems: z.array(z.string()),
});
export type RehearsalReport = z.infer<typeof rehearsalReportSchema>;

export const migrationRehearseContract = {
  'migrations.rehearse': mutation(
    'Apply the pending migrations on a restored copy (a scratch database on the same server): durations, locks, rows before/after; the source is never changed',
    z.object({
      connectionId,
      taskId: z.uuid().optional(),
      dir: z.string().min(1).max(4096).optional(),
      /** A backup file; else the newest of this database in the backup folder; else a fresh dump. */
      fromBackup: z.string().max(4096).optional(),
      allowLoss: z.array(z.string().max(200)).max(200).default([]),
    }),
    taskResultSchema.extend({ report: rehearsalReportSchema }),
    { writes: true },
  ),
};
