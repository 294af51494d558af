/** Pure helpers for how a cell's text is shown, copied and inspected. */

export const PREVIEW_CHARS = 200;

/** One line, at most PREVIEW_CHARS: the grid shows a preview; the viewer shows everything. */
export function cellPreview(value: string): string {
  const oneLine = value.length > PREVIEW_CHARS ? `${value.slice(0, PREVIEW_CHARS)}…` : value;
  return oneLine.replace(/\r?\n/g, ' ⏎ ');
}

/** Tab-separated, as spreadsheets paste it; tabs and newlines inside values become spaces. */
export function rowAsTsv(row: readonly (string | null)[]): string {
  return row.map((v) => (v === null ? '' : v.replace(/[\t\r\n]+/g, ' '))).join('\t');
}

export function rowAsJson(columns: readonly { name: string }[], row: readonly (string | null)[]): string {
  const obj: Record<string, string | null> = {};
  columns.forEach((c, i) => (obj[c.name] = row[i] ?? null));
  return JSON.stringify(obj, null, 2);
}

/** JSON pretty-printed when the value is JSON (json/jsonb columns, or text that parses as an object or array). */
export function prettyJson(value: string, type: string | undefined): string | null {
  const looksJson = type === 'json' || type === 'jsonb' || /^\s*[[{]/.test(value);
  if (!looksJson) return null;
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return null;
  }
}

/**
 * A hex dump of a bytea value (Postgres prints bytea as `\x` + hex): offset, 16 bytes in hex and
 * their printable ASCII, for at most `maxBytes`.
 */
export function hexPreview(value: string, maxBytes = 4096): { lines: string[]; totalBytes: number } | null {
  if (!/^\\x([0-9a-fA-F]{2})*$/.test(value)) return null;
  const hex = value.slice(2);
  const totalBytes = hex.length / 2;
  const lines: string[] = [];
  for (let offset = 0; offset < Math.min(totalBytes, maxBytes); offset += 16) {
    const bytes = hex.slice(offset * 2, offset * 2 + 32).match(/../g) ?? [];
    const ascii = bytes.map((b) => {
      const code = Number.parseInt(b, 16);
      return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : '.';
    });
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${bytes.join(' ').padEnd(47)}  ${ascii.join('')}`);
  }
  return { lines, totalBytes };
}
