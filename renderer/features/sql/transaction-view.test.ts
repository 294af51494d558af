import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/contract/query-session';
import { describeSession, elapsed, hasOpenTransaction } from './transaction-view';

const base: SessionState = {
  sessionId: 's',
  status: 'idle',
  since: null,
  statements: 0,
  wrote: false,
  readOnly: false,
  busy: false,
  idleDeadline: null,
  idleLimitMs: 600_000,
  reason: null,
};

describe('transaction view', () => {
  it('formats elapsed time', () => {
    expect(elapsed(0)).toBe('0:00');
    expect(elapsed(75_400)).toBe('1:15');
    expect(elapsed(3_725_000)).toBe('1:02:05');
    expect(elapsed(-5)).toBe('0:00');
  });

  it('describes each state', () => {
    const since = '2024-01-01T00:00:00.000Z';
    const now = Date.parse(since) + 83_000;
    expect(describeSession(base, now)).toMatch(/^Idle/);
    expect(describeSession({ ...base, status: 'transaction', since, statements: 3, wrote: true }, now)).toBe(
      'In transaction 1:23 · 3 statements · changed data',
    );
    expect(describeSession({ ...base, status: 'transaction', since, statements: 1, readOnly: true }, now)).toBe(
      'In read-only transaction 1:23 · 1 statement',
    );
    expect(describeSession({ ...base, status: 'failed', since, statements: 2 }, now)).toBe(
      'Failed — current transaction is aborted — Roll back to continue (2 statements)',
    );
  });

  it('knows when leaving would roll something back', () => {
    expect(hasOpenTransaction(undefined)).toBe(false);
    expect(hasOpenTransaction(base)).toBe(false);
    expect(hasOpenTransaction({ ...base, status: 'transaction' })).toBe(true);
    expect(hasOpenTransaction({ ...base, status: 'failed' })).toBe(true);
    expect(hasOpenTransaction({ ...base, status: 'closed' })).toBe(false);
  });
});
