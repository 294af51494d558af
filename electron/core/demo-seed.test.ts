import { describe, expect, it } from 'vitest';
import seedSql from './demo-data/seed.sql?raw';
import { seedSteps } from './demo-seed';
import { splitSql } from './sql-parser';

describe('seedSteps', () => {
  it('cuts seed.sql into one step per table it fills, in order, losing no statement', async () => {
    const steps = await seedSteps();
    const labels = steps.map((s) => s.label);
    expect(labels[0]).toBe('ticketing.organizations');
    expect(labels.at(-1)).toBe('materialized views and statistics');
    expect(labels.indexOf('ticketing.tickets')).toBeGreaterThan(labels.indexOf('ticketing.orders'));
    expect(labels.indexOf('chain.users')).toBeGreaterThan(labels.indexOf('ticketing.ticket_validations'));
    // ticket_validations is filled by two INSERTs in a row: one step. Temp tables are never a step.
    expect(labels.filter((l) => l === 'ticketing.ticket_validations')).toHaveLength(1);
    expect(labels.every((l) => l.includes('.') || l.startsWith('materialized'))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    const statements = steps.flatMap((s) => s.statements);
    expect(statements).toEqual((await splitSql(seedSql)).map((s) => s.text));
    expect(statements.filter((s) => /^INSERT INTO (ticketing|chain)\./.test(s))).toHaveLength(
      seedSql.match(/^INSERT INTO (ticketing|chain)\./gm)?.length ?? -1,
    );
    expect(statements.at(-1)).toMatch(/^ANALYZE ticketing\.section_availability/);
  });

  it('keeps a DO block and the statement before the first table together in order', async () => {
    const steps = await seedSteps(
      'SELECT 1; DO $$ BEGIN PERFORM 1; END $$; CREATE TEMP TABLE t AS SELECT 1; INSERT INTO t VALUES (2); INSERT INTO s.a SELECT * FROM t; INSERT INTO s.b VALUES (1); ANALYZE',
    );
    expect(steps.map((s) => [s.label, s.statements.length])).toEqual([
      ['s.a', 5],
      ['s.b', 1],
      ['materialized views and statistics', 1],
    ]);
    expect(steps[0]!.statements[1]).toBe('DO $$ BEGIN PERFORM 1; END $$');
  });
});
