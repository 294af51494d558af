import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCoreFixture } from '../testing/core-fixture';

const env = useCoreFixture('advisor');

async function sql(text: string) {
  await env.db.pool.query(text);
}

beforeAll(async () => {
  await sql('CREATE SCHEMA shop');
  await sql('CREATE TABLE shop.customers (id int PRIMARY KEY, email text NOT NULL)');
  // The planted FK without an index.
  await sql('CREATE TABLE shop.orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES shop.customers (id), note text, ref text)');
  // FKs led by an index: not findings (the composite one in another column order than the key).
  await sql('CREATE TABLE shop.lines (order_id int NOT NULL REFERENCES shop.orders (id), n int NOT NULL, PRIMARY KEY (order_id, n))');
  await sql(`CREATE TABLE shop.pairs (a int, b int, PRIMARY KEY (a, b))`);
  await sql(`CREATE TABLE shop.pair_refs (id int PRIMARY KEY, a int, b int, FOREIGN KEY (a, b) REFERENCES shop.pairs (a, b))`);
  await sql(`CREATE INDEX pair_refs_b_a_idx ON shop.pair_refs (b, a)`);
  await sql(`INSERT INTO shop.customers SELECT g, 'c' || g || '@x' FROM generate_series(1, 100) AS g`);
  await sql(`INSERT INTO shop.orders SELECT g, 1 + g % 100, 'n', gen_random_uuid()::text FROM generate_series(1, 20000) AS g`);
  // Unused, duplicate (twin), redundant prefix, and an invalid unique index.
  await sql('CREATE INDEX orders_note_idx ON shop.orders (note)');
  await sql('CREATE INDEX orders_note_twin_idx ON shop.orders (note)');
  await sql('CREATE INDEX orders_note_ref_idx ON shop.orders (note, ref)');
  await sql('ANALYZE shop.customers, shop.orders, shop.lines');
  await env.db.pool.query('CREATE UNIQUE INDEX CONCURRENTLY orders_note_unique ON shop.orders (note)').catch(() => undefined);
  // Mostly sequential scans on a 20,000-row table; flush this session's counters for the reader.
  const c = new pg.Client({ connectionString: env.db.url });
  await c.connect();
  for (let i = 0; i < 5; i++) await c.query(`SELECT count(*) FROM shop.orders WHERE ref LIKE '%zz%'`);
  await c.query('SELECT pg_stat_force_next_flush()');
  await c.query('SELECT 1');
  await c.end();
});

describe('index advisor', () => {
  it('finds the foreign key without an index, and drafts its migration', async () => {
    const { findings } = await env.call('insights.advisor', { connectionId: env.id });
    const fk = findings.filter((f) => f.kind === 'fk-without-index');
    expect(fk.map((f) => `${f.table}.${f.object}`)).toEqual(['orders.orders_customer_id_fkey']);
    expect(fk[0]).toMatchObject({ schema: 'shop', severity: 'warning', hasDraft: true });
    expect(fk[0]!.why).toMatch(/shop\.customers/);

    const draft = await env.call('insights.migrationDraft', { connectionId: env.id, findingId: fk[0]!.id });
    expect(draft).toMatchObject({ suggestedName: 'add_index_orders_customer_id', nonTransactional: true });
    expect(draft.upSql).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_customer_id_idx"');

    // The draft is real SQL: applied, the finding goes; rolled back, it returns.
    await sql(draft.upSql);
    const after = await env.call('insights.advisor', { connectionId: env.id });
    expect(after.findings.some((f) => f.id === fk[0]!.id)).toBe(false);
    await sql(draft.downSql);
    const back = await env.call('insights.advisor', { connectionId: env.id });
    expect(back.findings.some((f) => f.id === fk[0]!.id)).toBe(true);
  });

  it('finds unused, duplicate, redundant-prefix and invalid indexes but never unique or primary keys', async () => {
    const { findings } = await env.call('insights.advisor', { connectionId: env.id });
    const of = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.object);
    expect(of('unused-index')).toEqual(expect.arrayContaining(['orders_note_idx', 'orders_note_twin_idx', 'orders_note_ref_idx']));
    expect(of('unused-index')).not.toContain('orders_pkey');
    expect(of('unused-index')).not.toContain('orders_note_unique');
    // The index planted for the FK's sake is never proposed for dropping.
    expect(of('unused-index')).not.toContain('pair_refs_b_a_idx');
    // The twin is reported once (the newer one); the single-column ones are prefixes of (note, ref).
    const dup = findings.filter((f) => f.kind === 'duplicate-index');
    expect(dup.filter((f) => f.title.includes('duplicates')).map((f) => f.object)).toEqual(['orders_note_twin_idx']);
    expect(
      dup
        .filter((f) => f.title.includes('prefix'))
        .map((f) => f.object)
        .sort(),
    ).toEqual(['orders_note_idx', 'orders_note_twin_idx']);
    expect(of('invalid-index')).toEqual(['orders_note_unique']);
    const invalid = findings.find((f) => f.kind === 'invalid-index')!;
    expect(invalid.severity).toBe('critical');
    const draft = await env.call('insights.migrationDraft', { connectionId: env.id, findingId: invalid.id });
    expect(draft.upSql).toContain('DROP INDEX CONCURRENTLY IF EXISTS "shop"."orders_note_unique"');
    const unused = findings.find((f) => f.kind === 'unused-index' && f.object === 'orders_note_ref_idx')!;
    const drop = await env.call('insights.migrationDraft', { connectionId: env.id, findingId: unused.id });
    expect(drop.downSql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_ref_idx ON shop.orders USING btree (note, ref);\n');
  });

  it('flags large tables read by sequential scans, and UUIDs kept as text', async () => {
    const { findings } = await env.call('insights.advisor', { connectionId: env.id });
    const seq = findings.find((f) => f.kind === 'seq-scan-heavy' && f.table === 'orders');
    expect(seq).toBeDefined();
    expect(seq!.hasDraft).toBe(false);
    await expect(env.call('insights.migrationDraft', { connectionId: env.id, findingId: seq!.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const uuid = findings.find((f) => f.kind === 'uuid-as-text')!;
    expect(uuid).toMatchObject({ table: 'orders', object: 'ref' });
    const draft = await env.call('insights.migrationDraft', { connectionId: env.id, findingId: uuid.id });
    expect(draft.upSql).toBe('ALTER TABLE "shop"."orders"\n    ALTER COLUMN "ref" TYPE uuid USING "ref"::uuid;\n');
    expect(draft.downSql).toContain('TYPE text USING "ref"::text');
    expect(findings.some((f) => f.kind === 'uuid-as-text' && f.object === 'note')).toBe(false);
  });

  it('says when a finding no longer applies', async () => {
    await expect(env.call('insights.migrationDraft', { connectionId: env.id, findingId: 'fk-without-index:1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
