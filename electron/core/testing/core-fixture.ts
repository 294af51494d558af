import { afterAll, beforeAll } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { createDirectCore, type DirectCore } from './direct-core';
import { createTestDatabase, type TestDatabase } from './test-database';
import { applyTicketzSchema } from './ticketz-schema';

export interface CoreFixture {
  db: TestDatabase;
  direct: DirectCore;
  /** The connection id of the profile saved for `db`. */
  id: string;
  /** `direct.call`, for brevity. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

export interface CoreFixtureOptions {
  /** Apply the Ticketz reference schema (migrations/) first. */
  ticketz?: boolean;
  /** Fields of the saved profile (readOnly, statementTimeoutMs …). */
  profile?: Partial<InputOf<'connections.save'>['fields']>;
  poolSize?: number;
}

/**
 * What most integration test files start with: a fresh database, a core in a temp data dir and a
 * profile for that database, made in `beforeAll` and removed in `afterAll` — core first, then the
 * database, and only what was made when setup failed half-way. Call it at the top of the file; the
 * file's own `beforeAll` runs after it (fill the database there: saving a profile does not connect)
 * and its own `afterAll` before the cleanup. Read the fields in tests and hooks, not at module level.
 */
export function useCoreFixture(prefix: string, options: CoreFixtureOptions = {}): CoreFixture {
  let db: TestDatabase | undefined;
  let direct: DirectCore | undefined;
  let id: string | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`The core fixture's ${name} is read before its beforeAll has run`);
    return value;
  };
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
    if (options.ticketz) await applyTicketzSchema(db.pool);
    direct = createDirectCore({ poolSize: options.poolSize });
    id = await direct.addProfile(db, options.profile);
  });
  afterAll(async () => {
    await direct?.dispose();
    await db?.drop();
  });
  return {
    get db() {
      return ready(db, 'db');
    },
    get direct() {
      return ready(direct, 'direct');
    },
    get id() {
      return ready(id, 'id');
    },
    call: (method, input) => ready(direct, 'direct').call(method, input),
  };
}
