import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the desktop app's pieces are: the Electron binary (from the `electron` npm package, whose
 * postinstall download package.json's allowScripts defers to the first `npm start`) and the
 * main bundle (package.json's "main", the file esbuild writes).
 */
export type ElectronLookup =
  | { state: 'ready'; binary: string; packageDir: string }
  /** The package is there but its binary was never fetched (path.txt missing). */
  | { state: 'not-downloaded'; packageDir: string }
  /** path.txt names a binary that is missing or cannot be executed. */
  | { state: 'broken'; packageDir: string; binary: string; reason: string }
  | { state: 'no-package' };

export function findElectron(root: string): ElectronLookup {
  const require = createRequire(path.join(root, 'package.json'));
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { state: 'no-package' };
  }
  if (!existsSync(path.join(packageDir, 'path.txt'))) return { state: 'not-downloaded', packageDir };
  let binary: string;
  try {
    // The package's own index.js turns path.txt (and ELECTRON_OVERRIDE_DIST_PATH) into the binary's path.
    binary = require(packageDir) as string;
  } catch (err) {
    return { state: 'broken', packageDir, binary: '', reason: err instanceof Error ? err.message : String(err) };
  }
  if (!existsSync(binary)) return { state: 'broken', packageDir, binary, reason: 'the file is missing' };
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return { state: 'broken', packageDir, binary, reason: 'the file is not executable' };
  }
  return { state: 'ready', binary, packageDir };
}

/** The main bundle Electron runs: package.json's "main", which esbuild.config.mjs writes. */
export function mainEntry(root: string): string {
  const { main } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main?: string };
  if (!main) throw new Error(`${path.join(root, 'package.json')} has no "main" entry for Electron.`);
  return path.resolve(root, main);
}

/**
 * Runs electron's own install.js (the download npm install deferred). Resolves with why it
 * failed, or undefined once the binary is there. Output is kept, not shown: the caller says
 * in one line what happens next.
 */
export function fetchElectron(packageDir: string, timeoutMs = 180_000): Promise<string | undefined> {
  const script = path.join(packageDir, 'install.js');
  if (!existsSync(script)) return Promise.resolve(`${script} is missing`);
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return Promise.resolve('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => resolve(err.message));
    child.on('exit', (code, signal) => {
      if (code === 0 && existsSync(path.join(packageDir, 'path.txt'))) return resolve(undefined);
      const firstError = /(\w*Error[^\n]*)/.exec(output)?.[1] ?? (signal ? `stopped by ${signal}` : `exit code ${String(code)}`);
      resolve(`the download failed (${firstError.trim()})`);
    });
  });
}

/** Starts Electron on the main bundle; a binary that cannot run becomes a message, not a stack trace. */
export function launchElectron(binary: string, entry: string, args: string[] = []): Promise<{ code: number } | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn(binary, [entry, ...args], { stdio: 'inherit' });
    child.once('error', (err: NodeJS.ErrnoException) =>
      resolve({ error: `${binary} could not be started (${err.code ?? err.message}); the Electron download is probably damaged.` }),
    );
    child.once('exit', (code, signal) => {
      // 126/127: the system could not execute it (a truncated file, or missing shared libraries).
      if (code === 126 || code === 127)
        resolve({
          error: `${binary} could not be executed (exit code ${code}): a damaged download, or system libraries it needs (GTK 3, NSS) are missing — see the lines above`,
        });
      else resolve({ code: code ?? (signal ? 1 : 0) });
    });
  });
}
