import { backupCommand } from './cli/backup';
import { demoCommand } from './cli/demo';
import { desktopCommand } from './cli/desktop';
import type { Command } from './cli/common';
import { EXIT, UsageError } from './cli/exit-codes';
import { finish } from './cli/finish';
import { migrateCommand } from './cli/migrate';
import { serveCommand } from './cli/serve';

const commands: Command[] = [serveCommand, demoCommand, migrateCommand, backupCommand, desktopCommand];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: ticketz-console <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `ticketz-console <command> --help` for a command's options.",
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return EXIT.usage;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    return finish(err instanceof UsageError ? EXIT.usage : EXIT.failure);
  },
);
