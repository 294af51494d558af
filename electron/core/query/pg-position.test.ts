import { describe, expect, it } from 'vitest';
import { codePointIndexToStringIndex } from './pg-position';

describe('codePointIndexToStringIndex', () => {
  it('maps a 1-based position to a 0-based index for plain text', () => {
    expect(codePointIndexToStringIndex('SELECT x FROM y', 8)).toBe(7);
    expect(codePointIndexToStringIndex('abc', 1)).toBe(0);
  });

  it('counts characters outside the BMP once, like Postgres', () => {
    const text = "SELECT '🎟' nope";
    // Postgres counts 🎟 as one character: "nope" starts at character 12 (1-based).
    expect(text.slice(codePointIndexToStringIndex(text, 12))).toBe('nope');
  });

  it('stops at the end of the text', () => {
    expect(codePointIndexToStringIndex('ab', 10)).toBe(2);
  });
});
