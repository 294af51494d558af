// Runs @doyensec/electronegativity over the Electron shell and the renderer's HTML and fails on
// any HIGH or MEDIUM finding. Two review-only checks are skipped, each for a stated reason:
//  - PRELOAD_JS_CHECK flags any preload at all; ours exposes only window.bridge.{call,on} with a
//    build-time allowlist of contract names (electron/preload/index.ts).
//  - OPEN_EXTERNAL_JS_CHECK flags any shell.openExternal; ours is the one audited helper
//    (electron/main/open-external.ts) allowing only http(s), unit-tested in external-url.test.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const work = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
try {
  cpSync(path.join(root, 'electron'), path.join(work, 'electron'), { recursive: true });
  cpSync(path.join(root, 'renderer/index.html'), path.join(work, 'renderer/index.html'));
  const out = path.join(work, 'findings.csv');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i',
      work,
      '-o',
      out,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-x',
      'preloadjscheck,openexternaljscheck',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
  const serious = rows.filter((row) => /^[A-Z_]+,"(HIGH|MEDIUM)"/.test(row));
  console.log(`electronegativity: ${rows.length} findings, ${serious.length} high or medium`);
  for (const row of serious) console.log(`  ${row}`);
  process.exitCode = serious.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
