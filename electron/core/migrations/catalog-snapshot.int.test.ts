import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { catalogObjectKinds, describeDifference, diffCatalogSnapshots, takeCatalogSnapshot, type CatalogSnapshot } from './catalog-snapshot';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('catalog');
});
afterAll(async () => {
  await db.drop();
});

async function snapshot(): Promise<CatalogSnapshot> {
  const client = await db.pool.connect();
  try {
    return await takeCatalogSnapshot(client);
  } finally {
    client.release();
  }
}

/** One object of every kind the snapshot describes. */
const everything = `
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'the shop';
CREATE TYPE shop.mood AS ENUM ('happy', 'sad');
CREATE DOMAIN shop.positive AS integer CHECK (VALUE > 0);
CREATE TYPE shop.pair AS (a integer, b text);
CREATE TYPE shop.span AS RANGE (subtype = integer);
CREATE SEQUENCE shop.ticket_no START 100 INCREMENT 5;
CREATE TABLE shop.items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL COLLATE "C",
  qty shop.positive DEFAULT 1,
  mood shop.mood,
  price numeric(10, 2) CHECK (price >= 0),
  total numeric GENERATED ALWAYS AS (price * 2) STORED,
  serial_no integer DEFAULT nextval('shop.ticket_no')
);
ALTER SEQUENCE shop.ticket_no OWNED BY shop.items.serial_no;
COMMENT ON COLUMN shop.items.name IS 'display name';
CREATE TABLE shop.events (id int, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2024 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE UNIQUE INDEX items_name_idx ON shop.items (lower(name)) WHERE qty > 1;
CREATE VIEW shop.cheap AS SELECT id, name FROM shop.items WHERE price < 10;
CREATE MATERIALIZED VIEW shop.counts AS SELECT mood, count(*) AS n FROM shop.items GROUP BY mood;
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE shop.noop() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE AGGREGATE shop.total_len(text) (sfunc = textcat, stype = text, initcond = '');
CREATE TRIGGER items_touch BEFORE UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_read ON shop.items FOR SELECT USING (qty > 0);
CREATE RULE no_delete AS ON DELETE TO shop.cheap DO INSTEAD NOTHING;
CREATE FUNCTION shop.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER shop_ddl ON ddl_command_end EXECUTE FUNCTION shop.on_ddl();
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
GRANT SELECT ON shop.items TO PUBLIC;
CREATE SCHEMA ticketz_console;
CREATE TABLE ticketz_console.ignored (id int);
`;

