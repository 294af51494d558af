import { describe, expect, it } from 'vitest';
import { endFromCommand, transactionAuditEntry } from './transaction-audit';

describe('transactionAuditEntry', () => {
  it('says what ended, how, and what ran, with passwords masked and long lists cut', () => {
    const sql = [
      'INSERT INTO t\n  VALUES (1)',
      "ALTER ROLE app PASSWORD 'hunter2'",
      ...Array.from({ length: 12 }, (_, i) => `UPDATE t SET a = ${i}`),
    ];
    const entry = transactionAuditEntry(
      'commit',
      { startedAt: 0, statements: 20, wrote: true, readOnly: false, sql },
      { now: 90_000, by: 'COMMIT button' },
    );
    expect(entry.action).toBe('query.commit');
    expect(entry.target).toBe('SQL editor transaction');
    expect(entry.detail).toMatch(
      /^COMMIT \(COMMIT button\) of a transaction of 20 statements over 90 s: INSERT INTO t VALUES \(1\); ALTER ROLE app PASSWORD '•••'; UPDATE/,
    );
    expect(entry.detail).not.toContain('hunter2');
    expect(entry.detail).toMatch(/UPDATE t SET a = 7; … and 10 more$/);
    expect(
      transactionAuditEntry(
        'rollback',
        { startedAt: 0, statements: 1, wrote: true, readOnly: false, sql: ['x'] },
        { now: 600_000, by: 'b' },
      ).detail,
    ).toBe('ROLLBACK (b) of a transaction of 1 statement over 10 min: x');
  });

  it('reads the command tag of a typed end', () => {
    expect(endFromCommand('COMMIT')).toBe('commit');
    expect(endFromCommand('ROLLBACK')).toBe('rollback');
    expect(endFromCommand('PREPARE TRANSACTION')).toBe('prepare');
  });
});
