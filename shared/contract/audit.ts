import { z } from 'zod';
import { connectionId, isoTime, query } from './define';

/** unknown: announced before it was sent, and the console ended (crash, kill) before it saw the result. */
export const auditOutcomes = ['succeeded', 'failed', 'cancelled', 'unknown'] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoTime,
  connectionId: z.string(),
  database: z.string(),
  /** Who: the database role and the OS user running the console. */
  role: z.string(),
  osUser: z.string(),
  host: z.string(),
  /** What, as `domain.verb`: migration.apply, maintenance.vacuum, matview.refresh, session.terminate, ticket.validate … */
  action: z.string(),
  target: z.string(),
  detail: z.string(),
  outcome: z.enum(auditOutcomes),
  durationMs: z.number(),
  error: z.string().optional(),
  /** Where this entry is kept. */
  storage: z.enum(['database', 'local']),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditContract = {
  'audit.list': query(
    'Changes the console made to this database, newest first',
    z.object({
      connectionId,
      action: z.string().max(100).optional(),
      outcome: z.enum(auditOutcomes).optional(),
      search: z.string().max(200).optional(),
      since: isoTime.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.object({
      entries: z.array(auditEntrySchema),
      databaseTable: z.boolean(),
      /** Why the database's entries are missing (the role cannot read the table, the server is away). */
      databaseError: z.string().optional(),
      localPath: z.string(),
    }),
  ),
};
