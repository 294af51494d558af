import type { ExportFormat } from './export-writer';

/**
 * The name offered in a Save dialog or a browser download: the export's label (a table's
 * `schema.name`, or `query`) kept readable, Unicode included, with only the characters that some
 * file system refuses replaced — `<>:"/\|?*` and control characters on Windows, `/` and NUL
 * everywhere (https://learn.microsoft.com/windows/win32/fileio/naming-a-file). The file on the
 * server keeps its own ASCII name (exportPath); this one only travels to the user.
 */
export function suggestedFileName(label: string, format: ExportFormat): string {
  const base = label
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  return `${base || 'export'}.${format}`;
}
