import type { Blocker } from '../../../shared/contract/migrations';

/**
 * Why a migration command failed, in kinds a caller can act on: the CLI maps them to exit
 * codes (electron/cli/exit-codes.ts), the service to RPC error codes.
 */
export type MigrationErrorKind =
  /** The folder cannot be read or holds two migrations with one version. */
  | 'discovery'
  /** The plan cannot run: drift, out-of-order migrations, a missing down script … (see blockers). */
  | 'blocked'
  /** Another applier held the lock for longer than we were willing to wait. */
  | 'lock_timeout'
  /** The connection that holds the applier lock was lost: no further migration is started. */
  | 'lock_lost'
  /** A statement failed; the migration's transaction (if it had one) was rolled back. */
  | 'sql'
  /** The connection goes through a transaction pooler, where the session-level applier lock is not safe. */
  | 'needs_direct';

/** Where in a script a failing statement is, for `file:line:column` messages and editors. */
export interface ScriptPosition {
  file: string;
  line: number;
  column: number;
}

export class MigrationError extends Error {
  constructor(
    readonly kind: MigrationErrorKind,
    message: string,
    readonly details: {
      blockers?: Blocker[];
      /** The Postgres error of a failed statement. */
      cause?: unknown;
      position?: ScriptPosition;
      /** The failing statement's text. */
      statement?: string;
      version?: string;
    } = {},
  ) {
    super(message);
    this.name = 'MigrationError';
  }

  /**
   * The failed statement's SQLSTATE, so audited() records a cancelled run (57014, from
   * pg_cancel_backend) as "cancelled" rather than "failed".
   */
  get code(): string | undefined {
    const cause = this.details.cause;
    return typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  }

  /** A blocked plan caused only by drift is reported as drift (its own exit code). */
  get isDrift(): boolean {
    return this.kind === 'blocked' && (this.details.blockers ?? []).some((b) => b.code === 'drift');
  }
}
