import type { BackupEntry } from '../core/backup/backup-folder';
import type { VerifyReport } from '../core/backup/verify-backup';
import { table } from './migrate-output';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} kB`
      : bytes < 1024 ** 3
        ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
        : `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const when = (d: Date | string) =>
  new Date(d)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');

/** Progress for people, on stderr: a line each time the percentage passes a 5% step (or the detail changes step). */
export function progressPrinter(write: (line: string) => void): (p: { fraction: number; detail: string }) => void {
  let last = -1;
  return (p) => {
    const percent = Math.floor(p.fraction * 100);
    if (percent < 100 && Math.floor(percent / 5) === Math.floor(last / 5)) return;
    last = percent;
    write(`  ${String(percent).padStart(3)}%  ${p.detail}`);
  };
}

export function formatList(dir: string, entries: BackupEntry[]): string[] {
  if (entries.length === 0) return [`No backups in ${dir}.`];
  const rows = entries.map((e) => [
    when(e.at),
    e.manifest ? e.manifest.database : '?',
    size(e.bytes),
    e.manifest ? String(e.manifest.tables.length) : '',
    e.manifest ? String(e.manifest.tables.reduce((s, t) => s + BigInt(t.rows), 0n)) : '',
    e.verification ? `${e.verification.ok ? 'proven' : 'FAILED'} ${when(e.verification.at)}` : e.manifest ? 'not verified' : 'no manifest',
    e.file,
  ]);
  return [`Backups in ${dir}:`, '', ...table(['Taken', 'Database', 'Size', 'Tables', 'Rows', 'Verify', 'File'], rows).map((l) => `  ${l}`)];
}

export function formatVerify(report: VerifyReport): string[] {
  if (report.ok)
    return [
      `Proven: ${report.file} restored into a scratch database (${report.scratchDatabase}, dropped again) with ${report.tables} tables and ${report.rows} rows matching the manifest.`,
      ...report.notes.map((n) => `Note: ${n}`),
    ];
  return [`NOT proven: ${report.file}`, ...report.problems.map((p) => `  - ${p}`)];
}
