import { describe, expect, it } from 'vitest';
import { defaultReadOnly } from './role-store';

describe('defaultReadOnly', () => {
  it('makes Support and Organizer connections read-only by default, not DBA ones', () => {
    expect(defaultReadOnly('support')).toBe(true);
    expect(defaultReadOnly('organizer')).toBe(true);
    expect(defaultReadOnly('dba')).toBe(false);
    expect(defaultReadOnly(undefined)).toBe(false);
  });
});
