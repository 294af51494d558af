import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMoney,
  formatMs,
  formatPercent,
  formatTime,
} from './format';

describe('format', () => {
  it('formats bytes in binary units with pg_size_pretty’s unit names', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes('1000')).toBe('1,000 bytes');
    expect(formatBytes('1536')).toBe('1.5 kB');
    expect(formatBytes(8192)).toBe('8.0 kB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes('1073741824')).toBe('1.0 GB');
    expect(formatBytes(-2048)).toBe('-2.0 kB');
    expect(formatBytes(null)).toBe('—');
  });

  it('formats durations', () => {
    expect(formatMs(0.4215)).toBe('0.42 ms');
    expect(formatMs(12.3)).toBe('12 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(125_000)).toBe('2 min 5 s');
    expect(formatMs(119_900)).toBe('1 min 59 s');
    expect(formatMs(3_725_000)).toBe('1 h 2 min');
  });

  it('groups int8 values exactly, even beyond a double’s precision', () => {
    expect(formatCount('9223372036854775807')).toBe('9,223,372,036,854,775,807');
    expect(formatCount('-9223372036854775808')).toBe('-9,223,372,036,854,775,808');
    expect(formatCount('12345678901234567')).toBe('12,345,678,901,234,567');
    expect(formatCount(12345678901234567n)).toBe('12,345,678,901,234,567');
    expect(formatCount('999')).toBe('999');
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount('1234.567')).toBe('1,234.57');
    expect(formatCount(null)).toBe('—');
  });

  it('formats decimals and money exactly from numeric strings', () => {
    expect(formatDecimal('363301.50')).toBe('363,301.50');
    expect(formatDecimal('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(formatMoney('363301.50', 'EUR')).toBe('€363,301.50');
    expect(formatMoney('140', 'USD')).toBe('$140.00');
    expect(formatMoney('140.00', 'CHF')).toBe('CHF 140.00');
    expect(formatMoney('140.5', null)).toBe('140.50');
    expect(formatMoney(null, 'EUR')).toBe('—');
  });

  it('shows a share truncated, never rounded up to full', () => {
    expect(formatPercent(0.9731)).toBe('97.3 %');
    expect(formatPercent(0.808081)).toBe('80.8 %');
    expect(formatPercent(0.57)).toBe('57.0 %');
    expect(formatPercent(0.999999)).toBe('99.9 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(0.5, 0)).toBe('50 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('formats timestamps, with a word for none', () => {
    expect(formatDateTime(null, 'never')).toBe('never');
    expect(formatDateTime('2026-01-02T03:04:05Z')).toMatch(/2026/);
  });

  it('reads a moment the same from an ISO string, epoch milliseconds or a Date, in the fixed locale', () => {
    const iso = '2026-01-02T03:04:05.678Z';
    const at = new Date(iso);
    expect(formatDateTime(iso)).toBe(at.toLocaleString('en-US'));
    expect(formatDateTime(at.getTime())).toBe(formatDateTime(iso));
    expect(formatDateTime(at)).toBe(formatDateTime(iso));
    expect(formatDate(iso)).toBe(at.toLocaleDateString('en-US'));
    expect(formatTime(at.getTime())).toBe(at.toLocaleTimeString('en-US'));
    expect(formatTime(undefined)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
