import { describe, expect, it } from 'vitest';
import type { StatementRow } from '../../../../shared/contract/insights';
import { statementFor } from './maintenance-statement';
import { slowerInWindow } from './StatementsTable';

describe('slowerInWindow', () => {
  const row = (mean: number, recent: number | null) =>
    ({
      meanExecMs: mean,
      delta: recent === undefined ? null : { calls: '1', rows: '1', totalExecMs: 0, meanExecMs: recent },
    }) as StatementRow;
  it('compares the window’s mean with the long-run mean', () => {
    expect(slowerInWindow(row(10, 30))).toBe(3);
    expect(slowerInWindow(row(10, null))).toBeNull();
    expect(slowerInWindow({ meanExecMs: 10, delta: null } as StatementRow)).toBeNull();
  });
});

describe('statementFor', () => {
  const table = { schema: 'ticketing', name: 'Order"s' } as never;
  it('previews exactly what the core runs, quoted', () => {
    expect(statementFor({ verb: 'vacuum', table })).toBe('VACUUM (ANALYZE) "ticketing"."Order""s"');
    expect(statementFor({ verb: 'vacuum-full', table })).toBe('VACUUM (FULL, ANALYZE) "ticketing"."Order""s"');
    expect(statementFor({ verb: 'reindex-index', table, index: 'i' })).toBe('REINDEX INDEX CONCURRENTLY "ticketing"."i"');
  });
});
