import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintRules } from '../migrations/lint/rules';
import { createDirectCore, type DirectCore } from '../testing/direct-core';

let direct: DirectCore;
beforeAll(() => {
  direct = createDirectCore();
});
afterAll(async () => {
  await direct.dispose();
});

describe('migrations.lint (through the dispatcher, output validated against the contract)', () => {
  it('lints any text: findings with positions, and counts', async () => {
    const result = await direct.call('migrations.lint', {
      upSql: 'ALTER TABLE tickets ADD COLUMN price numeric NOT NULL;\nCREATE INDEX i ON tickets (price);',
      downSql: 'DROP INDEX i;\nALTER TABLE tickets DROP COLUMN price;',
      name: '0042_price',
    });
    expect(result.findings.map((f) => `${f.ruleId}@${f.script === 'down' ? 'down:' : ''}${f.line}:${f.column}`)).toEqual([
      'adding-not-null-column@1:32',
      'create-index-non-concurrently@2:19',
      // Lock rules check the down script too: a rollback takes the same locks.
      'drop-index-non-concurrently@down:1:1',
    ]);
    expect(result.counts).toEqual({ error: 2, warning: 1, info: 0 });
  });

  it('requires SET lock_timeout only when asked to', async () => {
    const upSql = 'ALTER TABLE t ALTER COLUMN a SET STATISTICS 500;\nALTER TABLE t ADD COLUMN b text;';
    const lenient = await direct.call('migrations.lint', { upSql, downSql: 'ALTER TABLE t DROP COLUMN b;' });
    expect(lenient.findings).toEqual([]);
    const strict = await direct.call('migrations.lint', { upSql, downSql: 'ALTER TABLE t DROP COLUMN b;', lockTimeoutByRunner: false });
    // Both timeouts, in the up script and in the down script (whose ADD/DROP COLUMN takes ACCESS EXCLUSIVE too).
    expect(strict.findings.map((f) => `${f.ruleId}@${f.script}:${f.line}`)).toEqual([
      'missing-lock-timeout@up:2',
      'missing-statement-timeout@up:2',
      'missing-lock-timeout@down:1',
      'missing-statement-timeout@down:1',
    ]);
  });

  it('reports a syntax error as a finding, not a failure', async () => {
    const result = await direct.call('migrations.lint', { upSql: 'ALTER TABLE t ADD COLUMN;' });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'syntax-error', line: 1, column: 25 })]);
  });

  it('lists every rule, and the findings lint itself reports', async () => {
    const { rules } = await direct.call('migrations.lintRules', {});
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining([...lintRules.map((r) => r.id), 'syntax-error', 'invalid-lint-ignore', 'unused-lint-ignore']),
    );
    expect(rules.every((r) => r.why.length > 40)).toBe(true);
  });
});
