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
    chunkSizeWarningLimit: 6000,
    sourcemap: true,
  },
  worker: { format: 'es' },
});
