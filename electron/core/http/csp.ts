/**
 * The one Content-Security-Policy, used by the Electron window and by browser mode.
 * No remote origins at all. What Monaco needs, and nothing more:
 *  - worker-src 'self' blob: — its language workers are bundled files; Vite may wrap them in blob: URLs;
 *  - style-src 'unsafe-inline' — Monaco injects <style> elements and inline styles at run time
 *    (https://github.com/microsoft/monaco-editor/blob/main/docs/integrate-esm.md);
 *  - font-src 'self' data: — the codicon font is bundled.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
