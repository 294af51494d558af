import { describe, expect, it } from 'vitest';
import { formatBytes, formatDistinct } from './format';

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
});
