/** Human-readable sizes and durations, the same on both sides of the wire. */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 → "1.5 kB" (binary multiples, as pg_size_pretty). Accepts int8 strings. */
export function formatBytes(value: number | string | bigint | null | undefined): string {
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
  return `${sign}${i === 0 ? v.toFixed(0) : v < 10 ? v.toFixed(1) : v.toFixed(0)} ${UNITS[i]}`;
}

/** 0.42 → "0.42 ms", 1234 → "1.23 s", 125000 → "2 min 5 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(2)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

/** 1234567 → "1,234,567" (int8 strings kept exact). */
export function formatCount(value: number | string | bigint | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = String(value);
  if (!/^-?\d+$/.test(s)) return Number(s).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.9731 → "97.3 %" */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)} %`;
}
