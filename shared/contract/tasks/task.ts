import { z } from 'zod';
import { isoTime } from '../define';
import { backupTaskKinds } from './backup-tasks';
import { maintenanceTaskKinds } from './maintenance-tasks';

/**
 * Background work that reports progress and can be cancelled, of any kind; each family of kinds
 * is declared in its own file beside this one. The caller may pass its own `taskId` (a UUID) so it
 * can listen to `task.progress` and cancel before the call returns.
 */
export const taskKinds = [...maintenanceTaskKinds, ...backupTaskKinds] as const;
export type TaskKind = (typeof taskKinds)[number];

export const taskResultSchema = z.object({
  taskId: z.string(),
  /** The statement that ran, e.g. `VACUUM (ANALYZE) "public"."orders"`, or the tool's description. */
  statement: z.string(),
  elapsedMs: z.number(),
});
export type TaskResult = z.infer<typeof taskResultSchema>;

export const taskSchema = z.object({
  taskId: z.string(),
  connectionId: z.string(),
  kind: z.enum(taskKinds),
  label: z.string(),
  statement: z.string(),
  startedAt: isoTime,
  /** The backend running it (SQL tasks); what cancel signals. null for a tool process. */
  pid: z.number().int().nullable(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  fraction: z.number().nullable(),
  detail: z.string().optional(),
  elapsedMs: z.number(),
  error: z.string().optional(),
});
export type TaskInfo = z.infer<typeof taskSchema>;
