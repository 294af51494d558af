import path from 'node:path';
import { parseConnectionUrl } from '../shared/domain/connection-url';
import { packageRoot, packageVersion } from './cli/common';
import { createCore, type Core } from './core/create-core';
import { startHttpHost, type HttpHost } from './core/http/server';
import { demoBootstrap } from './core/demo-bootstrap';

export interface ServeOptions {
  dataDir: string;
  demo: boolean;
  url?: string;
  /** The database password when it does not ride in the URL (--password-prompt). */
  password?: string;
  port?: number;
  token?: string;
  /** Sessions per connection pool (default 5); a gate with many scanners wants more. */
  poolSize?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  core: Core;
  http: HttpHost;
  stop(): Promise<void>;
}

/**
 * Browser mode: the same core as the desktop app behind a loopback HTTP server. The demo
 * database starts when asked for, or when no connection is configured. With `--url` and no
 * `--demo` there is no demo at all: nothing creates its cluster, and the URL's profile is the
 * only one offered first.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const core = createCore({
    dataDir: options.dataDir,
    host: 'browser',
    version: packageVersion(),
    demo: { enabled: options.demo || options.url === undefined, onReady: demoBootstrap(log) },
    poolSize: options.poolSize,
    onError: (method, err) => {
      // Postgres errors (with a code) and refused input (ZodError: the caller's mistake, already
      // answered as BAD_REQUEST) are the user's to read; only unexpected failures get a stack here.
      if (!(err instanceof Error) || !('code' in err || err.name === 'ZodError'))
        log(`[${method}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    },
  });
  if (options.url) saveUrlProfile(core, options.url, options.password);
  let http: HttpHost;
  try {
    http = await startHttpHost({
      dispatch: core.dispatch,
      events: core.events,
      port: options.port,
      token: options.token,
      staticDir: path.join(packageRoot, 'dist', 'renderer'),
      downloads: core.deps.downloads,
      pages: core.deps.pages,
    });
  } catch (err) {
    await core.dispose();
    throw listenError(err, options.port);
  }
  // The page is reachable at once; a first start of the demo (migrations and seed, up to a
  // minute) shows its progress there (demo.progress) instead of holding the URL back.
  const wantDemo = options.demo || core.deps.profiles.list().length === 0;
  if (wantDemo)
    void core.deps.demo
      ?.start()
      .catch((err: unknown) => log(`Demo database failed to start: ${err instanceof Error ? err.message : String(err)}`));
  return {
    core,
    http,
    async stop() {
      await http.close();
      await core.dispose();
    },
  };
}

/** A port that is taken or not ours to bind says so, and what to do instead. */
function listenError(err: unknown, port: number | undefined): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new Error(
      `Port ${String(port)} on 127.0.0.1 is already in use by another program. Choose another with --port N, or leave --port out to get a free one.`,
    );
  if (code === 'EACCES')
    return new Error(
      `Port ${String(port)} needs administrator rights on this system. Choose a port above 1023 with --port N, or leave --port out.`,
    );
  return err instanceof Error ? err : new Error(String(err));
}

/** `--url`: that database becomes a saved connection (once; the same target is not duplicated). */
function saveUrlProfile(core: Core, url: string, given: string | undefined): void {
  const { fields, password: inUrl } = parseConnectionUrl(url);
  const password = given ?? inUrl ?? process.env.PGPASSWORD;
  const existing = core.deps.profiles
    .list()
    .find((p) => p.host === fields.host && p.port === fields.port && p.database === fields.database && p.user === fields.user);
  core.deps.profiles.save(existing?.id, fields, password ?? null);
}
