import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { ExportRecord } from './export-registry';
import type { ExportFormat } from './export-writer';

/** What a native Save dialog needs; the shape of Electron's `dialog.showSaveDialog` options. */
export interface SaveDialogRequest {
  suggestedName: string;
  filters: { name: string; extensions: string[] }[];
}

/**
 * A host capability: ask the user where to save, resolve to the chosen path or undefined when
 * they cancel. Only the desktop host has one (electron/main passes it to createCore); the path
 * comes from the user's own dialog, never from the renderer.
 */
export type SaveDialog = (request: SaveDialogRequest) => Promise<string | undefined>;

const FILTERS: Record<ExportFormat, SaveDialogRequest['filters']> = {
  csv: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

export async function saveExportAs(
  dialog: SaveDialog,
  record: Pick<ExportRecord, 'path' | 'fileName' | 'format'>,
): Promise<{ kind: 'saved'; path: string } | { kind: 'cancelled' }> {
  const target = await dialog({
    suggestedName: record.fileName,
    filters: [...FILTERS[record.format], { name: 'All files', extensions: ['*'] }],
  });
  if (!target) return { kind: 'cancelled' };
  await copyExport(record.path, target);
  return { kind: 'saved', path: target };
}

/**
 * Streams the export to the chosen path through a hidden temporary file next to it, renamed into
 * place at the end: a failure (disk full, folder not writable) never leaves half a file under the
 * user's chosen name, and a file they chose to replace is replaced whole. The dialog has already
 * asked whether to overwrite. New files get the user's usual permissions (umask), not the 0600 of
 * the data folder.
 */
export async function copyExport(source: string, target: string): Promise<void> {
  if (path.resolve(source) === path.resolve(target)) return;
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await pipeline(createReadStream(source), createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new RpcError(
      'UNAVAILABLE',
      `Could not save the export to ${target}: ${reason}. Choose a folder you can write to, with free space, and save again.`,
    );
  }
}
