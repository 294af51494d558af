/**
 * The one set of display formatters, the same on both sides of the wire. Every number a user sees
 * goes through here, so one value reads the same on every page. Grouping and currencies come from
 * `Intl` with a fixed locale (tests and screenshots must not depend on the machine's locale); int8
 * and numeric values, which arrive as strings, are formatted from the string and never pass through
 * a double (Intl accepts decimal strings exactly, and bigint).
 */

const LOCALE = 'en-US';
const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];

type Numeric = number | string | bigint | null | undefined;

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimalFormats = new Map<number, Intl.NumberFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

function decimalFormat(digits: number): Intl.NumberFormat {
  let f = decimalFormats.get(digits);
  if (!f) decimalFormats.set(digits, (f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

/** A decimal string as Intl's exact-decimal input, or null when it is not a number at all. */
function decimalString(value: string): `${number}` | null {
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value.trim()) ? (value.trim() as `${number}`) : null;
}

/** 1536 → "1.5 kB" (binary multiples and unit names as pg_size_pretty). Accepts int8 strings. */
export function formatBytes(value: Numeric): string {
  if (value === null || value === undefined || value === '') return '—';
  let v = Number(value);
  if (!Number.isFinite(v)) return '—';
  const sign = v < 0 ? '-' : '';
  v = Math.abs(v);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return `${sign}${integerFormat.format(v)} bytes`;
  return `${sign}${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${UNITS[i]}`;
}

/** 0.42 → "0.42 ms", 1234 → "1.23 s", 125000 → "2 min 5 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(2)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.floor(s - m * 60)} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

/**
 * 1234567 → "1,234,567". Integers (int8 strings, bigint) are grouped exactly, even beyond a
 * double's 2^53; a fractional value keeps up to two decimals.
 */
export function formatCount(value: Numeric): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'bigint') return integerFormat.format(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '—';
    return Number.isInteger(value) ? integerFormat.format(value) : formatDecimal(value, 0, 2);
  }
  if (/^-?\d+$/.test(value.trim())) return integerFormat.format(BigInt(value.trim()));
  const exact = decimalString(value);
  return exact === null ? value : formatDecimal(exact, 0, 2);
}

/** A number with a fixed count of decimals ("1,234.50"), exact for numeric strings. */
export function formatDecimal(value: Numeric, minDigits = 2, maxDigits = minDigits): string {
  if (value === null || value === undefined || value === '') return '—';
  const input = typeof value === 'string' ? decimalString(value) : value;
  if (input === null) return String(value);
  if (typeof input === 'number' && !Number.isFinite(input)) return '—';
  const f =
    minDigits === maxDigits
      ? decimalFormat(minDigits)
      : new Intl.NumberFormat(LOCALE, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
  return f.format(input);
}

/**
 * An amount of money in its currency: ("363301.50", "EUR") → "€363,301.50". Without a known
 * currency (several currencies summed, or none recorded) the amount is grouped and the word says so.
 */
export function formatMoney(amount: Numeric, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const input = typeof amount === 'string' ? decimalString(amount) : amount;
  if (input === null) return String(amount);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return `${decimalFormat(2).format(input)}${currency ? ` ${currency}` : ''}`;
  let f = moneyFormats.get(currency);
  if (!f) moneyFormats.set(currency, (f = new Intl.NumberFormat(LOCALE, { style: 'currency', currency })));
  // Currencies without a symbol in the locale print as "CHF 12.00" with a no-break space.
  return f.format(input).replace(/\u00a0/g, ' ');
}

/**
 * A 0..1 share as a percentage: 0.9731 → "97.3 %". Truncated, never rounded, so a share that is
 * not yet full never reads "100.0 %" and a share above zero never reads as a bigger one.
 */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const scale = 10 ** digits;
  // The epsilon absorbs binary noise (0.57 * 1000 = 569.99…), not real values.
  const truncated = Math.trunc(ratio * 100 * scale + (ratio >= 0 ? 1e-9 : -1e-9)) / scale;
  return `${truncated.toFixed(digits)} %`;
}

/** A moment as the wire carries it: an ISO string, epoch milliseconds (Date.now()), or a Date. */
type Moment = string | number | Date | null | undefined;

// One formatter per shape, made once: toLocaleString() builds a new Intl.DateTimeFormat per call.
// The shapes are those of toLocaleString/-DateString/-TimeString, so every page reads alike.
const DAY = { year: 'numeric', month: 'numeric', day: 'numeric' } as const;
const TIME = { hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { ...DAY, ...TIME });
const dateFormat = new Intl.DateTimeFormat(LOCALE, DAY);
const timeFormat = new Intl.DateTimeFormat(LOCALE, TIME);

function formatMoment(value: Moment, format: Intl.DateTimeFormat, fallback: string): string {
  if (value === null || value === undefined || value === '') return fallback;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : format.format(d);
}

/** A moment in the user's local time zone, "12/2/2026, 9:05:51 PM"; the fallback word when there is none. */
export function formatDateTime(value: Moment, fallback = '—'): string {
  return formatMoment(value, dateTimeFormat, fallback);
}

/** Only the day, "12/2/2026". */
export function formatDate(value: Moment, fallback = '—'): string {
  return formatMoment(value, dateFormat, fallback);
}

/** Only the time of day, "9:05:51 PM". */
export function formatTime(value: Moment, fallback = '—'): string {
  return formatMoment(value, timeFormat, fallback);
}
