import { app, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { openExternalSafely } from './open-external';
import { permissionAllowed } from './permission-policy';

/**
 * Guards for every web contents the app ever creates — the main window, and anything that might
 * appear later (a devtools host, a future dialog window): no navigation away from our page, no
 * window.open (links go to the audited external helper), no <webview>, and in an installed build
 * no DevTools. Registered before the first window, so no contents escapes it.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
    // webPreferences.devTools is off when packaged; this also closes them if something opens them anyway.
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}

/** Permission requests and permission checks (the synchronous ones, e.g. navigator.permissions) answer alike. */
export function lockPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl ? new URL(details.requestingUrl).origin : undefined, APP_ORIGIN)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, APP_ORIGIN),
  );
  session.setDevicePermissionHandler(() => false);
}
