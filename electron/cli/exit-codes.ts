/** Exit codes a CI pipeline can rely on; `migrate` adds the specific failures. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  drift: 3,
  lockTimeout: 4,
  sqlError: 5,
  verifyFailed: 6,
  lintFailed: 7,
  /** backup: no pg_dump/pg_restore at least as new as the server. */
  toolMissing: 8,
  /** backup restore: refused before changing anything (the database exists, the file does not match its manifest). */
  refused: 9,
  /** migrate rehearse: the migrations ran, but rows were lost or an untouched table changed. */
  rowsLost: 10,
} as const;

export class UsageError extends Error {}
