import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { csvLine } from './csv';

export type ExportFormat = 'csv' | 'json';

/**
 * Exports always go to `<dataDir>/exports/` under a name the server makes up: no caller, and so no
 * web page in browser mode, can choose a path to write to. The user then takes the file by its
 * opaque export id (exports.deliver: a Save dialog on the desktop, a one-time download in the browser).
 */
export function exportPath(dataDir: string, label: string, format: ExportFormat): string {
  const dir = path.join(dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const safe =
    label
      .replace(/[^A-Za-z0-9_.-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 80) || 'export';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(dir, `${safe}-${stamp}.${format}`);
}

/** Streams rows to a file with back-pressure; CSV with a header line, or a JSON array of objects. */
export class ExportWriter {
  private readonly out: WriteStream;
  private first = true;
  rows = 0;
  bytes = 0;

  constructor(
    readonly file: string,
    private readonly format: ExportFormat,
    private readonly columns: readonly string[],
  ) {
    this.out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  }

  async open(): Promise<void> {
    await once(this.out, 'open');
    await this.write(this.format === 'csv' ? csvLine(this.columns) : '[');
  }

  async writeRows(rows: readonly (readonly (string | null)[])[]): Promise<void> {
    if (!rows.length) return;
    let chunk = '';
    for (const row of rows) {
      if (this.format === 'csv') chunk += csvLine(row);
      else {
        const obj: Record<string, string | null> = {};
        this.columns.forEach((name, i) => (obj[name] = row[i] ?? null));
        chunk += `${this.first ? '\n' : ',\n'}${JSON.stringify(obj)}`;
        this.first = false;
      }
    }
    this.rows += rows.length;
    await this.write(chunk);
  }

  async finish(): Promise<void> {
    if (this.format === 'json') await this.write(this.first ? ']\n' : '\n]\n');
    this.out.end();
    await once(this.out, 'finish');
  }

  destroy(): void {
    this.out.destroy();
  }

  private async write(text: string): Promise<void> {
    this.bytes += Buffer.byteLength(text);
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
