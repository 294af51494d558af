import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII name both ways', () => {
    expect(attachmentDisposition('public.orders.csv')).toBe(`attachment; filename="public.orders.csv"; filename*=UTF-8''public.orders.csv`);
  });

  it('percent-encodes the UTF-8 bytes of a non-ASCII name and gives an ASCII fallback', () => {
    expect(attachmentDisposition('ventes.café.csv')).toBe(`attachment; filename="ventes.caf_.csv"; filename*=UTF-8''ventes.caf%C3%A9.csv`);
    expect(attachmentDisposition('売上.json')).toBe(`attachment; filename="__.json"; filename*=UTF-8''%E5%A3%B2%E4%B8%8A.json`);
  });

  it('never lets a quote, backslash, semicolon or line break escape the header value', () => {
    const header = attachmentDisposition('a"b\\c;d\r\ne\'f (1)*.csv');
    expect(header).toBe(`attachment; filename="a_b_c;d__e'f (1)*.csv"; filename*=UTF-8''a%22b%5Cc%3Bd%0D%0Ae%27f%20%281%29%2A.csv`);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('decodes back to the original name', () => {
    const name = 'Zoë — “quoted” 😀.csv';
    const ext = /filename\*=UTF-8''(.*)$/.exec(attachmentDisposition(name))![1]!;
    expect(ext).toMatch(/^[A-Za-z0-9%._-]+$/);
    expect(decodeURIComponent(ext)).toBe(name);
  });
});
