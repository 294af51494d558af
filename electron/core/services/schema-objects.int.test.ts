import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { createDirectCore, type DirectCore } from '../testing/direct-core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/** Real objects of every kind the sequence, type and extension pages read. */
const FIXTURE = `
CREATE SCHEMA obj;
CREATE TYPE obj.mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE obj.mood ADD VALUE 'meh' BEFORE 'ok';
COMMENT ON TYPE obj.mood IS 'How it went';
CREATE TYPE obj.pair AS (amount numeric(10,2), label text COLLATE "C");
CREATE DOMAIN obj.positive AS integer DEFAULT 1 CONSTRAINT positive_nn NOT NULL CONSTRAINT positive_check CHECK (VALUE > 0);
ALTER DOMAIN obj.positive ADD CONSTRAINT positive_small CHECK (VALUE < 1000000) NOT VALID;
CREATE TYPE obj.float_range AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
CREATE SEQUENCE obj.almost_done AS integer MAXVALUE 100;
SELECT setval('obj.almost_done', 80);
CREATE SEQUENCE obj.falling INCREMENT BY -1;
CREATE SEQUENCE obj.wraps AS smallint MINVALUE 10 MAXVALUE 20 START 15 CACHE 5 CYCLE;
COMMENT ON SEQUENCE obj.wraps IS 'It''s cyclic';
CREATE TABLE obj.t (
  id serial PRIMARY KEY,
  ident bigint GENERATED ALWAYS AS IDENTITY,
  m obj.mood,
  ms obj.mood[],
  p obj.pair,
  q obj.positive,
  r obj.float_range,
  n bigint DEFAULT nextval('obj.almost_done')
);
CREATE VIEW obj.v AS SELECT m FROM obj.t;
CREATE TABLE obj.parted (m obj.mood) PARTITION BY LIST (m);
CREATE TABLE obj.parted_sad PARTITION OF obj.parted FOR VALUES IN ('sad');
CREATE TYPE obj.tag AS ENUM ('a', 'b');
DO $$ BEGIN
  EXECUTE 'CREATE TABLE obj.wide (' || (SELECT string_agg('c' || g || ' obj.tag', ', ') FROM generate_series(1, 105) AS g) || ')';
END $$;
INSERT INTO obj.t (m) VALUES ('ok');
CREATE EXTENSION pg_trgm WITH SCHEMA obj;
CREATE EXTENSION pgstattuple VERSION '1.4';
`;

let db: TestDatabase;
let direct: DirectCore;
let id: string;
const call = {
  seq: (name: string, connectionId = id) => direct.call('schema.describeSequence', { connectionId, schema: 'obj', name }),
  type: (name: string, connectionId = id) => direct.call('schema.describeType', { connectionId, schema: 'obj', name }),
  ext: (name: string) => direct.call('schema.describeExtension', { connectionId: id, name }),
};

beforeAll(async () => {
  db = await createTestDatabase('objects');
  await db.pool.query(FIXTURE);
  direct = createDirectCore();
  id = await direct.addProfile(db);
});
afterAll(async () => {
  await direct?.dispose();
  await db?.drop();
});

