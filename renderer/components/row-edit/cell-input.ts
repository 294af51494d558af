/**
 * What a typed value means for a column before it is staged: Postgres has the last word at
 * Commit, but a value that cannot be right is caught while the cell is still open. Numbers stay
 * strings, so int8 and numeric are never rounded through a JavaScript number.
 */
import type { EditColumn } from '../../../shared/contract/data-edit';

export type Checked = { ok: true; value: string; note?: string } | { ok: false; message: string };

const INTEGER = /^[+-]?\d+$/;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?(NaN|Infinity|inf)$/i;
const DATE = /^(\d{4,}-\d{2}-\d{2}( BC)?|[+-]?infinity)$/i;
const TIMESTAMP = /^\d{4,}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;
const ZONE = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const INT_RANGES: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

export function checkCellInput(column: Pick<EditColumn, 'kind' | 'type' | 'enumLabels'>, text: string): Checked {
  switch (column.kind) {
    case 'integer': {
      const trimmed = text.trim();
      if (!INTEGER.test(trimmed)) return { ok: false, message: `${column.type} takes a whole number, e.g. 42 or -7.` };
      const range = INT_RANGES[column.type];
      if (range && (BigInt(trimmed) < range[0] || BigInt(trimmed) > range[1]))
        return { ok: false, message: `Out of range for ${column.type} (${range[0]} to ${range[1]}).` };
      return { ok: true, value: trimmed };
    }
    case 'numeric':
      return NUMERIC.test(text.trim())
        ? { ok: true, value: text.trim() }
        : { ok: false, message: `${column.type} takes a number, e.g. 12.50 or 1e-3.` };
    case 'boolean': {
      const value = text.trim().toLowerCase();
      if (['true', 't', 'yes', 'on', '1'].includes(value)) return { ok: true, value: 'true' };
      if (['false', 'f', 'no', 'off', '0'].includes(value)) return { ok: true, value: 'false' };
      return { ok: false, message: 'A boolean is true or false.' };
    }
    case 'date':
      return DATE.test(text.trim())
        ? { ok: true, value: text.trim() }
        : { ok: false, message: 'A date is written YYYY-MM-DD, e.g. 2026-12-02.' };
    case 'timestamp':
    case 'timestamptz': {
      const value = text.trim();
      if (/^[+-]?infinity$/i.test(value)) return { ok: true, value };
      const zone = ZONE.exec(value);
      const local = zone && column.kind === 'timestamptz' ? value.slice(0, zone.index).trimEnd() : value;
      if (!TIMESTAMP.test(local))
        return {
          ok: false,
          message: `Write it as YYYY-MM-DD HH:MM[:SS]${column.kind === 'timestamptz' ? ' with a zone such as +02:00 or Z' : ''}.`,
        };
      if (column.kind === 'timestamptz' && !zone) return { ok: true, value, note: "No zone given: the server's TimeZone setting applies." };
      return { ok: true, value };
    }
    case 'json':
      try {
        JSON.parse(text);
        return { ok: true, value: text };
      } catch (err) {
        return { ok: false, message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
      }
    case 'enum':
      return column.enumLabels.includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `One of: ${column.enumLabels.join(', ')}.` };
    default:
      return { ok: true, value: text };
  }
}
