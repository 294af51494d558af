import { describe, expect, it } from 'vitest';
import { lintMigration } from './lint-migration';
import { lintRules } from './rules';
import type { Finding } from './types';

/** The down script of these examples does not matter; its rule has its own fixtures. */
// Rules that would add a finding to nearly every case here.
const rules = lintRules.filter((r) => r.id !== 'down-does-not-undo-up' && r.id !== 'missing-statement-timeout');
const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.script}:${f.line}:${f.column}`);
const withDown = (upSql: string) => lintMigration({ upSql, downSql: '-- nothing to undo\nSELECT 1;', lockTimeoutByRunner: true }, rules);

describe('lintMigration', () => {
  it('reports rule id, severity, statement, position, why and rewrite', async () => {
    const [finding] = await withDown('\n\n  DROP TABLE legacy_coupons;');
    expect(finding).toMatchObject({
      ruleId: 'dropping-table',
      severity: 'error',
      script: 'up',
      statementIndex: 0,
      line: 3,
      column: 3,
      excerpt: 'DROP TABLE legacy_coupons',
    });
    expect(finding?.why).toMatch(/data/);
    expect(finding?.safeRewrite).toContain('RENAME TO legacy_coupons_deprecated');
  });

  it('counts columns in characters after multi-byte text and shifts lines by the file offset', async () => {
    const upSql = "COMMENT ON TABLE t IS 'Zürich 🎟️';\nALTER TABLE t ADD COLUMN n int NOT NULL;";
    const findings = await lintMigration({ upSql, downSql: 'SELECT 1', lockTimeoutByRunner: true, upFirstLine: 10 });
    expect(ids(findings.filter((f) => f.ruleId === 'adding-not-null-column'))).toEqual(['adding-not-null-column@up:11:26']);
  });

  it('reports a syntax error with its position, in the up or the down script', async () => {
    const up = await lintMigration({ upSql: 'SELECT 1;\nALTER TABEL t ADD COLUMN a int;' });
    expect(up).toEqual([expect.objectContaining({ ruleId: 'syntax-error', script: 'up', line: 2, column: 7, severity: 'error' })]);
    const down = await lintMigration({ upSql: 'CREATE TABLE t (id bigint);', downSql: 'DROP TABLE t;\nDROPP x;', downFirstLine: 5 });
    expect(down).toEqual([expect.objectContaining({ ruleId: 'syntax-error', script: 'down', line: 6, column: 1 })]);
  });

  it('treats tables created earlier in the same script as new', async () => {
    const findings = await withDown('CREATE TABLE t (id bigint);\nCREATE INDEX i ON t (id);\nCREATE INDEX j ON u (id);');
    expect(ids(findings)).toEqual(['create-index-non-concurrently@up:3:19']);
  });

  it('applies the lock rules to the down script too: a rollback takes the same locks', async () => {
    const findings = await lintMigration(
      { upSql: 'DROP INDEX CONCURRENTLY orders_note_idx;', downSql: 'CREATE INDEX orders_note_idx ON orders (note);\nREINDEX TABLE orders;', lockTimeoutByRunner: true },
      rules,
    );
    expect(ids(findings)).toEqual(['create-index-non-concurrently@down:1:33', 'reindex-non-concurrently@down:2:1']);
    expect(findings[0]?.message).toContain('orders');
  });

  it('knows which statements run in a transaction', async () => {
    const index = 'CREATE INDEX CONCURRENTLY i ON t (a);';
    const always = await lintMigration({ upSql: index, downSql: 'DROP INDEX CONCURRENTLY i;', transaction: 'always', lockTimeoutByRunner: true });
    expect(ids(always)).toEqual(['concurrently-in-transaction@up:1:1', 'concurrently-in-transaction@down:1:1']);
    const auto = await lintMigration({ upSql: index, downSql: 'DROP INDEX CONCURRENTLY i;', lockTimeoutByRunner: true });
    expect(auto).toEqual([]);
  });

  it('reports a missing lock_timeout once, unless the runner sets it', async () => {
    const upSql = 'ALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD COLUMN y int;';
    const findings = await lintMigration({ upSql, downSql: 'SELECT 1' }, rules);
    expect(ids(findings)).toEqual(['missing-lock-timeout@up:1:1']);
    expect(findings[0]?.safeRewrite).toContain('SET LOCAL lock_timeout');
    expect(await lintMigration({ upSql, downSql: 'SELECT 1', lockTimeoutByRunner: true }, rules)).toEqual([]);
    expect(await lintMigration({ upSql: `SELECT set_config('lock_timeout', '3s', true);\n${upSql}`, downSql: 'SELECT 1' }, rules)).toEqual([]);
    expect(ids(await lintMigration({ upSql: `SET lock_timeout = 0;\n${upSql}`, downSql: 'SELECT 1' }, rules))).toEqual(['missing-lock-timeout@up:2:1']);
  });
});

describe('suppressions', () => {
  it('-- lint-ignore applies to the next statement only', async () => {
    const findings = await withDown('-- lint-ignore: dropping-table emptied and unused since v2.3\nDROP TABLE a;\nDROP TABLE b;');
    expect(ids(findings)).toEqual(['dropping-table@up:3:1']);
  });

  it('applies to the statement it is written in, or after on the same line', async () => {
    const inside = await withDown('ALTER TABLE users\n  -- lint-ignore: dropping-column phone moved to contacts in 0041\n  DROP COLUMN phone;');
    expect(inside).toEqual([]);
    const trailing = await withDown('DROP TABLE a; -- lint-ignore: dropping-table never used\nDROP TABLE b;');
    expect(ids(trailing)).toEqual(['dropping-table@up:2:1']);
  });

  it('lint-ignore-file covers the whole script, including whole-migration findings', async () => {
    const upSql = '/* lint-ignore-file: dropping-table, missing-down-script one-off cleanup of test data */\nDROP TABLE a;\nDROP TABLE b;';
    expect(await lintMigration({ upSql, lockTimeoutByRunner: true }, rules)).toEqual([]);
  });

  it('a suppression without a reason or with an unknown rule suppresses nothing and is reported', async () => {
    const noReason = await withDown('-- lint-ignore: dropping-table\nDROP TABLE a;');
    expect(ids(noReason)).toEqual(['invalid-lint-ignore@up:1:1', 'dropping-table@up:2:1']);
    expect(noReason[0]?.message).toMatch(/no reason/);
    const unknown = await withDown('-- lint-ignore: droping-table typo in the rule id\nDROP TABLE a;');
    expect(unknown[0]).toMatchObject({ ruleId: 'invalid-lint-ignore', severity: 'error' });
    expect(unknown[0]?.message).toContain('"droping-table"');
  });

  it('a suppression that matches nothing is reported as unused', async () => {
    const findings = await withDown('-- lint-ignore: dropping-table this is not a drop\nCREATE TABLE a (id bigint);\n-- lint-ignore: dropping-table dangling');
    expect(ids(findings)).toEqual(['unused-lint-ignore@up:1:1', 'unused-lint-ignore@up:3:1']);
    expect(findings[1]?.message).toMatch(/no statement follows/);
  });

  it('ignores lint-ignore text inside strings and COPY data', async () => {
    const upSql = "SELECT '-- lint-ignore: dropping-table not a comment';\nCOPY t (a) FROM stdin;\n-- lint-ignore: x y\n\\.\nDROP TABLE a;";
    expect(ids(await withDown(upSql))).toEqual(['dropping-table@up:5:1']);
  });

  it('suppressions in the down script apply to down findings', async () => {
    const findings = await lintMigration({
      upSql: 'SELECT 1',
      downSql: '-- lint-ignore: concurrently-in-transaction the runner of this repo runs down scripts statement by statement\nCREATE INDEX CONCURRENTLY i ON t (a);',
      transaction: 'always',
    });
    expect(findings).toEqual([]);
  });
});

describe('a down script that does not parse', () => {
  it('is reported, and the up script is still checked', async () => {
    const findings = await lintMigration({ upSql: 'DROP TABLE a;', downSql: 'CREATE TABLE a (id bigint', lockTimeoutByRunner: true });
    expect(ids(findings)).toEqual(['dropping-table@up:1:1', 'syntax-error@down:1:26']);
  });
});
