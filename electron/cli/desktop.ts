import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot, withUsage, helpFlag, type Command } from './common';
import { EXIT } from './exit-codes';

const usage = `Usage: ticketz-console desktop

Opens the desktop app (Electron). Used by \`npm start\`.`;

const missingBinary = `The Electron binary is not installed (it is downloaded by \`npm install\`, which was skipped or had no internet).
Run \`npm install\` again with internet access, or use browser mode instead:

  npx ticketz-console serve`;

/** The electron package's main export is the path of its binary; it throws if the download was skipped. */
function electronBinary(): string | undefined {
  try {
    const fromPackage = createRequire(path.join(packageRoot, 'package.json'))('electron') as unknown;
    return typeof fromPackage === 'string' && existsSync(fromPackage) ? fromPackage : undefined;
  } catch {
    return undefined;
  }
}

export const desktopCommand: Command = {
  name: 'desktop',
  summary: 'Open the desktop app (Electron)',
  usage,
  async run(argv) {
    const { values } = withUsage(usage, () => parseArgs({ args: argv, strict: true, options: helpFlag }));
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const binary = electronBinary();
    if (!binary) {
      console.error(missingBinary);
      return EXIT.failure;
    }
    const child = spawn(binary, [path.join(packageRoot, 'dist', 'electron', 'main.cjs')], { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? EXIT.failure)));
  },
};
