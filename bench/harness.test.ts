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
      {
        scenario: 'migrate up',
        n: 5,
        sample: 'ms per run',
        median: 1500,
        p99: 2100,
        referenceLabel: 'psql',
        referenceSample: 'ms per run',
        referenceMedian: 1000,
        load: [1.25, 2],
      },
      {
        scenario: 'gate',
        n: 3,
        sample: 'p99 of a 5 s window',
        median: 2.5,
        p99: 3,
        referenceLabel: null,
        referenceSample: null,
        referenceMedian: null,
        load: [0, 0],
      },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(
      /^\| scenario\s+\| n \| sample\s+\| median of samples \| p99 of samples \| reference \(same run\) \| reference sample \| reference median \| ratio of medians \| load 1 min \(start→end\) \|$/,
    );
    expect(lines[2]).toContain('| 1.50 s ');
    expect(lines[2]).toMatch(/\| 1\.50×\s+\| 1\.3→2\.0\s+\|$/);
    expect(lines[3]).toContain('| p99 of a 5 s window |');
    expect(lines[3]).toContain('| 2.50 ms ');
  });
});
