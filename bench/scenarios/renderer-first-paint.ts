import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { registerScenario, type BenchContext, type BenchDatabase } from '../harness';
import { startServeProcess, type ServeProcess } from '../ops/serve-process';

/**
 * Browser mode's first load, measured in Chromium the way a user meets it: `serve --url` from dist/
 * already running (warm: it has served and compressed the renderer once), each load in a fresh
 * browser context (cold browser cache). First contentful paint comes from the Paint Timing API;
 * "interactive" is when the status bar says Connected (the shell is drawn and answered its first
 * calls); the JS parsed before first paint is every script fetched before that paint
 * (Resource Timing's decoded size), logged per load. Goal: first contentful paint under 400 ms.
 */
interface LoadMeasure {
  fcp: number;
  interactive: number;
  scriptBytesBeforePaint: number;
  scripts: number;
}

interface PageState {
  db: BenchDatabase;
  serve: ServeProcess;
  browser: Browser;
  url: string;
}
let state: Promise<PageState> | undefined;

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function pageState(ctx: BenchContext): Promise<PageState> {
  state ??= (async () => {
    const db = await ctx.createDatabase('renderer');
    const serve = await startServeProcess(db.url, 2);
    const browser = await chromium.launch({
      ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const url = `${serve.origin}/#token=${serve.token}`;
    await load({ db, serve, browser, url }); // warms the server: compressed copies made, files in the OS cache
    return { db, serve, browser, url };
  })();
  return state;
}

async function load(s: PageState): Promise<LoadMeasure> {
  const context = await s.browser.newContext({ viewport: { width: 1400, height: 860 } });
  try {
    const page = await context.newPage();
    // Past the first-run role picker, as a returning user.
    await page.addInitScript(() => {
      if (!localStorage.getItem('ticketz-console.role'))
        localStorage.setItem('ticketz-console.role', JSON.stringify({ state: { role: 'dba' }, version: 0 }));
    });
    await page.goto(s.url);
    await page.getByTestId('status-connection').waitFor({ timeout: 60_000 });
    const interactive = await page.evaluate(() => performance.now());
    return await page.evaluate((interactiveAt) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (r) => r.name.endsWith('.js') && r.responseEnd <= fcp,
      );
      return {
        fcp,
        interactive: interactiveAt,
        scriptBytesBeforePaint: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
        scripts: scripts.length,
      };
    }, interactive);
  } finally {
    await context.close();
  }
}

/** Each scenario closes what it used, so `--only` either one leaves no browser or server behind. */
async function closeState(): Promise<void> {
  const s = await state;
  state = undefined;
  if (!s) return;
  await s.browser.close();
  await s.serve.stop();
  await s.db.drop();
}

let last: LoadMeasure | undefined;

registerScenario({
  name: 'renderer first contentful paint (browser mode, warm server)',
  description: 'Chromium loads the console from `serve`: first contentful paint; logs the JS parsed before it. Goal < 400 ms.',
  iterations: () => 15,
  setup: async (ctx) => void (await pageState(ctx)),
  async run(ctx) {
    last = await load(await pageState(ctx));
    ctx.log(`    JS before first paint: ${(last.scriptBytesBeforePaint / 1024).toFixed(0)} kB in ${last.scripts} files`);
    return last.fcp;
  },
  teardown: closeState,
});

registerScenario({
  name: 'renderer time to interactive (browser mode, warm server)',
  description: 'Chromium loads the console from `serve` until the status bar says Connected.',
  iterations: () => 15,
  setup: async (ctx) => void (await pageState(ctx)),
  run: async (ctx) => (await load(await pageState(ctx))).interactive,
  teardown: closeState,
});
