import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** How to open a URL in the default browser here, or why we cannot. */
export type BrowserOpener = { command: string; args: string[] } | { reason: string };

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** `BROWSER=none` opts out (the convention of other dev servers); Linux needs a display and xdg-open. */
export function browserOpener(url: string, platform: NodeJS.Platform = process.platform, env = process.env): BrowserOpener {
  if (env.BROWSER === 'none') return { reason: 'BROWSER=none is set' };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; the empty "" is its window title, so the URL is never taken for one.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  if (!onPath('xdg-open', env)) return { reason: 'xdg-open is not installed' };
  return { command: 'xdg-open', args: [url] };
}

/** Opens the URL, detached (the browser outlives us); resolves with why not, or undefined. */
export function openBrowser(url: string): Promise<string | undefined> {
  const opener = browserOpener(url);
  if ('reason' in opener) return Promise.resolve(opener.reason);
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', (err) => resolve(`${opener.command} failed: ${err.message}`));
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}
