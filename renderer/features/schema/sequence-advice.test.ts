import { describe, expect, it } from 'vitest';
import { sequenceAdvice } from './sequence-advice';

const base = { dataType: 'integer', increment: '1', min: '1', max: '2147483647', cycle: false, ownedBy: null };

describe('sequenceAdvice', () => {
  it('asks to widen an integer sequence at its type limit, naming the owning column', () => {
    const text = sequenceAdvice({ ...base, ownedBy: { schema: 'app', table: 'orders', column: 'id', identity: null } }, 0.8);
    expect(text).toBe(
      'This sequence is 80.0 % through its range. When it reaches the end, nextval fails, and so does every insert that needs a new value. ' +
        'Widen it before then: ALTER SEQUENCE … AS bigint, after changing the column app.orders.id to bigint.',
    );
  });

  it('asks to raise a bound set below the type limit instead of widening', () => {
    expect(sequenceAdvice({ ...base, max: '1000' }, 0.9)).toMatch(/MAXVALUE stops short of what integer allows: raise it/);
    expect(sequenceAdvice({ ...base, increment: '-1', min: '-50', max: '-1' }, 0.9)).toMatch(
      /MINVALUE stops short of what integer allows: lower it/,
    );
  });

  it('warns that a cycling sequence reuses values', () => {
    expect(sequenceAdvice({ ...base, cycle: true }, 0.76)).toMatch(/starts again at MINVALUE, handing out values that may still be in use/);
  });

  it('says when even bigint is at its limit', () => {
    expect(sequenceAdvice({ ...base, dataType: 'bigint', max: '9223372036854775807' }, 0.99)).toMatch(/already bigint at its limit/);
  });
});
