/**
 * CSV as RFC 4180 writes it: fields with a comma, quote, CR or LF are quoted, quotes doubled.
 * SQL NULL is an empty unquoted field and the empty string is "" — the convention of
 * PostgreSQL's own COPY … (FORMAT csv), so a file loads back with COPY without losing NULLs.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  if (value === '' || /[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
