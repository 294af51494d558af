import { describe, expect, it } from 'vitest';
import { isoWeek, selectRetained } from './retention';

/** A backup every day at 02:00 UTC from `first` for `days` days, plus any extra times. */
function daily(first: string, days: number, extra: string[] = []) {
  const start = new Date(`${first}T02:00:00Z`).getTime();
  const list = Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000));
  return [...list, ...extra.map((e) => new Date(e))].map((at) => ({ file: at.toISOString(), at }));
}
const days = (items: { at: Date }[]) => items.map((b) => b.at.toISOString().slice(0, 10)).sort();

describe('retention', () => {
  it('numbers ISO weeks by their Thursday', () => {
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01'); // Thursday
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53'); // Friday of 2026's week 53
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01'); // Monday
  });

  it('keeps the newest of each of the last N days, weeks and months', () => {
    // 2026-01-01 … 2026-03-31 (90 days; 2026-03-31 is a Tuesday)
    const { keep, prune } = selectRetained(daily('2026-01-01', 90), { daily: 7, weekly: 4, monthly: 3 });
    const kept = days(keep);
    // daily: 03-25 … 03-31
    for (const d of ['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'])
      expect(kept).toContain(d);
    // weekly: the newest of weeks 14 (03-31), 13 (03-29 Sunday), 12 (03-22), 11 (03-15)
    expect(kept).toContain('2026-03-22');
    expect(kept).toContain('2026-03-15');
    // monthly: the newest of March (03-31), February (02-28), January (01-31)
    expect(kept).toContain('2026-02-28');
    expect(kept).toContain('2026-01-31');
    expect(kept).toHaveLength(7 + 2 + 2);
    expect(prune).toHaveLength(90 - kept.length);
  });

  it('keeps only the newest of several backups in one day', () => {
    const backups = daily('2026-05-01', 1, ['2026-05-01T09:00:00Z', '2026-05-01T18:00:00Z']);
    const { keep, prune } = selectRetained(backups, { daily: 30, weekly: 0, monthly: 0 });
    expect(keep.map((b) => b.at.toISOString())).toEqual(['2026-05-01T18:00:00.000Z']);
    expect(prune).toHaveLength(2);
  });

  it('counts days that have a backup, not calendar days (a gap does not empty the set)', () => {
    const backups = daily('2026-01-01', 3); // then nothing for months
    expect(selectRetained(backups, { daily: 30, weekly: 0, monthly: 0 }).prune).toEqual([]);
  });

  it('always keeps the newest backup, even with all counts at zero', () => {
    const { keep } = selectRetained(daily('2026-01-01', 5), { daily: 0, weekly: 0, monthly: 0 });
    expect(days(keep)).toEqual(['2026-01-05']);
  });

  it('follows the seeds: 30 daily and 12 monthly over a year of nightly backups', () => {
    const { keep } = selectRetained(daily('2025-06-01', 365), { daily: 30, weekly: 0, monthly: 12 });
    // 30 days in April/May 2026 plus month-ends of the 11 earlier months (May's newest is already daily)
    expect(keep).toHaveLength(30 + 11);
  });
});
