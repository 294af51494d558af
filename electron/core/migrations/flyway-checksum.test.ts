import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flywayChecksum } from './flyway-checksum';

/** Values Flyway itself computed for these files (see testing/flyway-checksums/README.md). */
const COMPUTED_BY_FLYWAY = [
  { file: 'V1_1__View.boxfuse-2016.sql', checksum: 64723601 },
  { file: 'V1_1__View.boxfuse-2017.sql', checksum: -133051733 },
];

const read = (file: string) => readFileSync(path.join(import.meta.dirname, 'testing', 'flyway-checksums', file), 'utf8');

describe('flywayChecksum', () => {
  it.each(COMPUTED_BY_FLYWAY)("matches the checksum Flyway recorded for $file", ({ file, checksum }) => {
    expect(flywayChecksum(read(file))).toBe(checksum);
  });

  it.each(COMPUTED_BY_FLYWAY)('ignores line-ending style, a byte order mark and the final newline, like Flyway ($file)', ({ file, checksum }) => {
    const lf = read(file);
    expect(flywayChecksum(lf.replaceAll('\n', '\r\n'))).toBe(checksum);
    expect(flywayChecksum(lf.replaceAll('\n', '\r'))).toBe(checksum);
    expect(flywayChecksum(`\uFEFF${lf}`)).toBe(checksum);
    expect(flywayChecksum(lf.replace(/\n$/, ''))).toBe(checksum);
  });

  it('changes when a line changes, or a line break moves', () => {
    const lf = read('V1_1__View.boxfuse-2017.sql');
    expect(flywayChecksum(lf.replace("'Mr.%'", "'Mrs.%'"))).not.toBe(-133051733);
    // Lines are hashed without their terminators, so only content changes count; an added blank line does not.
    expect(flywayChecksum(`${lf}\n`)).toBe(flywayChecksum(lf));
  });
});
