import { z } from 'zod';
import { connectionId, mutation, query } from './define';
import { demoProgressSchema } from './events';

export const sslModes = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export const environments = ['development', 'staging', 'production', 'demo'] as const;

/** What a user edits. The password never comes back once saved: see `hasPassword`. */
export const profileFieldsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  sslmode: z.enum(sslModes),
  sslRootCertPath: z.string().max(4096).optional(),
  sslCertPath: z.string().max(4096).optional(),
  sslKeyPath: z.string().max(4096).optional(),
  applicationName: z.string().max(63).default('ticketz-console'),
  statementTimeoutMs: z.number().int().min(0).max(86_400_000).default(30_000),
  readOnly: z.boolean().default(false),
  /** COPY … PROGRAM, COPY with a server file, pg_read_file, lo_import …: refused in the editor unless set. */
  allowServerFiles: z.boolean().optional(),
  /**
   * Where host:port is a pooler (PgBouncer), the server itself for what needs one session for
   * longer than a transaction: migrations, maintenance, Manual transactions. Same database, user
   * and password.
   */
  directHost: z.string().trim().min(1).max(255).optional(),
  directPort: z.number().int().min(1).max(65535).optional(),
  /** A read replica names the profile of its primary, where writes go. */
  primaryId: z.string().min(1).max(64).optional(),
  environment: z.enum(environments).default('development'),
  /** A CSS hex colour; production defaults to red in the UI. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
export type ProfileFields = z.infer<typeof profileFieldsSchema>;

export const profileSchema = profileFieldsSchema.extend({
  id: connectionId,
  kind: z.enum(['saved', 'demo']),
  hasPassword: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

/** `password`: a string sets it, null clears it, absent keeps what is saved. */
const passwordInput = z.string().max(1024).nullable().optional();

/** Whether the connected role itself may change data (see "Least privilege" in README). */
export const roleWritesSchema = z.object({
  canWrite: z.boolean(),
  /** e.g. 'superuser', 'member of pg_write_all_data', 'may write 12 tables'. */
  reasons: z.array(z.string()),
  /** CREATEROLE or superuser: the console can offer to create a read-only role. */
  canCreateRoles: z.boolean(),
});
export type RoleWrites = z.infer<typeof roleWritesSchema>;

/** A pooler or relay in front of the server, and how the console noticed it. */
export const poolerInfoSchema = z.object({
  kind: z.enum(['pgbouncer', 'relay']),
  evidence: z.string(),
  /** The profile is PgBouncer's admin database (`pgbouncer`): SHOW commands, no SQL. */
  adminConsole: z.boolean().optional(),
});
export type PoolerInfo = z.infer<typeof poolerInfoSchema>;

/**
 * The console's own pool for a connection (seed 004's pool metrics): sessions open, in use, idle,
 * and requests waiting for one; `level` warns when requests wait or use passes 70 % / 85 % of max.
 */
export const consolePoolSchema = z.object({
  max: z.number().int(),
  total: z.number().int(),
  active: z.number().int(),
  idle: z.number().int(),
  waiting: z.number().int(),
  level: z.enum(['ok', 'warning', 'critical']),
});
export type ConsolePool = z.infer<typeof consolePoolSchema>;

export const serverInfoSchema = z.object({
  serverVersion: z.string(),
  serverVersionNum: z.number().int(),
  database: z.string(),
  role: z.string(),
  isSuperuser: z.boolean(),
  inRecovery: z.boolean(),
  readOnly: z.boolean(),
  latencyMs: z.number(),
  /** Filled by connections.test only (it counts tables; the status bar's ping stays cheap). */
  roleWrites: roleWritesSchema.optional(),
  /** On a standby: seconds its replay is behind (0 when it replayed all it received). */
  replicaLagSeconds: z.number().nullable().optional(),
  /** Set when the connection goes through a pooler: sessions are then shared per transaction. */
  pooler: poolerInfoSchema.optional(),
  /** The console's pool, read before this call took a session. */
  consolePool: consolePoolSchema.optional(),
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;

export const demoStatusSchema = z.object({
  state: z.enum(['disabled', 'starting', 'running', 'failed', 'stopped']),
  message: z.string().optional(),
  port: z.number().int().optional(),
  /** The latest demo.progress of this start, for a window that opens (or reloads) midway. */
  progress: demoProgressSchema.optional(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;

export const connectionsContract = {
  'connections.list': query(
    'Saved connection profiles, the demo database first',
    z.object({}),
    z.object({ profiles: z.array(profileSchema), demo: demoStatusSchema }),
  ),
  'connections.save': mutation(
    'Create or update a profile; the password is encrypted at rest and never returned',
    z.object({ id: connectionId.optional(), fields: profileFieldsSchema, password: passwordInput }),
    profileSchema,
    { writes: false },
  ),
  'connections.delete': mutation(
    'Delete a saved profile and its secret',
    z.object({ id: connectionId }),
    z.object({ deleted: z.boolean() }),
    { writes: false },
  ),
  'connections.test': query(
    'Try a connection without saving it: server version, latency, role',
    z.object({ id: connectionId.optional(), fields: profileFieldsSchema, password: passwordInput }),
    serverInfoSchema,
  ),
  'connections.connect': mutation(
    'Open (or reuse) the pool for a profile and report the server',
    z.object({ id: connectionId }),
    serverInfoSchema,
    { writes: false },
  ),
  'connections.disconnect': mutation(
    'Close the pool for a profile',
    z.object({ id: connectionId }),
    z.object({ disconnected: z.boolean() }),
    { writes: false },
  ),
  'connections.createReadOnlyRole': mutation(
    'Create a login role that reads everything and writes nothing (pg_read_all_data on 14+, per-schema grants on 13) and a read-only profile for it',
    z.object({
      connectionId,
      role: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, starting with a letter or _'),
      password: z.string().min(12).max(1024),
      profileName: z.string().trim().min(1).max(100),
    }),
    z.object({ profile: profileSchema, statements: z.array(z.string()) }),
    { writes: true },
  ),
  'connections.ping': query('Round-trip time and server facts for the status bar', z.object({ id: connectionId }), serverInfoSchema),
};
