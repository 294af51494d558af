import { describe, expect, it } from 'vitest';
import type { TransactionRole } from './transaction-statements';
import { MAX_KEPT_STATEMENTS, TransactionTracker } from './transaction-tracker';

const plain: TransactionRole = { begins: false, ends: false, readOnlyBegin: false, outsideTransaction: undefined, mayWrite: false };
const write: TransactionRole = { ...plain, mayWrite: true };
const begin: TransactionRole = { ...plain, begins: true };
const end: TransactionRole = { ...plain, ends: true };
const stmt = (text: string, role: TransactionRole, startedAt = 2_000) => ({ text, role, startedAt });

describe('TransactionTracker', () => {
  it('follows an implicit transaction: begin time, statements, wrote from the probe', () => {
    const t = new TransactionTracker();
    t.begun(1_000, false);
    expect(t.observe('T', stmt('SELECT 1', plain))).toBeUndefined();
    expect(t).toMatchObject({ status: 'T', startedAt: 1_000, statements: 1, wrote: false });
    t.observe('T', stmt('UPDATE t SET a = 1 WHERE false', write));
    // Until PostgreSQL is asked, a statement that may write counts as a write …
    expect(t.wrote).toBe(true);
    expect(t.wantsProbe).toBe(true);
    // … and PostgreSQL says it did not (no transaction id).
    t.probed(false);
    expect(t.wrote).toBe(false);
    expect(t.wantsProbe).toBe(false);
    t.observe('T', stmt('INSERT INTO t VALUES (1)', write));
    t.probed(true);
    t.observe('T', stmt('UPDATE t SET a = 2', write));
    t.probed(false); // a later "no" cannot undo a confirmed write
    expect(t.wrote).toBe(true);
    const ended = t.end();
    expect(ended).toEqual({
      startedAt: 1_000,
      statements: 4,
      wrote: true,
      readOnly: false,
      sql: ['SELECT 1', 'UPDATE t SET a = 1 WHERE false', 'INSERT INTO t VALUES (1)', 'UPDATE t SET a = 2'],
    });
    expect(t).toMatchObject({ status: 'I', startedAt: null, statements: 0, wrote: false });
    expect(t.end()).toBeUndefined();
  });

  it('reports the transaction a typed COMMIT or ROLLBACK ended, and one that COMMIT AND CHAIN replaced', () => {
    const t = new TransactionTracker();
    expect(t.observe('T', stmt('BEGIN READ ONLY', { ...begin, readOnlyBegin: true }, 5))).toBeUndefined();
    expect(t).toMatchObject({ startedAt: 5, statements: 0, readOnly: true });
    t.observe('T', stmt('SELECT 1', plain));
    const chained = t.observe('T', stmt('COMMIT AND CHAIN', end, 9));
    expect(chained).toMatchObject({ startedAt: 5, statements: 1, readOnly: true });
    // The chained transaction keeps the characteristics and starts at the COMMIT.
    expect(t).toMatchObject({ status: 'T', startedAt: 9, statements: 0, readOnly: true });
    expect(t.observe('I', stmt('ROLLBACK', end))).toMatchObject({ statements: 0, wrote: false });
    expect(t.status).toBe('I');
    // ROLLBACK with nothing open ends nothing.
    expect(t.observe('I', stmt('ROLLBACK', end))).toBeUndefined();
  });

  it('keeps a failed transaction failed and does not count the statements PostgreSQL ignored', () => {
    const t = new TransactionTracker();
    t.begun(1, false);
    t.observe('T', stmt('INSERT INTO t VALUES (1)', write));
    t.observe('E', stmt('INSERT INTO t VALUES (1)', write));
    t.observe('E', stmt('SELECT 1', plain));
    expect(t).toMatchObject({ status: 'E', statements: 2, wrote: true });
    // No probe in a failed transaction: PostgreSQL refuses every query there.
    expect(t.wantsProbe).toBe(false);
    t.probed(false);
    expect(t.wrote).toBe(true);
    expect(t.observe('I', stmt('ROLLBACK', end))).toMatchObject({ statements: 2, wrote: true });
  });

  it('keeps a bounded list of statement texts', () => {
    const t = new TransactionTracker();
    t.begun(1, false);
    for (let i = 0; i < MAX_KEPT_STATEMENTS + 10; i++) t.observe('T', stmt(`SELECT ${i}`, plain));
    expect(t.statements).toBe(MAX_KEPT_STATEMENTS + 10);
    expect(t.end()?.sql).toHaveLength(MAX_KEPT_STATEMENTS);
  });
});
