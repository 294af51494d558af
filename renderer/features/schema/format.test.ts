import { describe, expect, it } from 'vitest';
import { formatBytes, formatDistinct, formatInt8, formatPercent } from './format';

describe('format', () => {
  it('formats sizes', () => {
    expect(formatBytes('0')).toBe('0 bytes');
    expect(formatBytes(8192)).toBe('8.0 kB');
    expect(formatBytes('1073741824')).toBe('1.0 GB');
    expect(formatBytes(null)).toBe('—');
  });

  it('explains n_distinct', () => {
    expect(formatDistinct(-1)).toBe('all distinct');
    expect(formatDistinct(-0.25)).toBe('25% of rows');
    expect(formatDistinct(3)).toBe('3');
  });

  it('shows a share of a range without rounding it up to full', () => {
    expect(formatPercent(0.808081)).toBe('80.8 %');
    expect(formatPercent(0.57)).toBe('57.0 %');
    expect(formatPercent(0.999999)).toBe('99.9 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(0)).toBe('0.0 %');
  });

  it('groups int8 values exactly, even beyond a double’s precision', () => {
    expect(formatInt8('9223372036854775807')).toBe('9,223,372,036,854,775,807');
    expect(formatInt8('-9223372036854775808')).toBe('-9,223,372,036,854,775,808');
    expect(formatInt8('20000')).toBe('20,000');
    expect(formatInt8('999')).toBe('999');
    expect(formatInt8(null)).toBe('—');
  });
});
