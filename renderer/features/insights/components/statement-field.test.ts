import { describe, expect, it } from 'vitest';
import { formatStatementField } from './statement-field';

describe('formatStatementField', () => {
  it('shows times as durations, counters grouped exactly, other values as sent', () => {
    expect(formatStatementField('total_exec_time', '1234.5678')).toBe('1.23 s');
    expect(formatStatementField('blk_read_time', '0.25')).toBe('0.25 ms');
    expect(formatStatementField('calls', '9007199254740993')).toBe('9,007,199,254,740,993');
    expect(formatStatementField('jit_deform_count', '0')).toBe('0');
    expect(formatStatementField('stddev_plan_rows', '12.34567')).toBe('12.346');
    expect(formatStatementField('stats_since', '2026-12-02 10:00:00+00')).toBe('2026-12-02 10:00:00+00');
    expect(formatStatementField('toplevel', 'true')).toBe('true');
    expect(formatStatementField('rows', null)).toBe('—');
  });
});
