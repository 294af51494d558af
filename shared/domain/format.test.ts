import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs, formatPercent } from './format';

describe('format', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes('1536')).toBe('1.5 kB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(null)).toBe('—');
  });
  it('formats durations', () => {
    expect(formatMs(0.4215)).toBe('0.42 ms');
    expect(formatMs(12.3)).toBe('12 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(125_000)).toBe('2 min 5 s');
    expect(formatMs(3_725_000)).toBe('1 h 2 min');
  });
  it('formats counts exactly and percentages', () => {
    expect(formatCount('12345678901234567')).toBe('12,345,678,901,234,567');
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatPercent(0.9731)).toBe('97.3 %');
  });
});
