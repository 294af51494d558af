/**
 * CSV exactly as PostgreSQL's COPY … (FORMAT csv) writes it, so that an export reads the same
 * whichever way it was made (COPY for most, a cursor when the query has bound values, see
 * copy-csv.ts) and loads back with COPY without losing NULLs: a field with a comma, quote, CR or
 * LF is quoted with quotes doubled, SQL NULL is an empty unquoted field, the empty string is "",
 * `\.` alone on a line is quoted (COPY's end-of-data marker: a one-column row), lines end in LF. Spaces are kept as they are (RFC
 * 4180: they are part of the field).
 */
export function csvField(value: string | null, onlyColumn = false): string {
  if (value === null) return '';
  if (value === '' || (onlyColumn && value === '\\.') || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map((v) => csvField(v, values.length === 1)).join(',')}\n`;
}
