import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';

describe('csv', () => {
  it('leaves plain values bare', () => {
    expect(csvField('abc')).toBe('abc');
    expect(csvField('12.5')).toBe('12.5');
  });

  it('quotes separators, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('tells NULL (empty) from the empty string ("") like COPY CSV, lines ending in LF', () => {
    expect(csvLine([null, '', 'x'])).toBe(',"",x\n');
  });

  it('writes what COPY (FORMAT csv) writes: spaces bare, the end-of-data marker quoted when alone on its line', () => {
    expect(csvField(' padded ')).toBe(' padded ');
    expect(csvLine(['\\.'])).toBe('"\\."\n');
    expect(csvLine(['\\.', 'x'])).toBe('\\.,x\n');
  });
});
