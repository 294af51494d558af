import { z } from 'zod';
import { query } from './define';

export const hostKinds = ['electron', 'browser', 'direct'] as const;

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(hostKinds),
  dataDir: z.string(),
  /** How secrets are kept at rest, and a warning when that is weak (Linux basic_text). */
  secretStorage: z.object({ backend: z.string(), warning: z.string().optional() }),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContract = {
  'app.info': query('Version, host and storage facts of the running console', z.object({}), appInfoSchema),
};
