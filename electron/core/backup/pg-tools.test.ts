import { describe, expect, it } from 'vitest';
import { chooseTool, installHint, parseToolMajor, PgToolError, type PgTool } from './pg-tools';

const tool = (major: number, p = `/usr/lib/postgresql/${major}/bin/pg_dump`): PgTool => ({
  name: 'pg_dump',
  path: p,
  major,
  version: `pg_dump (PostgreSQL) ${major}.1`,
});

describe('pg tool versions', () => {
  it('reads the major version from --version lines', () => {
    expect(parseToolMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(parseToolMajor('pg_restore (PostgreSQL) 18.0')).toBe(18);
    expect(parseToolMajor('pg_dump (PostgreSQL) 9.6.24')).toBe(9);
    expect(parseToolMajor('pg_dump (PostgreSQL) 17devel')).toBe(17);
    expect(parseToolMajor('something else')).toBeUndefined();
  });

  it('takes the newest copy when it is at least the server’s version', () => {
    expect(chooseTool('pg_dump', [tool(17), tool(15)], 16).major).toBe(17);
    expect(chooseTool('pg_dump', [tool(15)], 15).major).toBe(15);
  });

  it('says what to install when every copy is older, per OS', () => {
    expect(() => chooseTool('pg_dump', [tool(15)], 18, 'linux')).toThrow(/version 15 .*PostgreSQL 18.*postgresql-client-18/s);
    expect(() => chooseTool('pg_dump', [tool(15)], 18, 'darwin')).toThrow(/brew install postgresql@18/);
    expect(() => chooseTool('pg_restore', [], 16, 'win32')).toThrow(PgToolError);
    expect(() => chooseTool('pg_restore', [], 16, 'win32')).toThrow(/pg_restore was not found/);
    expect(installHint(17, 'win32')).toContain('PostgreSQL 17 installer');
  });
});
