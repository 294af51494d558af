import { describe, expect, it } from 'vitest';
import { compareVersions, isVersion, versionKey } from './version';

const sorted = (versions: string[]) => [...versions].sort(compareVersions);

describe('versions', () => {
  it('sorts integers numerically, whatever their padding', () => {
    expect(sorted(['10', '2', '0001', '9'])).toEqual(['0001', '2', '9', '10']);
  });

  it('sorts timestamps', () => {
    expect(sorted(['20240201093000', '20231231235959', '20240115120000'])).toEqual(['20231231235959', '20240115120000', '20240201093000']);
  });

  it('sorts dotted Flyway versions part by part, with _ as a separator', () => {
    expect(sorted(['1.10', '1.2', '2', '1', '1_1', '1.1.5'])).toEqual(['1', '1_1', '1.1.5', '1.2', '1.10', '2']);
  });

  it('sorts diesel dates with dashes', () => {
    expect(sorted(['2024-02-01-090000', '00000000000000', '2024-01-15-120000', '2023-12-31-235959'])).toEqual([
      '00000000000000',
      '2023-12-31-235959',
      '2024-01-15-120000',
      '2024-02-01-090000',
    ]);
  });

  it('gives equal versions one key: padding, trailing zeros and separators do not matter', () => {
    expect(versionKey('0001')).toBe('1');
    expect(versionKey('1.0')).toBe(versionKey('1'));
    expect(versionKey('1_2')).toBe(versionKey('1.2'));
    expect(compareVersions('1.0', '1')).toBe(0);
    expect(versionKey('00000000000000')).toBe('0');
  });

  it('puts non-numeric versions after numeric ones, by text', () => {
    expect(sorted(['b', '3', 'a'])).toEqual(['3', 'a', 'b']);
    expect(isVersion('a')).toBe(false);
    expect(isVersion('2024-01-15')).toBe(true);
  });
});
