import { randomBytes } from 'node:crypto';
import type { ExportFormat } from './export-writer';

/** A finished export file, as the server knows it; callers only ever see `exportId`. */
export interface ExportRecord {
  exportId: string;
  path: string;
  fileName: string;
  format: ExportFormat;
  createdAt: number;
}

/** As long as the startup sweep keeps files (removeStaleExports): an id never outlives its file's policy. */
export const EXPORT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A bound on memory for a console left open for weeks; the oldest ids are forgotten first. */
const MAX_RECORDS = 500;

/**
 * Which export files exist, by an opaque random id (18 bytes, base64url): the renderer asks for a
 * file by id, so no path ever comes from a caller. In memory only: after a restart the ids are
 * gone and the user exports again (the files stay on disk until the next day's sweep).
 */
export class ExportRegistry {
  private readonly records = new Map<string, ExportRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  register(file: Pick<ExportRecord, 'path' | 'fileName' | 'format'>): ExportRecord {
    const record: ExportRecord = { ...file, exportId: randomBytes(18).toString('base64url'), createdAt: this.now() };
    this.records.set(record.exportId, record);
    for (const id of this.records.keys()) {
      if (this.records.size <= MAX_RECORDS) break;
      this.records.delete(id);
    }
    return record;
  }

  /** The record, or undefined when the id is unknown, forgotten or older than a day. */
  get(exportId: string): ExportRecord | undefined {
    const record = this.records.get(exportId);
    if (record && this.now() - record.createdAt > EXPORT_MAX_AGE_MS) {
      this.records.delete(exportId);
      return undefined;
    }
    return record;
  }
}
