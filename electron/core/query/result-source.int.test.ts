import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const fx = useCoreFixture('resultsource');

beforeAll(async () => {
  await fx.db.pool.query(`
    CREATE SCHEMA "odd ""names""";
    CREATE TABLE "odd ""names"""."T" (id int PRIMARY KEY, "Title" text, n int);
    CREATE TABLE other (id int PRIMARY KEY, t_id int);
    INSERT INTO "odd ""names"""."T" VALUES (1, 'a', 1);
    INSERT INTO other VALUES (1, 1);
  `);
});

const sourceOf = async (sql: string) => {
  const run = await fx.call('query.run', { connectionId: fx.id, runId: `r${Math.random()}`, sql, scope: 'all' });
  const statement = run.statements[0]!;
  expect(statement.error).toBeNull();
  return statement.result!.source;
};

describe('the table behind an SQL result', () => {
  it('names the table and each column there, through aliases and any order', async () => {
    expect(await sourceOf(`SELECT n, "Title" AS heading, id FROM "odd ""names"""."T" ORDER BY id`)).toEqual({
      schema: 'odd "names"',
      table: 'T',
      columns: ['n', 'Title', 'id'],
    });
  });

  it('is null when no single table row stands behind a result row', async () => {
    expect(await sourceOf(`SELECT id, n + 1 AS next FROM "odd ""names"""."T"`)).toBeNull();
    expect(await sourceOf(`SELECT t.id, o.id FROM "odd ""names"""."T" AS t JOIN other AS o ON o.t_id = t.id`)).toBeNull();
    expect(await sourceOf(`SELECT id, id FROM other`)).toBeNull();
    expect(await sourceOf(`SELECT 1 AS one`)).toBeNull();
  });
});
