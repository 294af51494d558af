import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: served by browser mode and loaded by Electron from dist/renderer. Relative
// base so it works from app:// and http://127.0.0.1 alike; Monaco's workers are bundled (no CDN).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Monaco (~4 MB) is fetched lazily with the first editor (components/monaco/MonacoEditor.tsx); split into
        // files under Vite's default 500 kB warning, so no single script blocks a parse for long.
        codeSplitting: { groups: [{ name: 'monaco', test: /node_modules[\\/]monaco-editor/, maxSize: 480_000 }] },
        // Monaco's modules import each other in cycles; split across files they must still run in source order.
        strictExecutionOrder: true,
      },
    },
  },
  worker: { format: 'es' },
});
