import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/http/csp';

export const APP_ORIGIN = 'app://ticketz';

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, workers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves dist/renderer under app://ticketz with the CSP header; nothing outside that folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const target = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    const inside = target.startsWith(rendererDir + path.sep);
    const file = inside && path.extname(target) ? target : path.join(rendererDir, 'index.html');
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
