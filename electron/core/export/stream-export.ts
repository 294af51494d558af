import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { readBatch } from '../db/cursor-read';
import { copyCsvToFile } from './copy-csv';
import { RAW_TEXT_TYPES } from '../db/raw-text';
import type { ExportResult } from '../../../shared/contract/exports';
import type { EventBus } from '../rpc/call-context';
import type { ExportRegistry } from './export-registry';
import { ExportWriter, exportPath, type ExportFormat } from './export-writer';
import { suggestedFileName } from './suggested-name';

const BATCH_ROWS = 2_000;
const PROGRESS_EVERY_MS = 250;

export interface ExportJob {
  dataDir: string;
  events: EventBus;
  /** Gives the finished file the opaque id the caller passes to exports.deliver. */
  registry: ExportRegistry;
  connectionId: string;
  taskId?: string | undefined;
  /** Names the file, the name suggested to the user and the progress label. */
  label: string;
  format: ExportFormat;
  text: string;
  values: unknown[];
  /** Expected rows (an estimate), for the progress fraction; null when unknown. */
  expectedRows: number | null;
  /** The text is one query COPY can wrap (a SELECT, VALUES or TABLE): CSV without values goes through COPY. */
  copyable?: boolean;
}

/** Column names made unique for JSON objects (`a`, `a_2`, …); CSV headers show them the same way. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}_${n}`;
  });
}

function finished(job: ExportJob, file: string, rows: number, bytes: number): ExportResult {
  const { exportId, fileName } = job.registry.register({
    path: file,
    fileName: suggestedFileName(job.label, job.format),
    format: job.format,
  });
  return { exportId, path: file, fileName, rows, bytes };
}

/**
 * Runs one query through COPY (CSV, no parameters: see copy-csv.ts) or a server-side cursor and writes every row to a new file in the data
 * folder, a batch at a time (memory stays flat), reporting progress on the event bus.
 */
export async function streamExport(client: pg.ClientBase, job: ExportJob): Promise<ExportResult> {
  const taskId = job.taskId ?? randomUUID();
  const started = performance.now();
  const label = `Export ${job.label} to ${job.format.toUpperCase()}`;
  const progress = (state: 'running' | 'succeeded' | 'failed', rows: number, detail?: string) =>
    job.events.emit('task.progress', {
      taskId,
      connectionId: job.connectionId,
      label,
      state,
      fraction: state === 'succeeded' ? 1 : job.expectedRows ? Math.min(0.99, rows / job.expectedRows) : null,
      detail: detail ?? `${rows.toLocaleString('en-US')} rows`,
      elapsedMs: performance.now() - started,
    });

  if (job.format === 'csv' && job.copyable && job.values.length === 0) {
    const file = exportPath(job.dataDir, job.label, job.format);
    try {
      progress('running', 0);
      let lastReport = performance.now();
      const { rows, bytes } = await copyCsvToFile(client, job.text, file, (approxRows) => {
        if (performance.now() - lastReport < PROGRESS_EVERY_MS) return;
        progress('running', approxRows);
        lastReport = performance.now();
      });
      progress('succeeded', rows, `${rows.toLocaleString('en-US')} rows written to ${file}`);
      return finished(job, file, rows, bytes);
    } catch (err) {
      rmSync(file, { force: true });
      progress('failed', 0, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  const cursor = client.query(new Cursor<(string | null)[]>(job.text, job.values, { rowMode: 'array', types: RAW_TEXT_TYPES }));
  const file = exportPath(job.dataDir, job.label, job.format);
  let writer: ExportWriter | undefined;
  try {
    progress('running', 0);
    let lastReport = performance.now();
    for (;;) {
      const { rows, fields } = await readBatch(cursor, BATCH_ROWS);
      if (!writer) {
        writer = new ExportWriter(file, job.format, uniqueNames(fields.map((f) => f.name)));
        await writer.open();
      }
      await writer.writeRows(rows);
      if (performance.now() - lastReport > PROGRESS_EVERY_MS) {
        progress('running', writer.rows);
        lastReport = performance.now();
      }
      if (rows.length < BATCH_ROWS) break;
    }
    await cursor.close();
    await writer.finish();
    progress('succeeded', writer.rows, `${writer.rows.toLocaleString('en-US')} rows written to ${file}`);
    return finished(job, file, writer.rows, writer.bytes);
  } catch (err) {
    writer?.destroy();
    await cursor.close().catch(() => undefined);
    progress('failed', writer?.rows ?? 0, err instanceof Error ? err.message : String(err));
    throw err;
  }
}
