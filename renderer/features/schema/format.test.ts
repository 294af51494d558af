import { describe, expect, it } from 'vitest';
import { formatDistinct } from './format';

describe('formatDistinct', () => {
  it('explains n_distinct', () => {
    expect(formatDistinct(-1)).toBe('all distinct');
    expect(formatDistinct(-0.25)).toBe('25% of rows');
    expect(formatDistinct(3)).toBe('3');
    expect(formatDistinct(null)).toBe('—');
  });
});
