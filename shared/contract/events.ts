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

/**
 * What the built-in demo database is doing while it starts: on first start it creates a cluster,
 * applies the reference migrations and generates the demo data (tens of seconds), so the UI shows
 * each phase instead of a bare "Connecting…". `step`/`steps` count within the phase (migration N
 * of M, table N of M); the last event is 'ready' (or 'failed', with the reason in `label`).
 */
export const demoPhases = ['initialising', 'starting-server', 'preparing-database', 'migrating', 'seeding', 'ready', 'failed'] as const;
export type DemoPhase = (typeof demoPhases)[number];

export const demoProgressSchema = z.object({
  phase: z.enum(demoPhases),
  label: z.string(),
  step: z.number().int().nullable(),
  steps: z.number().int().nullable(),
  /** step / steps when both are known. */
  fraction: z.number().min(0).max(1).nullable(),
  /** Since this start began. */
  elapsedMs: z.number(),
  /** 'ready' with a problem: the server runs, but the schema or data could not be brought up to date. */
  warning: z.string().optional(),
});
export type DemoProgress = z.infer<typeof demoProgressSchema>;

export const eventsContract = {
  'task.progress': taskProgressSchema,
  'demo.progress': demoProgressSchema,
  'connections.changed': z.object({ reason: z.string() }),
};
export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
export const eventNames = Object.keys(eventsContract) as EventName[];
