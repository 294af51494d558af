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

  it('tells NULL (empty) from the empty string ("") like COPY CSV', () => {
    expect(csvLine([null, '', 'x'])).toBe(',"",x\r\n');
  });

  it('quotes leading or trailing spaces so readers do not trim them', () => {
    expect(csvField(' padded ')).toBe('" padded "');
  });
});
