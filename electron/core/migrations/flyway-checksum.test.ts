import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { flywayChecksum } from './flyway-checksum';

describe('flywayChecksum', () => {
  it('is the signed CRC32 of the lines without their terminators', () => {
    const expected = crc32(Buffer.from('CREATE TABLE a (id int);SELECT 1;', 'utf8')) | 0;
    expect(flywayChecksum('CREATE TABLE a (id int);\nSELECT 1;\n')).toBe(expected);
  });

  it('ignores line-ending style and a byte order mark, like Flyway', () => {
    const lf = flywayChecksum('SELECT 1;\nSELECT 2;\n');
    expect(flywayChecksum('SELECT 1;\r\nSELECT 2;\r\n')).toBe(lf);
    expect(flywayChecksum('\uFEFFSELECT 1;\nSELECT 2;')).toBe(lf);
    expect(flywayChecksum('SELECT 1;\nSELECT 3;\n')).not.toBe(lf);
  });

  it('fits in a signed 32-bit integer (Flyway stores an int)', () => {
    const value = flywayChecksum('ü'.repeat(1000));
    expect(value).toBeGreaterThanOrEqual(-(2 ** 31));
    expect(value).toBeLessThan(2 ** 31);
  });
});
