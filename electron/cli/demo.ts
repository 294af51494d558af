import { parseArgs } from 'node:util';
import path from 'node:path';
import { defaultDataDir } from '../core/data-dir';
import { DemoDatabase } from '../core/db/embedded-demo';
import { demoBootstrap } from '../core/demo-bootstrap';
import { createKeyFileSecretBox } from '../core/store/secret-box';
import { mkdirSync } from 'node:fs';
import { withUsage, helpFlag, parsePort, untilSignal, type Command } from './common';
import { parseScale, seedDatabaseAt } from './demo-seed-url';
import { EXIT, UsageError } from './exit-codes';
import { databaseUrlFrom, databaseUrlOptions } from './secret-input';

const usage = `Usage: ticketz-console demo [--data-dir D] [--port N] [--json]
       ticketz-console demo --url URL [--scale N] [--json]

Starts the built-in demo PostgreSQL and prints its URL until Ctrl+C.
  --data-dir D      where the demo database lives (default: ${defaultDataDir()})
  --port N          port (default: the last one used, else a free one)
  --json            print {"url"} as JSON

With --url (or --url-file F, TICKETZ_CONSOLE_URL; --password-prompt): puts the demo data into that
database instead (any PostgreSQL 13+): the bundled Ticketz schema first, then the data at
--scale N (1 = about 50,000 tickets; up to 100), unless it is already there.`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Start the built-in demo PostgreSQL and print its URL',
  usage,
  async run(argv) {
    const { values } = withUsage(usage, () =>
      parseArgs({
        args: argv,
        strict: true,
        options: {
          ...helpFlag,
          ...databaseUrlOptions,
          scale: { type: 'string' },
          'data-dir': { type: 'string' },
          port: { type: 'string' },
          json: { type: 'boolean' },
        },
      }),
    );
    if (values.help) {
      console.log(usage);
      return EXIT.ok;
    }
    const log = (line: string) => console.error(line);
    const database = await databaseUrlFrom(values, log);
    if (database) return seedDatabaseAt({ ...database, scale: parseScale(values.scale), json: values.json ?? false, log });
    if (values.scale !== undefined) throw new UsageError('--scale goes with --url: the built-in demo database has its own scale.');
    const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const demo = new DemoDatabase(dataDir, createKeyFileSecretBox(dataDir), { port: parsePort(values.port), onReady: demoBootstrap(log) });
    const endpoint = await demo.start();
    const url = `postgres://${endpoint.user}:${encodeURIComponent(endpoint.password)}@${endpoint.host}:${endpoint.port}/${endpoint.database}`;
    if (values.json) console.log(JSON.stringify({ url }));
    else console.log(`Demo database is running:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
    await untilSignal();
    await demo.stop();
    return EXIT.ok;
  },
};
