import { z } from 'zod';

/**
 * Server-pushed events (Electron: webContents.send; browser mode: SSE). Long work reports
 * progress here; the call that started it still resolves with its final result.
 */
export const taskProgressSchema = z.object({
  taskId: z.string(),
  connectionId: z.string().optional(),
  label: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** 0..1 when the total is known, null when only elapsed time can be shown. */
  fraction: z.number().min(0).max(1).nullable(),
  detail: z.string().optional(),
  elapsedMs: z.number(),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

export const eventsContract = {
  'task.progress': taskProgressSchema,
  'connections.changed': z.object({ reason: z.string() }),
};
export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
export const eventNames = Object.keys(eventsContract) as EventName[];
