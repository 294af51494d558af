import { describe, expect, it } from 'vitest';
import { objectPath, parseObjectPath } from './object-route';

describe('object routes', () => {
  it('round-trips names with slashes, spaces and quotes', () => {
    const ref = { schema: 'Odd Schema', kind: 'table' as const, name: 'a/b "c"' };
    expect(objectPath(ref)).toBe('/schema/Odd%20Schema/table/a%2Fb%20%22c%22');
    expect(parseObjectPath(objectPath(ref))).toEqual(ref);
  });

  it('keeps function arguments, even empty ones', () => {
    const ref = { schema: 'shop', kind: 'function' as const, name: 'touch', args: '' };
    expect(parseObjectPath(objectPath(ref))).toEqual(ref);
    const overload = { schema: 'shop', kind: 'function' as const, name: 'f', args: 'p_order bigint, p_tax numeric' };
    expect(parseObjectPath(objectPath(overload))).toEqual(overload);
  });

  it('rejects unknown kinds and other paths', () => {
    expect(parseObjectPath('/schema/a/nonsense/b')).toBeUndefined();
    expect(parseObjectPath('/schema')).toBeUndefined();
    expect(parseObjectPath('/schema/%E0%A4%A/table/x')).toBeUndefined();
  });
});
