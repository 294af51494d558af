import { describe, expect, it } from 'vitest';
import { deltaOf, StatementSnapshots, type Snapshot } from './statement-snapshots';

const snap = (at: number, calls: number, total: number): Snapshot => ({
  at,
  counters: new Map([['q', { calls: BigInt(calls), rows: BigInt(calls * 2), totalExecMs: total }]]),
});

describe('StatementSnapshots', () => {
  it('has no baseline on the first observation, then the oldest one inside the window', () => {
    const s = new StatementSnapshots(10, 1000);
    expect(s.observe('c', snap(0, 1, 1), 500)).toBeUndefined();
    expect(s.observe('c', snap(100, 2, 2), 500)?.at).toBe(0);
    expect(s.observe('c', snap(400, 3, 3), 500)?.at).toBe(0);
    // 0 is now outside a 500 ms window: the next oldest (100) is the baseline.
    expect(s.observe('c', snap(550, 4, 4), 500)?.at).toBe(100);
  });

  it('keeps snapshots apart by the minimum spacing and drops old ones', () => {
    const s = new StatementSnapshots(100, 1000);
    s.observe('c', snap(0, 1, 1), 5000);
    s.observe('c', snap(50, 1, 1), 5000); // too close: not kept
    expect(s.observe('c', snap(60, 1, 1), 5000)?.at).toBe(0);
    expect(s.observe('c', snap(2000, 1, 1), 5000)).toBeUndefined(); // 0 is older than maxAge
  });

  it('scopes are independent and can be forgotten', () => {
    const s = new StatementSnapshots(0, 1000);
    s.observe('a', snap(0, 1, 1), 500);
    expect(s.observe('b', snap(10, 1, 1), 500)).toBeUndefined();
    s.forget('a');
    expect(s.observe('a', snap(20, 1, 1), 500)).toBeUndefined();
  });
});

describe('deltaOf', () => {
  it('subtracts the baseline and computes the mean over the window', () => {
    const d = deltaOf({ calls: 30n, rows: 60n, totalExecMs: 500 }, { calls: 10n, rows: 20n, totalExecMs: 100 });
    expect(d).toEqual({ calls: '20', rows: '40', totalExecMs: 400, meanExecMs: 20 });
  });

  it('treats a statement new in the window as entirely recent, and a reset as starting from zero', () => {
    expect(deltaOf({ calls: 3n, rows: 3n, totalExecMs: 9 }, undefined).meanExecMs).toBe(3);
    expect(deltaOf({ calls: 2n, rows: 2n, totalExecMs: 4 }, { calls: 10n, rows: 10n, totalExecMs: 50 })).toEqual({
      calls: '2',
      rows: '2',
      totalExecMs: 4,
      meanExecMs: 2,
    });
  });

  it('has no mean when nothing ran in the window', () => {
    expect(deltaOf({ calls: 5n, rows: 5n, totalExecMs: 9 }, { calls: 5n, rows: 5n, totalExecMs: 9 }).meanExecMs).toBeNull();
  });
});
