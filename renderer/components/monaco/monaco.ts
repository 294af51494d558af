/**
 * Monaco, bundled (no CDN, no AMD loader): the editor API, every editor feature (find, suggest,
 * hover, folding …) and the PostgreSQL grammar only, not Monaco's ~80 other languages. The one
 * worker Monaco needs for SQL is a bundled file from our own origin, which the CSP's
 * `worker-src 'self' blob:` allows (see electron/core/http/csp.ts).
 * Import `monaco` from here, never from 'monaco-editor' directly, so the environment is set first.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/pgsql/register';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
