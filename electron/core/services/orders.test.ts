import { describe, expect, it } from 'vitest';
import { detectKind } from './orders';

describe('detectKind', () => {
  it('reads the search text by its shape', () => {
    expect(detectKind('Ada@Example.com')).toBe('email');
    expect(detectKind('ticketz-demo-ticket:42')).toBe('qrHash');
    expect(detectKind('f'.repeat(64))).toBe('qrHash');
    expect(detectKind('3f2a9c')).toBe('orderId');
    expect(detectKind('0b7f1e2c-1d2e-4f00-8a00-000000000000')).toBe('orderId');
    expect(detectKind('abba')).toBe('name');
    expect(detectKind('Lovelace')).toBe('name');
  });
});
