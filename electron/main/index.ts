import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/create-core';
import type { SaveDialog } from '../core/export/save-as';
import { demoBootstrap } from '../core/demo-bootstrap';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { createSafeStorageBox } from './safe-storage-box';
import { guardAllWebContents, lockPermissions } from './web-contents-guard';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/electron
const rendererDir = path.resolve(here, '..', 'renderer');
let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

registerAppScheme();
guardAllWebContents();
if (!app.requestSingleInstanceLock()) app.quit();

/** IPC is answered only for our own window's top frame showing our own origin. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!mainWindow && !!frame && frame === mainWindow.webContents.mainFrame && new URL(frame.url).origin === APP_ORIGIN;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Ticketz Console',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // An installed app has no DevTools (they would let anyone drive the IPC bridge by hand).
      devTools: !app.isPackaged,
      // Middle-click would open links in new windows outside our navigation guards.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  // Navigation, window.open and <webview> are refused for every web contents (web-contents-guard.ts).
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** exports.deliver's Save dialog: main only asks the user for a path; core copies the file (core/export/save-as.ts). */
const saveDialog: SaveDialog = async ({ suggestedName, filters }) => {
  const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName), filters };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
};

app.whenReady().then(() => {
  lockPermissions(session.defaultSession);
  serveRenderer(rendererDir);
  const log = (line: string) => console.error(line);
  core = createCore({
    dataDir: app.getPath('userData'),
    host: 'electron',
    version: app.getVersion(),
    secrets: createSafeStorageBox(),
    demo: { enabled: true, onReady: demoBootstrap(log) },
    saveDialog,
  });
  void core.deps.demo?.start().catch((err: unknown) => log(`Demo database failed to start: ${String(err)}`));

  ipcMain.handle('rpc:call', async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event) || !core) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Untrusted sender' } };
    return core.dispatch(method, input, { host: 'electron', client: `electron:${event.sender.id}` });
  });
  core.events.subscribe((name, payload) => mainWindow?.webContents.send('rpc:event', name, payload));
  mainWindow = createWindow();
  // The window's page owns its pinned editor sessions: they end when it reloads, crashes or closes.
  const page = `electron:${mainWindow.webContents.id}`;
  const pageGone = () => core?.deps.pages.gone(page);
  mainWindow.webContents.on('render-process-gone', pageGone);
  mainWindow.webContents.on('did-start-loading', pageGone);
  mainWindow.webContents.once('destroyed', pageGone);
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = undefined;
  void closing.dispose().finally(() => app.quit());
});
