import { createRequire } from 'node:module';

/**
 * Inside an installed Electron app, modules live in resources/app.asar, an archive Electron shows
 * as a folder: reading works, but spawning a binary or chmod-ing it fails, and native payloads
 * are extracted next to it in app.asar.unpacked (electron-builder.yml's asarUnpack). This maps a
 * path inside the archive to its unpacked twin; any other path is returned unchanged.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

const require = createRequire(import.meta.url);

/** Loads a CommonJS package from its unpacked copy, so its own __dirname (where it finds its .wasm) is a real folder. */
export function requireUnpacked(name: string): unknown {
  return require(unpackedPath(require.resolve(name)));
}

/** Where a package's entry file is, resolved from the bundle (undefined when it is not installed). */
export function resolveInstalled(name: string): string | undefined {
  try {
    return require.resolve(name);
  } catch {
    return undefined;
  }
}
