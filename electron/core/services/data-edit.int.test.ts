import { beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { useCoreFixture } from '../testing/core-fixture';

const fx = useCoreFixture('dataedit');

type Changes = InputOf<'data.applyChanges'>['changes'];

beforeAll(async () => {
  await fx.db.pool.query(`
    CREATE SCHEMA shop;
    CREATE TYPE shop.mood AS ENUM ('sad', 'ok', 'happy');
    CREATE TABLE shop.venue (id int PRIMARY KEY, name text NOT NULL);
    INSERT INTO shop.venue VALUES (1, 'Arena'), (2, 'Hall');
    CREATE TABLE shop.item (
      id int8 PRIMARY KEY,
      title text,
      price numeric(20, 6),
      big int8,
      active boolean,
      born date,
      seen timestamptz,
      doc json,
      docb jsonb,
      mood shop.mood,
      blob bytea,
      venue_id int REFERENCES shop.venue (id),
      serial_no int GENERATED ALWAYS AS IDENTITY,
      twice numeric GENERATED ALWAYS AS (price * 2) STORED
    );
    INSERT INTO shop.item (id, title, price, big, active, born, seen, doc, docb, mood, venue_id)
    VALUES (1, 'first', 1.5, 9007199254740993, true, '2024-02-29', '2024-01-01 10:00:00+00', '{"a": 1}', '{"b": 2}', 'ok', 1),
           (2, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    CREATE TABLE shop.nokey (a int, b text);
    CREATE TABLE shop.bycode (code text NOT NULL UNIQUE, qty int);
    INSERT INTO shop.bycode VALUES ('x', 1);
  `);
});

const row = async (id: number) =>
  (
    await fx.db.pool.query<Record<string, string | null>>(
      `SELECT id::text, title, price::text, big::text, active::text, born::text, seen::text, doc::text, docb::text, mood::text,
              encode(blob, 'hex') AS blob, venue_id::text, serial_no::text, twice::text
       FROM shop.item WHERE id = $1`,
      [id],
    )
  ).rows[0];

/** The row as the grid read it: every column in Postgres's text form, straight from the Data tab's call. */
async function readAsGrid(id: number): Promise<Record<string, string | null>> {
  const data = await fx.call('schema.tableData', {
    connectionId: fx.id,
    schema: 'shop',
    name: 'item',
    filters: [{ column: 'id', op: '=', value: String(id) }],
  });
  const cells = data.rows[0]!;
  return Object.fromEntries(data.columns.map((c, i) => [c.name, cells[i] ?? null]));
}

const apply = (changes: Changes, table = 'item') => fx.call('data.applyChanges', { connectionId: fx.id, schema: 'shop', table, changes });

describe('data.editInfo', () => {
  it('describes the key, each column kind, read-only columns and foreign keys', async () => {
    const info = await fx.call('data.editInfo', { connectionId: fx.id, schema: 'shop', table: 'item' });
    expect(info.key).toEqual(['id']);
    expect(info.keySource).toBe('primary key');
    expect(info.notEditableReason).toBeNull();
    const kinds = Object.fromEntries(info.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({
      title: 'text',
      price: 'numeric',
      big: 'integer',
      active: 'boolean',
      born: 'date',
      seen: 'timestamptz',
      doc: 'json',
      docb: 'json',
      mood: 'enum',
      blob: 'bytea',
    });
    const byName = Object.fromEntries(info.columns.map((c) => [c.name, c]));
    expect(byName.mood!.enumLabels).toEqual(['sad', 'ok', 'happy']);
    expect(byName.docb!.jsonb).toBe(true);
    expect(byName.serial_no!.readOnlyReason).toMatch(/identity/);
    expect(byName.twice!.readOnlyReason).toMatch(/generated/);
    expect(byName.venue_id!.references).toEqual({ schema: 'shop', table: 'venue', column: 'id' });
    expect(info.database).toBe(fx.db.name);
    expect(info.confirmAbove).toBeNull();
  });

  it('uses a unique index over NOT NULL columns when there is no primary key', async () => {
    const info = await fx.call('data.editInfo', { connectionId: fx.id, schema: 'shop', table: 'bycode' });
    expect(info).toMatchObject({ key: ['code'], keySource: 'unique index', notEditableReason: null });
  });

  it('refuses a table without a key, with the reason, before anything runs', async () => {
    const info = await fx.call('data.editInfo', { connectionId: fx.id, schema: 'shop', table: 'nokey' });
    expect(info.notEditableReason).toMatch(/no primary key/);
    await expect(apply([{ op: 'insert', values: { a: '1' } }], 'nokey')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: /no primary key/,
    });
    expect((await fx.db.pool.query('SELECT count(*)::int AS n FROM shop.nokey')).rows[0].n).toBe(0);
  });

  it('offers the referenced rows of a foreign-key column with a label', async () => {
    const found = await fx.call('data.lookupReferenced', {
      connectionId: fx.id,
      schema: 'shop',
      table: 'item',
      column: 'venue_id',
      search: 'hal',
    });
    expect(found).toEqual({ options: [{ value: '2', label: 'Hall' }], labelColumn: 'name' });
  });
});

describe('data.applyChanges', () => {
  it('writes every type exactly: int8 and numeric as strings, booleans, dates, timestamptz, json, jsonb, enums, bytea', async () => {
    const original = await readAsGrid(2);
    const result = await apply([
      {
        op: 'update',
        key: { id: '2' },
        original,
        values: {
          price: '12345678901234.123456',
          big: '9223372036854775807',
          active: 'false',
          born: '1999-12-31',
          seen: '2024-06-01T12:30:00+02:00',
          doc: '{"z": 1,  "a": [1, 2]}',
          docb: '{"z": 1, "a": [1, 2]}',
          mood: 'happy',
          blob: { base64: Buffer.from([0, 1, 254, 255]).toString('base64') },
          venue_id: '2',
        },
      },
    ]);
    expect(result).toMatchObject({ applied: { inserted: 0, updated: 1, deleted: 0 }, conflicts: [] });
    // The row comes back as stored: jsonb normalised, the generated column computed.
    expect(result.stored).toEqual([
      { index: 0, row: expect.objectContaining({ id: '2', docb: '{"a": [1, 2], "z": 1}', twice: '24691357802468.246912', active: 'f' }) },
    ]);
    expect(await row(2)).toMatchObject({
      title: '',
      price: '12345678901234.123456',
      big: '9223372036854775807',
      active: 'false',
      born: '1999-12-31',
      doc: '{"z": 1,  "a": [1, 2]}',
      docb: '{"a": [1, 2], "z": 1}',
      mood: 'happy',
      blob: '0001feff',
      venue_id: '2',
      twice: '24691357802468.246912',
    });
    const seen = (await fx.db.pool.query(`SELECT seen = '2024-06-01 10:30:00+00' AS same FROM shop.item WHERE id = 2`)).rows[0].same;
    expect(seen).toBe(true);
  });

  it('keeps NULL and the empty string apart', async () => {
    const original = await readAsGrid(1);
    await apply([{ op: 'update', key: { id: '1' }, original, values: { title: null } }]);
    expect((await row(1))!.title).toBeNull();
    await apply([{ op: 'update', key: { id: '1' }, original: await readAsGrid(1), values: { title: '' } }]);
    expect((await row(1))!.title).toBe('');
  });

  it('inserts with defaults for omitted columns and deletes by key and values as read', async () => {
    const result = await apply([
      { op: 'insert', values: { id: '10', title: 'new', mood: 'sad' } },
      { op: 'delete', key: { id: '2' }, original: await readAsGrid(2) },
    ]);
    expect(result.applied).toEqual({ inserted: 1, updated: 0, deleted: 1 });
    expect(result.stored).toEqual([
      { index: 0, row: expect.objectContaining({ id: '10', serial_no: expect.stringMatching(/^\d+$/), price: null }) },
    ]);
    expect(await row(10)).toMatchObject({ title: 'new', mood: 'sad', serial_no: expect.stringMatching(/^\d+$/) });
    expect(await row(2)).toBeUndefined();
  });

  it('refuses writes to generated and identity columns and unknown columns, naming the change', async () => {
    const original = await readAsGrid(1);
    await expect(apply([{ op: 'update', key: { id: '1' }, original, values: { serial_no: '5' } }])).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: /Change 1: Column serial_no cannot be written: an identity column/,
    });
    await expect(apply([{ op: 'insert', values: { id: '11', twice: '1' } }])).rejects.toMatchObject({ message: /generated column/ });
    await expect(apply([{ op: 'insert', values: { id: '11', nope: '1' } }])).rejects.toMatchObject({ message: /nope is not a column/ });
  });

  it('reports a conflict with the current values and applies nothing of the set', async () => {
    const original = await readAsGrid(1);
    await fx.db.pool.query(`UPDATE shop.item SET price = 99 WHERE id = 1`);
    const before = await row(10);
    const result = await apply([
      { op: 'update', key: { id: '10' }, original: await readAsGrid(10), values: { title: 'should not stay' } },
      { op: 'update', key: { id: '1' }, original, values: { title: 'mine' } },
      { op: 'delete', key: { id: '404' }, original: { id: '404', title: 'ghost' } },
    ]);
    expect(result.applied).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(result.stored).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        index: 1,
        reason: 'changed',
        differs: ['price', 'twice'],
        current: expect.objectContaining({ price: '99.000000' }),
      }),
      expect.objectContaining({ index: 2, reason: 'deleted', current: null }),
    ]);
    expect(await row(10)).toEqual(before);
  });

  it('rolls everything back when the server rejects one change, with SQLSTATE and the change named', async () => {
    const err = await apply([
      { op: 'insert', values: { id: '20', title: 'kept?' } },
      { op: 'insert', values: { id: '10', title: 'duplicate' } },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect((err as RpcError).message).toMatch(/Change 2 \(the insert\) failed, so nothing was applied/);
    expect((err as RpcError).pg?.sqlstate).toBe('23505');
    expect(await row(20)).toBeUndefined();
    const bad = await apply([{ op: 'insert', values: { id: '21', mood: 'furious' } }]).catch((e: unknown) => e);
    expect((bad as RpcError).pg?.sqlstate).toBe('22P02');
  });

  it('records every commit in the audit log with the table, the operation counts and the outcome', async () => {
    await apply([{ op: 'insert', values: { id: '30', title: 'audited' } }]);
    const { entries } = await fx.call('audit.list', { connectionId: fx.id, action: 'data.edit' });
    expect(entries[0]).toMatchObject({
      action: 'data.edit',
      target: '"shop"."item"',
      outcome: 'succeeded',
      detail: expect.stringMatching(/1 insert/),
    });
    expect(entries.some((e) => e.outcome === 'failed' && /changed or were deleted since they were read/.test(e.error ?? ''))).toBe(true);
  });

  it('binds hostile text as a value, never as SQL', async () => {
    const evil = `x'); DROP TABLE shop.venue; --`;
    await apply([{ op: 'insert', values: { id: '40', title: evil } }]);
    expect((await row(40))!.title).toBe(evil);
    expect((await fx.db.pool.query(`SELECT to_regclass('shop.venue') IS NOT NULL AS ok`)).rows[0].ok).toBe(true);
  });
});

