// Bundles the Node side: the CLI (browser mode, demo, migrate), Electron main and preload, and the benchmarks.
// The renderer is built by Vite (vite.config.ts). npm packages stay external: they ship beside the bundle.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** `import sql from './x.sql?raw'` — the same syntax Vite and Vitest understand. */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', plugins: [rawText] };

// The contract's method names, fixed at build time for the preload's allowlist (the preload bundles no zod).
await build({
  ...common,
  entryPoints: ['shared/contract/index.ts'],
  format: 'esm',
  outfile: 'dist/.contract-names.mjs',
  packages: 'external',
  sourcemap: false,
});
const { methodNames, eventNames } = await import(`./dist/.contract-names.mjs?${Date.now()}`);

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/cli.ts' },
    outdir: 'dist',
    format: 'esm',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: { bench: 'bench/run.ts', 'bench-relay': 'bench/ops/relay-server.ts' },
    outdir: 'dist',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { main: 'electron/main/index.ts' },
    outdir: 'dist/electron',
    format: 'esm',
    packages: 'external',
    outExtension: { '.js': '.js' },
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload/index.ts' },
    outdir: 'dist/electron',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    define: { __CONTRACT_METHODS__: JSON.stringify(methodNames), __CONTRACT_EVENTS__: JSON.stringify(eventNames) },
  }),
]);
