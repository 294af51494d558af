import { describe, expect, it } from 'vitest';
import { progressOf, type ProgressRow } from './progress';

const row = (over: Partial<ProgressRow>): ProgressRow => ({
  command: 'vacuum',
  phase: 'scanning heap',
  blocks_total: '1000',
  blocks_done: '0',
  blocks_done2: '0',
  tuples_total: null,
  tuples_done: null,
  ...over,
});

describe('progressOf', () => {
  it('moves through the heap scan by blocks', () => {
    const start = progressOf(row({ blocks_done: '0' })).fraction!;
    const half = progressOf(row({ blocks_done: '500' })).fraction!;
    const done = progressOf(row({ blocks_done: '1000' })).fraction!;
    expect(start).toBeCloseTo(0.01);
    expect(half).toBeCloseTo(0.31);
    expect(done).toBeCloseTo(0.61);
    expect(progressOf(row({ blocks_done: '500' })).detail).toBe('scanning heap: 500 of 1000 blocks');
  });

  it('later phases are further along, whatever their counters', () => {
    const scan = progressOf(row({ blocks_done: '1000' })).fraction!;
    const heap = progressOf(row({ phase: 'vacuuming heap', blocks_done2: '100' })).fraction!;
    const final = progressOf(row({ phase: 'performing final cleanup' })).fraction!;
    expect(heap).toBeGreaterThan(scan);
    expect(final).toBeGreaterThan(heap);
    expect(final).toBeLessThanOrEqual(1);
  });

  it('reads index builds by blocks then tuples', () => {
    const scanning = progressOf(row({ command: 'create index', phase: 'building index: scanning table', blocks_done: '500' }));
    const loading = progressOf(
      row({ command: 'create index', phase: 'building index: loading tuples in tree', tuples_total: '10', tuples_done: '5' }),
    );
    expect(loading.fraction!).toBeGreaterThan(scanning.fraction!);
    expect(loading.detail).toBe('building index: loading tuples in tree: 5 of 10');
  });

  it('says so when a phase is unknown to this version of the console', () => {
    expect(progressOf(row({ phase: 'a phase from the future' }))).toEqual({ fraction: null, detail: 'vacuum: a phase from the future' });
  });
});
