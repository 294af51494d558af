import { describe, expect, it } from 'vitest';
import { nextVersion } from './new-migration';

const now = new Date('2026-03-04T05:06:07Z');

describe('nextVersion', () => {
  it('starts an empty folder at 0001', () => {
    expect(nextVersion([], now)).toBe('0001');
  });
  it('increments the newest number keeping its width, whatever the order given', () => {
    expect(nextVersion(['0002', '0012', '0003'], now)).toBe('0013');
    expect(nextVersion(['9', '10'], now)).toBe('11');
    expect(nextVersion(['0099'], now)).toBe('0100');
    expect(nextVersion(['1.2', '1.10'], now)).toBe('1.11');
  });
  it('uses the clock for timestamp-numbered folders, and never goes backwards', () => {
    expect(nextVersion(['20240115120000'], now)).toBe('20260304050607');
    expect(nextVersion(['202401151200'], now)).toBe('202603040506');
    expect(nextVersion(['29990101000000'], now)).toBe('29990101000001');
  });
});
