import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import type { SaveDialogRequest } from '../export/save-as';

let dataDir: string;
let core: Core;
let dialogAnswer: string | undefined;
let asked: SaveDialogRequest[];
let exportId: string;
let source: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ticketz-deliver-'));
  asked = [];
  core = createCore({
    dataDir,
    host: 'electron',
    validateOutput: true,
    saveDialog: async (request) => {
      asked.push(request);
      return dialogAnswer;
    },
  });
  // A finished export, as streamExport leaves it.
  mkdirSync(path.join(dataDir, 'exports'), { recursive: true });
  source = path.join(dataDir, 'exports', 'public.orders-2024.csv');
  writeFileSync(source, 'id,note\r\n1,"a, b"\r\n');
  exportId = core.deps.exports.register({ path: source, fileName: 'public.orders.csv', format: 'csv' }).exportId;
});
afterEach(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const deliver = (host: 'electron' | 'browser' | 'direct', id = exportId) => core.dispatch('exports.deliver', { exportId: id }, { host });

describe('exports.deliver', () => {
  it('desktop: asks where to save with the suggested name, then copies the file there', async () => {
    dialogAnswer = path.join(dataDir, 'chosen.csv');
    expect(await deliver('electron')).toEqual({ ok: true, value: { kind: 'saved', path: dialogAnswer } });
    expect(asked).toMatchObject([{ suggestedName: 'public.orders.csv' }]);
    expect(readFileSync(dialogAnswer, 'utf8')).toBe(readFileSync(source, 'utf8'));
  });

  it('desktop: reports a cancelled dialog', async () => {
    dialogAnswer = undefined;
    expect(await deliver('electron')).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });

  it('browser mode: a one-time download link, never the dialog', async () => {
    const result = await deliver('browser');
    expect(result).toMatchObject({ ok: true, value: { kind: 'download', fileName: 'public.orders.csv' } });
    const { url } = (result as { value: { url: string } }).value;
    expect(core.deps.downloads.take(url.slice('/download/'.length))).toMatchObject({ ok: true, file: { path: source } });
    expect(asked).toEqual([]);
  });

  it('direct callers get the path of the file', async () => {
    expect(await deliver('direct')).toEqual({ ok: true, value: { kind: 'file', path: source } });
  });

  it('says an unknown or removed export is no longer available and what to do', async () => {
    expect(await deliver('browser', 'not-an-id')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/no longer available.*Export again/) },
    });
    rmSync(source);
    expect(await deliver('browser')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/removed.*Export again/) },
    });
  });
});
