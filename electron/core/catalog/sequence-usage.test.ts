import { describe, expect, it } from 'vitest';
import { sequenceUsage } from './sequence-usage';

const INT4_MAX = '2147483647';
const INT8_MAX = '9223372036854775807';

describe('sequenceUsage', () => {
  it('reads an unused ascending sequence as empty with the whole range left', () => {
    expect(sequenceUsage({ start: '1', increment: '1', min: '1', max: INT4_MAX, lastValue: null })).toEqual({
      usedFraction: 0,
      remaining: INT4_MAX,
    });
  });

  it('measures an integer sequence near its bound', () => {
    const u = sequenceUsage({ start: '1', increment: '1', min: '1', max: INT4_MAX, lastValue: '2000000000' });
    expect(u.usedFraction).toBeCloseTo(0.931322, 5);
    expect(u.remaining).toBe('147483647');
  });

  it('counts calls, not values, when the increment is larger than one', () => {
    expect(sequenceUsage({ start: '10', increment: '10', min: '10', max: '100', lastValue: '50' })).toEqual({
      usedFraction: 0.444444,
      remaining: '5',
    });
  });

  it('stays exact at bigint bounds', () => {
    const u = sequenceUsage({ start: '1', increment: '1', min: '1', max: INT8_MAX, lastValue: '9223372036854775806' });
    expect(u.remaining).toBe('1');
    // Truncated, never rounded up: one value left is not "100 % used".
    expect(u.usedFraction).toBe(0.999999);
  });

  it('runs descending sequences from MAXVALUE down', () => {
    expect(sequenceUsage({ start: '-1', increment: '-1', min: '-100', max: '-1', lastValue: '-76' })).toEqual({
      usedFraction: 0.757575,
      remaining: '24',
    });
    expect(sequenceUsage({ start: '-1', increment: '-1', min: '-100', max: '-1', lastValue: null }).remaining).toBe('100');
  });

  it('reports a sequence at its bound as fully used with nothing left', () => {
    expect(sequenceUsage({ start: '1', increment: '1', min: '1', max: '5', lastValue: '5' })).toEqual({ usedFraction: 1, remaining: '0' });
  });
});