describe('sequence page', () => {
  it('reads a sequence near exhaustion: parameters, last value, range used, the default that calls it', async () => {
    const s = await call.seq('almost_done');
    expect(s).toMatchObject({
      dataType: 'integer',
      start: '1',
      increment: '1',
      min: '1',
      max: '100',
      cache: '1',
      cycle: false,
      lastValue: '81',
      lastValueState: 'known',
      remaining: '19',
      ownedBy: null,
      usedByDefaults: [{ schema: 'obj', table: 't', column: 'n' }],
      extension: null,
    });
    expect(s.usedFraction).toBeCloseTo(80 / 99, 5);
    expect(s.ddl).toContain(
      'CREATE SEQUENCE obj.almost_done\n    AS integer\n    START WITH 1\n    INCREMENT BY 1\n    MINVALUE 1\n    MAXVALUE 100',
    );
    expect(s.ddl).toContain("SELECT pg_catalog.setval('obj.almost_done', 81, true);");
  });

  it('tells an unused sequence from one this role may not read', async () => {
    const falling = await call.seq('falling');
    expect(falling).toMatchObject({ lastValue: null, lastValueState: 'never-used', usedFraction: 0, max: '-1', increment: '-1' });
    expect(falling.ddl).not.toContain('setval');

    const role = `seq_reader_${db.name}`;
    await db.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw'; GRANT USAGE ON SCHEMA obj TO ${role}`);
    const reader = await direct.addProfile({ ...db, user: role, password: 'reader-pw' }, { name: 'reader' });
    const hidden = await call.seq('almost_done', reader);
    expect(hidden).toMatchObject({ lastValue: null, lastValueState: 'no-privilege', usedFraction: null, remaining: null, max: '100' });
    expect(hidden.ddl).toContain('this role may not read the sequence');
  });

  it('names the owning column of a serial and of an identity column, and writes the identity as pg_dump does', async () => {
    const serial = await call.seq('t_id_seq');
    expect(serial.ownedBy).toEqual({ schema: 'obj', table: 't', column: 'id', identity: null });
    expect(serial.lastValue).toBe('1');
    expect(serial.ddl).toContain('ALTER SEQUENCE obj.t_id_seq OWNED BY obj.t.id;');
    const identity = await call.seq('t_ident_seq');
    expect(identity.ownedBy).toEqual({ schema: 'obj', table: 't', column: 'ident', identity: 'always' });
    expect(identity.ddl).toContain(
      'ALTER TABLE obj.t ALTER COLUMN ident ADD GENERATED ALWAYS AS IDENTITY (\n    SEQUENCE NAME obj.t_ident_seq\n',
    );
    expect(identity.usedByDefaults).toEqual([]);
  });

  it('rebuilds DDL that recreates the same sequences elsewhere', async () => {
    const other = await createTestDatabase('objects_ddl');
    try {
      await other.pool.query('CREATE SCHEMA obj; CREATE TABLE obj.t (id integer)');
      for (const name of ['almost_done', 'falling', 'wraps']) await other.pool.query((await call.seq(name)).ddl);
      const otherId = await direct.addProfile(other, { name: 'ddl-target' });
      for (const name of ['almost_done', 'falling', 'wraps']) {
        // Only the defaults that call it differ: obj.t there has none.
        const { ddl: _a, usedByDefaults: _da, ...a } = await call.seq(name);
        const { ddl: _b, usedByDefaults: _db, ...b } = await call.seq(name, otherId);
        expect(b, name).toEqual(a);
      }
      expect((await call.seq('wraps', otherId)).comment).toBe("It's cyclic");
      await direct.call('connections.disconnect', { id: otherId });
    } finally {
      await other.drop();
    }
  });

  it('gives up after the lock timeout while a migration holds the sequence', async () => {
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN; ALTER SEQUENCE obj.wraps RENAME TO wraps_renamed');
      const error = await call.seq('wraps').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).code).toBe('TIMEOUT');
      expect((error as RpcError).message).toMatch(/locked by another session/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('says when there is no such sequence', async () => {
    await expect(call.seq('t')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('type page', () => {
  it('reads an enum: labels in sort order, comment, the columns that use it (arrays and views too, partitions not)', async () => {
    const t = await call.type('mood');
    expect(t).toMatchObject({ kind: 'enum', labels: ['sad', 'meh', 'ok', 'happy'], comment: 'How it went', domain: null, range: null });
    expect(t.usage).toEqual([
      { schema: 'obj', relation: 'parted', relationKind: 'partitioned table', column: 'm', columnType: 'obj.mood' },
      { schema: 'obj', relation: 't', relationKind: 'table', column: 'm', columnType: 'obj.mood' },
      { schema: 'obj', relation: 't', relationKind: 'table', column: 'ms', columnType: 'obj.mood[]' },
      { schema: 'obj', relation: 'v', relationKind: 'view', column: 'm', columnType: 'obj.mood' },
    ]);
    expect(t.usageCount).toBe(4);
    expect(t.ddl).toContain("CREATE TYPE obj.mood AS ENUM (\n    'sad',\n    'meh',\n    'ok',\n    'happy'\n);");
  });

  it('lists the first 100 columns of a widely used type with the full count', async () => {
    const t = await call.type('tag');
    expect(t.usage).toHaveLength(100);
    expect(t.usageCount).toBe(105);
  });

  it('reads a composite type, a domain with its constraints, and a range', async () => {
    const pair = await call.type('pair');
    expect(pair.kind).toBe('composite');
    expect(pair.attributes).toEqual([
      { name: 'amount', type: 'numeric(10,2)', collation: null },
      { name: 'label', type: 'text', collation: 'pg_catalog."C"' },
    ]);
    expect(pair.usage.map((u) => `${u.relation}.${u.column}`)).toEqual(['t.p']);

    const positive = await call.type('positive');
    expect(positive.domain).toEqual({
      baseType: 'integer',
      notNull: true,
      default: '1',
      collation: null,
      constraints: [
        { name: 'positive_nn', type: 'not null', definition: 'NOT NULL', validated: true },
        { name: 'positive_check', type: 'check', definition: 'CHECK ((VALUE > 0))', validated: true },
        { name: 'positive_small', type: 'check', definition: 'CHECK ((VALUE < 1000000)) NOT VALID', validated: false },
      ],
    });
    expect(positive.ddl).toContain('ALTER DOMAIN obj.positive ADD CONSTRAINT positive_small CHECK ((VALUE < 1000000)) NOT VALID;');

    const range = await call.type('float_range');
    expect(range.range).toEqual({
      subtype: 'double precision',
      subtypeOpclass: null,
      collation: null,
      canonical: null,
      subtypeDiff: 'float8mi',
      multirange: 'obj.float_multirange',
    });
  });

  it('rebuilds DDL that recreates the same types elsewhere', async () => {
    const other = await createTestDatabase('types_ddl');
    try {
      await other.pool.query('CREATE SCHEMA obj');
      const names = ['mood', 'pair', 'positive', 'float_range'];
      for (const name of names) await other.pool.query((await call.type(name)).ddl);
      const otherId = await direct.addProfile(other, { name: 'types-target' });
      for (const name of names) {
        const { usage: _u, usageCount: _c, ...a } = await call.type(name);
        const { usage: _v, usageCount: _d, ...b } = await call.type(name, otherId);
        expect(b, name).toEqual(a);
      }
      await direct.call('connections.disconnect', { id: otherId });
    } finally {
      await other.drop();
    }
  });

  it('sends a table row type or an array type to the right page', async () => {
    await expect(call.type('t')).rejects.toThrow(/row type of a table; open that relation/);
    await expect(call.type('_mood')).rejects.toThrow(/array type of obj\.mood/);
    await expect(call.type('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks a type an extension created', async () => {
    const gtrgm = await call.type('gtrgm');
    expect(gtrgm).toMatchObject({ kind: 'base', extension: 'pg_trgm' });
    expect(gtrgm.base?.input).toBe('obj.gtrgm_in');
    expect(gtrgm.ddl).toContain('-- Created by extension pg_trgm');
  });
});

describe('extension page', () => {
  it('reads an up-to-date extension and the objects it owns, grouped by kind', async () => {
    const e = await call.ext('pg_trgm');
    expect(e).toMatchObject({ schema: 'obj', relocatable: true, updateAvailable: false, updatePath: null, updateSql: null, requires: [] });
    expect(e.installedVersion).toBe(e.defaultVersion);
    expect(e.description).toMatch(/trigram/);
    const functions = e.members.find((m) => m.kind === 'function');
    expect(functions?.count).toBeGreaterThan(10);
    expect(functions?.names).toContain('obj.similarity(pg_catalog.text,pg_catalog.text)');
    expect(e.members.find((m) => m.kind === 'type')?.names).toEqual(['obj.gtrgm', 'obj.gtrgm[]']);
    expect(e.members.map((m) => m.kind)).toEqual(expect.arrayContaining(['operator', 'operator class']));
    expect(e.memberCount).toBe(e.members.reduce((n, m) => n + m.count, 0));
    expect(e.ddl).toContain(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA obj VERSION '${e.installedVersion}';`);
  });

  it('offers the update of an old version as text, and the statement it shows works', async () => {
    const old = await call.ext('pgstattuple');
    expect(old).toMatchObject({ installedVersion: '1.4', updateAvailable: true, schema: 'public' });
    expect(old.updatePath?.[0]).toBe('1.4');
    expect(old.updatePath?.at(-1)).toBe(old.defaultVersion);
    expect(old.updateSql).toBe(`ALTER EXTENSION pgstattuple UPDATE TO '${old.defaultVersion}';`);
    await db.pool.query(old.updateSql!);
    expect(await call.ext('pgstattuple')).toMatchObject({ installedVersion: old.defaultVersion, updateAvailable: false });
  });

  it('says when the extension is not installed', async () => {
    await expect(call.ext('hstore')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