describe('safety', () => {
  it('refuses edits on a read-only profile before anything runs, and says so in editInfo', async () => {
    const readOnlyId = await fx.direct.addProfile(fx.db, { name: 'ro', readOnly: true });
    const info = await fx.call('data.editInfo', { connectionId: readOnlyId, schema: 'shop', table: 'item' });
    expect(info.readOnlyConnection).toBe(true);
    await expect(
      fx.call('data.applyChanges', {
        connectionId: readOnlyId,
        schema: 'shop',
        table: 'item',
        changes: [{ op: 'insert', values: { id: '50' } }],
      }),
    ).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(await row(50)).toBeUndefined();
  });

  it('asks for the database name on a production connection for more than 10 rows', async () => {
    const prodId = await fx.direct.addProfile(fx.db, { name: 'prod', environment: 'production' });
    const info = await fx.call('data.editInfo', { connectionId: prodId, schema: 'shop', table: 'item' });
    expect(info.confirmAbove).toBe(10);
    const changes = Array.from({ length: 11 }, (_, i) => ({ op: 'insert' as const, values: { id: String(100 + i) } }));
    await expect(fx.call('data.applyChanges', { connectionId: prodId, schema: 'shop', table: 'item', changes })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: new RegExp(`type the database name "${fx.db.name}"`),
    });
    expect(await row(100)).toBeUndefined();
    const ok = await fx.call('data.applyChanges', {
      connectionId: prodId,
      schema: 'shop',
      table: 'item',
      changes,
      confirmDatabase: fx.db.name,
    });
    expect(ok.applied.inserted).toBe(11);
    const ten = Array.from({ length: 10 }, (_, i) => ({ op: 'insert' as const, values: { id: String(200 + i) } }));
    expect(
      (await fx.call('data.applyChanges', { connectionId: prodId, schema: 'shop', table: 'item', changes: ten })).applied.inserted,
    ).toBe(10);
  });
});
