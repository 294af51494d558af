import { describe, expect, it } from 'vitest';
import type { EditColumn } from '../contract/data-edit';
import { buildChangeStatements, changeScript, ChangeError } from './data-changes';

const column = (name: string, extra: Partial<EditColumn> = {}): EditColumn => ({
  name,
  type: 'text',
  kind: 'text',
  jsonb: false,
  enumLabels: [],
  nullable: true,
  hasDefault: false,
  readOnlyReason: null,
  references: null,
  ...extra,
});

const target = {
  schema: 'my "shop"',
  table: 'Items',
  key: ['id'],
  notEditableReason: null,
  columns: [
    column('id', { type: 'int8', kind: 'integer' }),
    column('title'),
    column('blob', { kind: 'bytea' }),
    column('g', { readOnlyReason: 'a generated column' }),
  ],
};

describe('buildChangeStatements', () => {
  it('quotes names, binds every value and matches updates on the key and each value as read', () => {
    const [update] = buildChangeStatements(target, [
      { op: 'update', key: { id: '7' }, original: { id: '7', title: 'old', blob: null }, values: { title: "it's" } },
    ]);
    expect(update!.text).toBe(
      [
        'UPDATE "my ""shop"""."Items"',
        'SET "title" = $1',
        'WHERE "id" = $2',
        `  AND (CASE WHEN "title" IS NULL THEN NULL ELSE pg_catalog.format('%s', "title") END) IS NOT DISTINCT FROM $3::text`,
        `  AND (CASE WHEN "blob" IS NULL THEN NULL ELSE pg_catalog.format('%s', "blob") END) IS NOT DISTINCT FROM $4::text`,
        'RETURNING *',
      ].join('\n'),
    );
    expect(update!.values).toEqual(["it's", '7', 'old', null]);
  });

  it('decodes bytes in the statement and inserts default values when nothing is given', () => {
    const [insert, empty] = buildChangeStatements(target, [
      { op: 'insert', key: {}, original: {}, values: { id: '1', blob: { base64: 'AAE=' } } },
      { op: 'insert', key: {}, original: {}, values: {} },
    ]);
    expect(insert).toMatchObject({
      text: `INSERT INTO "my ""shop"""."Items" ("id", "blob")\nVALUES ($1, pg_catalog.decode($2, 'base64'))\nRETURNING *`,
      values: ['1', 'AAE='],
    });
    expect(empty!.text).toBe('INSERT INTO "my ""shop"""."Items" DEFAULT VALUES\nRETURNING *');
  });

  it('refuses what cannot be written safely, naming the change', () => {
    const fails = (change: Parameters<typeof buildChangeStatements>[1][number]) => {
      try {
        buildChangeStatements(target, [change]);
      } catch (err) {
        expect(err).toBeInstanceOf(ChangeError);
        return (err as ChangeError).message;
      }
      throw new Error('expected a ChangeError');
    };
    expect(fails({ op: 'update', key: { id: '1' }, original: { g: 'x' }, values: { g: 'y' } })).toMatch(/generated column/);
    expect(fails({ op: 'update', key: { id: '1' }, original: {}, values: { title: 'y' } })).toMatch(/value as read of title is missing/);
    expect(fails({ op: 'delete', key: {}, original: {}, values: {} })).toMatch(/key column id is missing/);
    expect(fails({ op: 'insert', key: {}, original: {}, values: { 'x; DROP': '1' } })).toMatch(/is not a column/);
    expect(() => buildChangeStatements({ ...target, key: [] }, [])).toThrow(/no primary key/);
  });

  it('writes a reviewable script with the parameters under each statement', () => {
    const script = changeScript(buildChangeStatements(target, [{ op: 'delete', key: { id: '3' }, original: {}, values: {} }]));
    expect(script).toBe(
      ['BEGIN;', 'DELETE FROM "my ""shop"""."Items"\nWHERE "id" = $1;\n-- parameters:\n--   $1 = "3"', 'COMMIT;'].join('\n\n'),
    );
  });
});
