import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintMigration } from './lint-migration';

const dir = path.resolve(import.meta.dirname, '../../../../migrations');
const ups = readdirSync(dir).filter((f) => f.endsWith('.up.sql'));

/** We use what we ship: the reference schema must pass the console's own linter. */
describe('reference migrations', () => {
  it('exist', () => {
    expect(ups.length).toBeGreaterThan(5);
  });
  it.each(ups)('%s has no error-level lint finding', async (file) => {
    const upSql = readFileSync(path.join(dir, file), 'utf8');
    const downSql = readFileSync(path.join(dir, file.replace('.up.sql', '.down.sql')), 'utf8');
    const result = await lintMigration({ upSql, downSql, name: file });
    const errors = result.filter((f) => f.severity === 'error');
    expect(errors.map((e) => `${e.ruleId} ${e.line}:${e.column} ${e.message}`)).toEqual([]);
  });
});
