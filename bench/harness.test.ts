import { describe, expect, it } from 'vitest';
import { formatResults, median, percentile } from './harness';

describe('bench harness statistics', () => {
  it('median of odd and even samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('p99 by nearest rank: the maximum below 100 samples, the 99th of 100', () => {
    expect(percentile([3, 1, 2], 99)).toBe(3);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 50)).toBe(50);
  });

  it('prints one Markdown table with the ratio to the reference', () => {
    const table = formatResults([
      { scenario: 'migrate up', n: 5, median: 1500, p99: 2100, referenceLabel: 'psql', referenceMedian: 1000 },
      { scenario: 'no reference', n: 3, median: 2.5, p99: 3, referenceLabel: null, referenceMedian: null },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| scenario\s+\| n \| median\s+\| p99\s+\| reference \| reference median \| ratio \|$/);
    expect(lines[2]).toContain('| 1.50 s ');
    expect(lines[2]).toContain('| 1.50× |');
    expect(lines[3]).toContain('| 2.50 ms ');
  });
});
