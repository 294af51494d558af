import { crc32 } from 'node:zlib';

/**
 * Flyway's checksum of a SQL migration: CRC32 over the file's lines, each without its line
 * terminator (\n, \r\n or \r) and the first without a UTF-8 BOM, as a signed 32-bit integer
 * (Flyway's ChecksumCalculator). It lets us tell whether a file changed since Flyway applied it.
 */
export function flywayChecksum(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // BufferedReader.readLine yields no final empty line after a trailing terminator.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let crc = 0;
  for (const line of lines) crc = crc32(Buffer.from(line, 'utf8'), crc);
  return crc | 0;
}
