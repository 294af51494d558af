import { parseArgs } from 'node:util';
import path from 'node:path';
import { defaultDataDir } from '../core/data-dir';
import { startServer } from '../server';
import { withUsage, helpFlag, parsePort, untilSignal, type Command } from './common';
import { EXIT, UsageError } from './exit-codes';
import { openBrowser } from './open-browser';
import { argumentWarning, databaseUrlFrom, databaseUrlOptions, readSecret } from './secret-input';

const usage = `Usage: ticketz-console serve [--demo | --url <postgres url> | --url-file F] [--port N] [--token-file F] [--pool-size N] [--data-dir D] [--open]

Runs the console in your browser: the same core as the desktop app, on 127.0.0.1 only.
  --demo            start the built-in demo database (default when neither --url nor a saved connection is given)
  --url URL         open this database (saved as a connection); no demo database unless --demo too;
                    a password here is visible in ps: prefer --url-file or TICKETZ_CONSOLE_URL
  --url-file F      read the URL from file F (first line)
  --password-prompt ask for the database password (terminal, or the first line of stdin)
  --port N          port to listen on (default: a free port)
  --token-file F    the access token, read from file F (or TICKETZ_CONSOLE_TOKEN; at least 16
                    characters; default: 32 random bytes per launch)
  --token T         the same on the command line (visible in ps)
  --pool-size N     database sessions per connection (default 5; e.g. one per gate scanner)
  --data-dir D      where profiles, secrets and the demo database live (default: ${defaultDataDir()})
  --open            open the URL in the default browser
  --json            print {"url", "port"} as JSON instead of text`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the console in a browser on 127.0.0.1 (browser mode)',
  usage,
  async run(argv) {
    const { values } = withUsage(usage, () =>
      parseArgs({
        args: argv,
        strict: true,
        options: {
          ...helpFlag,
          demo: { type: 'boolean' },
          ...databaseUrlOptions,
          port: { type: 'string' },
          token: { type: 'string' },
          'token-file': { type: 'string' },
          'pool-size': { type: 'string' },
          'data-dir': { type: 'string' },
          json: { type: 'boolean' },
          open: { type: 'boolean' },
        },
      }),
    );
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const warn = (line: string) => console.error(line);
    const token = readSecret(
      { value: values.token, file: values['token-file'], flag: '--token', fileFlag: '--token-file', env: 'TICKETZ_CONSOLE_TOKEN' },
      warn,
    );
    const tokenWarning = argumentWarning('--token', values.token, '--token-file F or TICKETZ_CONSOLE_TOKEN');
    if (tokenWarning) warn(tokenWarning);
    if (token !== undefined && token.length < 16) throw new UsageError('The access token must be at least 16 characters.');
    const database = await databaseUrlFrom(values, warn);
    const poolSize = values['pool-size'] === undefined ? undefined : Number(values['pool-size']);
    if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 200))
      throw new UsageError('--pool-size must be a whole number from 1 to 200.');
    const server = await startServer({
      dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()),
      demo: values.demo ?? false,
      url: database?.url,
      password: database?.password,
      port: parsePort(values.port),
      token,
      poolSize,
      log: (line) => console.error(line),
    });
    if (values.json) console.log(JSON.stringify({ url: server.http.url, port: server.http.port }));
    else console.log(`Ticketz Console is running. Open this URL in your browser:\n\n  ${server.http.url}\n\nPress Ctrl+C to stop.`);
    if (values.open) {
      const notOpened = await openBrowser(server.http.url);
      if (notOpened) console.error(`No browser was opened (${notOpened}); open the URL above yourself.`);
    }
    await untilSignal();
    await server.stop();
    return EXIT.ok;
  },
};
