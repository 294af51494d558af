import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { copyExport, saveExportAs, type SaveDialogRequest } from './save-as';

let root: string;
let source: string;
const content = 'id,name\r\n1,"Zoë, ""the"" first"\r\n'.repeat(50_000); // ~1.7 MB: several stream chunks

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ticketz-save-as-'));
  source = path.join(root, 'exports-query-1.csv');
  writeFileSync(source, content);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('saveExportAs', () => {
  it('offers the suggested name with a filter for the format, then copies the file where the user chose', async () => {
    const asked: SaveDialogRequest[] = [];
    const target = path.join(root, 'chosen', 'mine.csv');
    mkdirSync(path.dirname(target));
    const result = await saveExportAs(
      async (request) => {
        asked.push(request);
        return target;
      },
      { path: source, fileName: 'query.csv', format: 'csv' },
    );
    expect(result).toEqual({ kind: 'saved', path: target });
    expect(readFileSync(target, 'utf8')).toBe(content);
    expect(asked).toEqual([{ suggestedName: 'query.csv', filters: [expect.objectContaining({ extensions: ['csv'] }), expect.anything()] }]);
    expect(readdirSync(path.dirname(target))).toEqual(['mine.csv']); // no temporary file left behind
  });

  it('copies nothing when the user cancels', async () => {
    const result = await saveExportAs(async () => undefined, { path: source, fileName: 'query.json', format: 'json' });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(readdirSync(root)).toEqual(['exports-query-1.csv']);
  });
});

describe('copyExport', () => {
  it('replaces an existing file whole', async () => {
    const target = path.join(root, 'existing.csv');
    writeFileSync(target, 'old content that is longer than nothing');
    await copyExport(source, target);
    expect(readFileSync(target, 'utf8')).toBe(content);
  });

  it('leaves the source alone when asked to save it onto itself', async () => {
    await copyExport(source, source);
    expect(readFileSync(source, 'utf8')).toBe(content);
  });

  it('says what failed and what to do when the target cannot be written', async () => {
    // A folder that vanished after the dialog closed (root may write anywhere, so no chmod test here).
    const error = await copyExport(source, path.join(root, 'gone', 'out.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).message).toMatch(/Could not save the export to .*out\.csv: .*Choose a folder you can write to/);
  });

  it('removes the partial file when the source cannot be read', async () => {
    const target = path.join(root, 'out.csv');
    await expect(copyExport(path.join(root, 'missing.csv'), target)).rejects.toThrow(/Could not save the export/);
    expect(readdirSync(root)).toEqual(['exports-query-1.csv']);
  });
});
