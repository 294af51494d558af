import { describe, expect, it } from 'vitest';
import { suggestedFileName } from './suggested-name';

describe('suggestedFileName', () => {
  it('keeps a table name readable, Unicode included', () => {
    expect(suggestedFileName('public.orders', 'csv')).toBe('public.orders.csv');
    expect(suggestedFileName('ventes.café é', 'json')).toBe('ventes.café é.json');
  });

  it('replaces characters a file system refuses and trims dots and spaces at the ends', () => {
    expect(suggestedFileName('a/b\\c:d*e?"f"<g>|h', 'csv')).toBe('a_b_c_d_e_f_g_h.csv');
    expect(suggestedFileName('tab\there\nnewline', 'csv')).toBe('tab_here_newline.csv');
    expect(suggestedFileName(' ..hidden.. ', 'csv')).toBe('hidden.csv');
  });

  it('falls back to "export" when nothing is left', () => {
    expect(suggestedFileName('...', 'json')).toBe('export.json');
    expect(suggestedFileName('', 'csv')).toBe('export.csv');
  });

  it('caps long names', () => {
    expect(suggestedFileName('x'.repeat(500), 'csv')).toHaveLength(124);
  });
});
