import { describe, expect, it } from 'vitest';
import { majorOf, pickVariant } from './pick-variant';

describe('pickVariant', () => {
  const variants = { 0: 'base', 13: 'v13', 17: 'v17' };

  it('takes the highest variant not above the server major', () => {
    expect(pickVariant(variants, 12)).toBe('base');
    expect(pickVariant(variants, 13)).toBe('v13');
    expect(pickVariant(variants, 16)).toBe('v13');
    expect(pickVariant(variants, 17)).toBe('v17');
    expect(pickVariant(variants, 18)).toBe('v17');
  });

  it('fails loudly when no variant fits', () => {
    expect(() => pickVariant({ 14: 'v14' }, 13)).toThrow(/No SQL variant for PostgreSQL 13/);
  });
});

describe('majorOf', () => {
  it('reads server_version_num', () => {
    expect(majorOf(180001)).toBe(18);
    expect(majorOf(130022)).toBe(13);
    expect(majorOf(100000)).toBe(10);
    expect(majorOf(90624)).toBe(9);
  });
});
