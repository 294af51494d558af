import { z } from 'zod';
import { isoTime, mutation } from './define';

/**
 * Finished exports and how the user gets them. The server always writes the file itself, under
 * `<dataDir>/exports/` (memory-bounded streaming); the caller names an export by an opaque, random
 * id and never by a path, so no page can make the console read or write a path of its choosing.
 */

export const exportFormats = ['csv', 'json'] as const;

/** What query.export and schema.exportData return. */
export const exportResultSchema = z.object({
  /** Opaque and unguessable; pass it to exports.deliver. */
  exportId: z.string(),
  /** Where the server wrote the file (useful on the desktop, where the user shares that disk). */
  path: z.string(),
  /** The name offered in a Save dialog or a download. */
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const deliverySchema = z.discriminatedUnion('kind', [
  /** Desktop: the user picked a place in the Save dialog and the file was copied there. */
  z.object({ kind: z.literal('saved'), path: z.string() }),
  /** Desktop: the user closed the Save dialog. */
  z.object({ kind: z.literal('cancelled') }),
  /** Browser mode: a same-origin URL that serves the file once, until `expiresAt`. */
  z.object({ kind: z.literal('download'), url: z.string(), fileName: z.string(), expiresAt: isoTime }),
  /** Direct callers (tests, CLI) run on the server's machine: the file is already where they can read it. */
  z.object({ kind: z.literal('file'), path: z.string() }),
]);
export type Delivery = z.infer<typeof deliverySchema>;

export const exportsContract = {
  'exports.deliver': mutation(
    'Hand a finished export to the user: a Save dialog on the desktop, a one-time download link in browser mode, the path for direct callers',
    z.object({ exportId: z.string().min(1).max(100) }),
    deliverySchema,
    { writes: false },
  ),
};
