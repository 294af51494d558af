import { describe, expect, it } from 'vitest';
import type { EditColumn } from '../../../shared/contract/data-edit';
import { checkCellInput } from './cell-input';

const col = (kind: EditColumn['kind'], type = kind as string, enumLabels: string[] = []) => ({ kind, type, enumLabels });

describe('checkCellInput', () => {
  it('keeps int8 and numeric exact as strings and checks integer ranges', () => {
    expect(checkCellInput(col('integer', 'bigint'), ' 9223372036854775807 ')).toEqual({ ok: true, value: '9223372036854775807' });
    expect(checkCellInput(col('integer', 'bigint'), '9223372036854775808')).toMatchObject({ ok: false, message: /Out of range/ });
    expect(checkCellInput(col('integer', 'integer'), '1.5')).toMatchObject({ ok: false });
    expect(checkCellInput(col('numeric', 'numeric(20,6)'), '12345678901234.123456')).toEqual({ ok: true, value: '12345678901234.123456' });
    expect(checkCellInput(col('numeric'), '1,5')).toMatchObject({ ok: false });
  });

  it('reads booleans, dates and timestamps, and notes a timestamptz without a zone', () => {
    expect(checkCellInput(col('boolean'), 'T')).toEqual({ ok: true, value: 'true' });
    expect(checkCellInput(col('boolean'), 'maybe')).toMatchObject({ ok: false });
    expect(checkCellInput(col('date'), '2024-02-29')).toMatchObject({ ok: true });
    expect(checkCellInput(col('date'), '29/02/2024')).toMatchObject({ ok: false });
    expect(checkCellInput(col('timestamptz'), '2024-06-01 12:30:00+02:00')).toEqual({ ok: true, value: '2024-06-01 12:30:00+02:00' });
    expect(checkCellInput(col('timestamptz'), '2024-06-01T12:30Z')).toEqual({ ok: true, value: '2024-06-01T12:30Z' });
    expect(checkCellInput(col('timestamptz'), '2024-06-01 12:30')).toMatchObject({ ok: true, note: /TimeZone/ });
    expect(checkCellInput(col('timestamp'), '2024-06-01 12:30:00+02')).toMatchObject({ ok: false });
  });

  it('validates JSON and enum labels, and passes other types to the server as typed', () => {
    expect(checkCellInput(col('json'), '{"a": [1, 2]}')).toMatchObject({ ok: true });
    expect(checkCellInput(col('json'), '{a: 1}')).toMatchObject({ ok: false, message: /Not valid JSON/ });
    expect(checkCellInput(col('enum', 'mood', ['sad', 'ok']), 'ok')).toMatchObject({ ok: true });
    expect(checkCellInput(col('enum', 'mood', ['sad', 'ok']), 'OK')).toMatchObject({ ok: false, message: 'One of: sad, ok.' });
    expect(checkCellInput(col('other', 'integer[]'), '{1,2}')).toEqual({ ok: true, value: '{1,2}' });
  });
});
