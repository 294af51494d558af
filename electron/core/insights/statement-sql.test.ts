import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, splitSql, type AstNode } from '../sql-parser';
import { pickVariant } from '../sql/pick-variant';
import { allStatementVariants, statementSql, statementsMajor } from './statement-sql';
import { describeStatus, parseStatementKey, statementKey, toStatementRow, type TopRow } from './statements';

/** Output column names of a SELECT: the alias, or a column reference's last name. */
async function outputColumns(sql: string): Promise<string[]> {
  const [stmt] = await splitSql(sql);
  const select = stmt!.node as { targetList: { ResTarget: { name?: string; val: AstNode } }[] };
  return select.targetList.map(({ ResTarget: t }) => {
    if (t.name) return t.name;
    const ref = t.val.ColumnRef as { fields: { String?: { sval: string } }[] } | undefined;
    return ref?.fields.at(-1)?.String?.sval ?? '?column?';
  });
}

beforeAll(() => loadSqlParser());

describe('pg_stat_statements variants', () => {
  it('maps extension versions to the PostgreSQL major that shipped them', () => {
    expect(['1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', 'junk'].map(statementsMajor)).toEqual([
      12, 12, 13, 14, 15, 17, 18, 19, 12,
    ]);
  });

  it('picks the variant by extension version, so an old extension on a new server still works', () => {
    expect(statementSql.top(statementsMajor('1.7'))).toBe(allStatementVariants.top);
    expect(statementSql.top(statementsMajor('1.8'))).toBe(allStatementVariants.topV13);
    expect(statementSql.top(statementsMajor('1.10'))).toBe(allStatementVariants.topV14);
    expect(statementSql.top(statementsMajor('1.12'))).toBe(allStatementVariants.topV17);
    expect(statementSql.reset(statementsMajor('1.10'))).toBe(allStatementVariants.reset);
    expect(statementSql.info(statementsMajor('1.8'))).toBe(allStatementVariants.info);
    expect(pickVariant({ 0: 'a', 14: 'b' }, statementsMajor('1.9'))).toBe('b');
  });

  it('every variant parses as one statement', async () => {
    for (const [name, sql] of Object.entries(allStatementVariants)) {
      const statements = await splitSql(sql);
      expect(statements, name).toHaveLength(1);
      expect(statements[0]!.kind, name).toBe('SelectStmt');
      expect(sql.startsWith('/* ticketz-console */'), name).toBe(true);
    }
  });

  it('all top.* variants return the same columns, so one row mapping serves PostgreSQL 13–18', async () => {
    const base = await outputColumns(allStatementVariants.top);
    for (const v of [allStatementVariants.topV13, allStatementVariants.topV14, allStatementVariants.topV17])
      expect(await outputColumns(v)).toEqual(base);
    const counters = await outputColumns(allStatementVariants.counters);
    for (const v of [allStatementVariants.countersV13, allStatementVariants.countersV14]) expect(await outputColumns(v)).toEqual(counters);
  });

  it('the version-specific column names appear only where the extension has them', () => {
    expect(allStatementVariants.top).toMatch(/c\.total_time/);
    expect(allStatementVariants.topV13).not.toMatch(/c\.total_time\b/);
    expect(allStatementVariants.topV13).toMatch(/c\.total_exec_time/);
    expect(allStatementVariants.topV14).toMatch(/c\.blk_read_time/);
    expect(allStatementVariants.topV17).not.toMatch(/c\.blk_read_time/);
    expect(allStatementVariants.topV17).toMatch(/c\.shared_blk_read_time/);
    expect(allStatementVariants.topV17).toMatch(/c\.stats_since/);
    expect(allStatementVariants.resetV17).toMatch(/\$4::bool/);
  });
});

describe('row mapping', () => {
  const raw: TopRow = {
    userid: '10',
    dbid: '5',
    queryid: '-42',
    toplevel: true,
    role: 'app',
    database: 'db',
    query: 'SELECT $1',
    calls: '4',
    rows: '4',
    total_exec_ms: 40,
    mean_exec_ms: 10,
    min_exec_ms: 1,
    max_exec_ms: 20,
    stddev_exec_ms: 3,
    total_plan_ms: 0,
    shared_blks_hit: '7',
    shared_blks_read: '1',
    temp_blks_written: '0',
    io_read_ms: 0.5,
    io_write_ms: 0,
    stats_since: new Date('2026-01-01T00:00:00Z'),
    minmax_stats_since: null,
    is_console: false,
    hidden_console: '3',
    scope_exec_ms: 160,
  };

  it('maps the shared aliases to the contract row', () => {
    const row = toStatementRow(raw, null);
    expect(row).toMatchObject({
      key: '10:5:-42:t',
      totalExecMs: 40,
      shareOfTotal: 0.25,
      statsSince: '2026-01-01T00:00:00.000Z',
      minmaxStatsSince: null,
    });
  });

  it('round-trips statement keys, including a missing toplevel', () => {
    expect(parseStatementKey(statementKey({ userid: 1, dbid: 2, queryid: '-9', toplevel: null }))).toEqual({
      userid: '1',
      dbid: '2',
      queryid: '-9',
      toplevel: null,
    });
    expect(() => parseStatementKey('1:2:x:t')).toThrow(/Not a statement key/);
  });
});

describe('describeStatus', () => {
  const base = {
    installed_version: null,
    extension_schema: null,
    available_version: '1.12',
    library_loaded: false,
    preload_setting: '',
    track_io_timing: true,
    is_superuser: true,
  };

  it('asks for shared_preload_libraries and a restart first, keeping existing libraries', () => {
    const s = describeStatus({ ...base, preload_setting: 'auto_explain' });
    expect(s.state).toBe('not-preloaded');
    expect(s.steps[0]).toContain("'auto_explain, pg_stat_statements'");
    expect(s.steps.join(' ')).toMatch(/Restart/);
  });

  it('offers CREATE EXTENSION when preloaded but not created, to a superuser only', () => {
    expect(describeStatus({ ...base, library_loaded: true })).toMatchObject({ state: 'not-installed', canCreate: true });
    expect(describeStatus({ ...base, library_loaded: true, is_superuser: false })).toMatchObject({
      state: 'not-installed',
      canCreate: false,
    });
  });

  it('says the contrib files are missing when nothing is available', () => {
    expect(describeStatus({ ...base, available_version: null }).state).toBe('not-available');
  });

  it('is ready when created and loaded, and suggests track_io_timing when off', () => {
    const s = describeStatus({
      ...base,
      installed_version: '1.12',
      extension_schema: 'public',
      library_loaded: true,
      track_io_timing: false,
    });
    expect(s.state).toBe('ready');
    expect(s.steps[0]).toMatch(/track_io_timing/);
  });
});