describe('catalog snapshot', () => {
  it('describes every kind of object by name and definition, leaving out the console schema', async () => {
    const empty = await snapshot();
    await db.pool.query(everything);
    const full = await snapshot();
    expect(Object.keys(full).sort()).toEqual([...catalogObjectKinds].sort());
    expect(full.schema.shop).toMatchObject({ comment: 'the shop' });
    expect(full.schema.ticketz_console).toBeUndefined();
    expect(full.relation['shop.items']).toMatchObject({ kind: 'r', row_security: true, acl: expect.stringContaining('=r/') });
    expect(full.relation['shop.events_2024']).toMatchObject({ parents: 'shop.events', partition_bound: expect.stringContaining('2024-01-01') });
    expect(full.relation['shop.cheap']!.definition).toContain('price < ');
    expect(full.column['shop.items.name']).toMatchObject({ position: 2, type: 'text', not_null: true, collation: 'C', comment: 'display name' });
    expect(full.column['shop.items.id']).toMatchObject({ identity: 'a' });
    expect(full.column['shop.items.total']).toMatchObject({ generated: 's' });
    expect(full.column['shop.pair.b']).toMatchObject({ position: 2, type: 'text' });
    expect(Object.keys(full.constraint)).toEqual(expect.arrayContaining(['shop.items.items_pkey', 'shop.items.items_price_check', 'shop.positive.positive_check']));
    expect(full.index['shop.items_name_idx']!.definition).toBe('CREATE UNIQUE INDEX items_name_idx ON shop.items USING btree (lower(name)) WHERE ((qty)::integer > 1)');
    expect(full.function['shop.touch()']!.definition).toContain('RETURN NEW');
    expect(full.function['shop.total_len(text)']).toMatchObject({ kind: 'a' });
    expect(full.function['shop.noop()']).toMatchObject({ kind: 'p' });
    expect(full.type['shop.mood']).toMatchObject({ kind: 'e', labels: 'happy, sad' });
    expect(full.type['shop.positive']).toMatchObject({ kind: 'd', base_type: 'integer' });
    expect(full.type['shop.span']).toMatchObject({ kind: 'r', range_subtype: 'integer' });
    expect(Object.keys(full.type)).not.toContain('shop.items'); // a table's row type comes with the table
    expect(full.extension.pg_stat_statements).toBeDefined();
    expect(Object.keys(full.function).some((f) => f.includes('pg_stat_statements'))).toBe(false); // members of the extension
    expect(full.trigger['shop.items.items_touch']!.definition).toContain('BEFORE UPDATE');
    expect(full.policy['shop.items.items_read']).toMatchObject({ command: 'r', roles: 'public' });
    expect(full.sequence['shop.ticket_no']).toMatchObject({ start: '100', increment: '5', owned_by: 'shop.items.serial_no' });
    expect(full.rule['shop.cheap.no_delete']).toBeDefined();
    expect(full.rule['shop.cheap._RETURN']).toBeUndefined();
    expect(full.relation['shop.counts']).toMatchObject({ kind: 'm' });
    expect(full.relation['shop.items_id_seq']).toMatchObject({ kind: 'S' });
    expect(full['event trigger'].shop_ddl).toMatchObject({ event: 'ddl_command_end', function: 'shop.on_ddl' });

    const added = diffCatalogSnapshots(empty, full);
    expect(added).toContainEqual({ kind: 'relation', object: 'shop.items', change: 'added' });
    expect(diffCatalogSnapshots(full, empty)).toContainEqual({ kind: 'schema', object: 'shop', change: 'removed' });

    await db.pool.query('DROP EVENT TRIGGER shop_ddl; DROP SCHEMA shop CASCADE; DROP EXTENSION pg_stat_statements; DROP SCHEMA ticketz_console CASCADE');
    expect(diffCatalogSnapshots(empty, await snapshot())).toEqual([]);
  });

  it('reports an attribute change as object + attribute, before and after; a dropped and re-added column is not a change', async () => {
    await db.pool.query('CREATE TABLE t (a int, b text, c int); CREATE INDEX t_a ON t (a)');
    const before = await snapshot();
    await db.pool.query('ALTER TABLE t DROP COLUMN c; ALTER TABLE t ADD COLUMN c int');
    expect(diffCatalogSnapshots(before, await snapshot())).toEqual([]);
    await db.pool.query('DROP INDEX t_a; CREATE INDEX t_a ON t (a DESC); ALTER TABLE t ALTER COLUMN b SET NOT NULL');
    const differences = diffCatalogSnapshots(before, await snapshot());
    expect(differences).toEqual([
      { kind: 'column', object: 'public.t.b', change: 'changed', attribute: 'not_null', before: false, after: true },
      // PostgreSQL 18 records NOT NULL as a constraint too.
      ...(differences.some((d) => d.kind === 'constraint') ? [{ kind: 'constraint', object: 'public.t.t_b_not_null', change: 'added' }] : []),
      {
        kind: 'index',
        object: 'public.t_a',
        change: 'changed',
        attribute: 'definition',
        before: 'CREATE INDEX t_a ON public.t USING btree (a)',
        after: 'CREATE INDEX t_a ON public.t USING btree (a DESC)',
      },
    ]);
    expect(describeDifference(differences[0]!)).toBe('column public.t.b: not_null false → true');
    await db.pool.query('DROP TABLE t');
  });
});
