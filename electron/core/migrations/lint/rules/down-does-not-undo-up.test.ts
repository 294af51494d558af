import { describe, expect, it } from 'vitest';
import { lintMigration } from '../lint-migration';
import { PriorSchema } from '../prior-schema';
import { downDoesNotUndoUp } from './down-does-not-undo-up';

const undoFindings = async (upSql: string, downSql: string, priorSchema?: PriorSchema) =>
  (await lintMigration({ upSql, downSql, lockTimeoutByRunner: true, priorSchema }, [downDoesNotUndoUp])).map((f) => `${f.line}: ${f.message}`);

describe('down-does-not-undo-up, where the schema says otherwise', () => {
  const up = [
    'CREATE TABLE refunds (id bigint);',
    'CREATE VIEW refund_ids AS SELECT id FROM refunds;',
    'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;',
    'CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();',
  ].join('\n');

  it('objects the down script drops by CASCADE are undone', async () => {
    expect(await undoFindings(up, 'DROP TABLE refunds CASCADE;\nDROP FUNCTION touch() CASCADE;')).toEqual([]);
  });

  it('without CASCADE, the view and the trigger are left behind', async () => {
    expect(await undoFindings(up, 'DROP TABLE refunds;\nDROP FUNCTION touch();')).toEqual([
      '2: The up script creates view refund_ids; the down script does not drop it.',
      '4: The up script creates trigger orders_touch on orders; the down script does not drop it.',
    ]);
  });

  it('a CASCADE drop of something else does not count', async () => {
    expect(await undoFindings('CREATE VIEW order_ids AS SELECT id FROM orders;', 'DROP TABLE refunds CASCADE;')).toEqual([
      '1: The up script creates view order_ids; the down script does not drop it.',
    ]);
  });

  it('SET NOT NULL on a column that an earlier migration made NOT NULL needs no DROP NOT NULL', async () => {
    // Each case after a fresh first migration (lintMigration applies every up script it lints to the model).
    const after0001 = async () => {
      const prior = new PriorSchema();
      await lintMigration({ upSql: 'CREATE TABLE tickets (id bigint PRIMARY KEY, code text NOT NULL, note text);', downSql: 'DROP TABLE tickets;', priorSchema: prior });
      return prior;
    };
    expect(await undoFindings('ALTER TABLE tickets ALTER COLUMN code SET NOT NULL;', 'SELECT 1;', await after0001())).toEqual([]);
    expect(await undoFindings('ALTER TABLE tickets ALTER COLUMN id SET NOT NULL;', 'SELECT 1;', await after0001())).toEqual([]);
    // note was nullable: the up really changes it.
    expect(await undoFindings('ALTER TABLE tickets ALTER COLUMN note SET NOT NULL;', 'SELECT 1;', await after0001())).toEqual([
      '1: The up script sets NOT NULL on column tickets.note; the down script does not DROP NOT NULL.',
    ]);
    // DROP NOT NULL of a column that was nullable changes nothing; of one that was NOT NULL it does.
    expect(await undoFindings('ALTER TABLE tickets ALTER COLUMN note DROP NOT NULL;', 'SELECT 1;', await after0001())).toEqual([]);
    expect(await undoFindings('ALTER TABLE tickets ALTER COLUMN code DROP NOT NULL;', 'SELECT 1;', await after0001())).toHaveLength(1);
  });

  it('without the earlier migrations, SET NOT NULL is reported (the column is unknown)', async () => {
    expect(await undoFindings('ALTER TABLE tickets ALTER COLUMN code SET NOT NULL;', 'SELECT 1;')).toHaveLength(1);
  });

  it('the prior schema follows the folder: an up script that drops NOT NULL is seen by the next migration', async () => {
    const prior = new PriorSchema();
    await lintMigration({ upSql: 'CREATE TABLE t (a int NOT NULL);', downSql: 'DROP TABLE t;', priorSchema: prior });
    await lintMigration({ upSql: 'ALTER TABLE t ALTER COLUMN a DROP NOT NULL;', downSql: 'ALTER TABLE t ALTER COLUMN a SET NOT NULL;', priorSchema: prior });
    expect(prior.isNotNull({ name: 't' }, 'a')).toBe(false);
    expect(await undoFindings('ALTER TABLE t ALTER COLUMN a SET NOT NULL;', 'SELECT 1;', prior)).toHaveLength(1);
  });
});
