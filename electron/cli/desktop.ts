import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packageRoot, withUsage, helpFlag, type Command } from './common';
import { fetchElectron, findElectron, launchElectron, mainEntry, type ElectronLookup } from './electron-binary';
import { EXIT } from './exit-codes';
import { serveCommand } from './serve';

const usage = `Usage: ticketz-console desktop [--no-fallback]

Opens the desktop app (Electron). Used by \`npm start\`.
The first start fetches the Electron binary (npm install leaves that download to it). Where it
cannot be had, the console opens in browser mode instead: \`serve --demo --open\`.
  --no-fallback     fail instead of opening browser mode`;

/** Why there is no desktop window, in the one line the fallback prints. */
function whyNot(lookup: ElectronLookup, fetchFailure?: string): string {
  switch (lookup.state) {
    case 'no-package':
      return 'the electron package is not installed (production install without devDependencies)';
    case 'not-downloaded':
      return `the Electron binary is not installed and could not be fetched: ${fetchFailure ?? 'unknown reason'}`;
    case 'broken':
      return `the Electron binary at ${lookup.binary} is unusable (${lookup.reason}); delete node_modules/electron and run npm install again`;
    case 'ready':
      return fetchFailure ?? 'Electron could not be started';
  }
}

/** The binary, fetching it on this first start when npm install deferred the download. */
async function electronOrReason(): Promise<{ binary: string } | { reason: string }> {
  let lookup = findElectron(packageRoot);
  if (lookup.state === 'not-downloaded') {
    console.error('Fetching the Electron binary (first start only)…');
    const failure = await fetchElectron(lookup.packageDir);
    if (failure) return { reason: whyNot(lookup, failure) };
    lookup = findElectron(packageRoot);
  }
  return lookup.state === 'ready' ? { binary: lookup.binary } : { reason: whyNot(lookup) };
}

export const desktopCommand: Command = {
  name: 'desktop',
  summary: 'Open the desktop app (Electron); browser mode where Electron cannot run',
  usage,
  async run(argv) {
    const { values } = withUsage(usage, () =>
      parseArgs({ args: argv, strict: true, options: { ...helpFlag, 'no-fallback': { type: 'boolean' } } }),
    );
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const entry = mainEntry(packageRoot);
    if (!existsSync(entry)) {
      console.error(`The desktop app is not built (${entry} is missing). Run \`npm run build\` first.`);
      return EXIT.failure;
    }
    const electron = await electronOrReason();
    let reason: string;
    if ('binary' in electron) {
      const outcome = await launchElectron(electron.binary, entry);
      if ('code' in outcome) return outcome.code;
      reason = outcome.error;
    } else reason = electron.reason;
    if (values['no-fallback']) {
      console.error(`The desktop app cannot start: ${reason}.`);
      return EXIT.failure;
    }
    console.error(`Opening browser mode instead of the desktop window: ${reason}.`);
    return serveCommand.run(['--demo', '--open']);
  },
};
