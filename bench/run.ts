import { parseArgs } from 'node:util';
import { databaseFactory, formatResults, runScenario, scenarios, type ScenarioResult } from './harness';
import { machineDescription } from './machine';
import { startBenchServer } from './server';
// Scenarios register themselves; add new ones here.
import './scenarios/migrations-apply';
import './scenarios/migrations-corpora';
import './scenarios/demo-data';
import './scenarios/schema-catalog';
import './scenarios/schema-partitions';
import './scenarios/schema-stream';
import './scenarios/ops-gate';
import './scenarios/ops-reads';
import './scenarios/insights-catalog';
import './scenarios/insights-matview-refresh';

const usage = `Usage: npm run bench [-- --scale N] [-- --only <name>[,<name>…]]

Starts an embedded PostgreSQL in a temp dir, runs the scenarios that apply at the scale, and
prints one table: scenario, n, median, p99, reference (psql/pgbench, same run), ratio.
  --scale N     data scale (default 1; 20 runs the big demo-data generation)
  --only NAMES  only scenarios whose name contains one of these (comma-separated)
  --list        list the scenarios and exit`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { scale: { type: 'string' }, only: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const scale = Number(values.scale ?? '1');
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
    console.error(`--scale must be a whole number from 1 to 100, got "${values.scale}".\n\n${usage}`);
    return 2;
  }
  if (values.list) {
    for (const s of scenarios()) console.log(`${s.name}: ${s.description}`);
    return 0;
  }
  const only = values.only
    ?.split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const chosen = scenarios().filter((s) => (s.runsAt?.(scale) ?? true) && (!only || only.some((o) => s.name.toLowerCase().includes(o))));
  if (chosen.length === 0) {
    console.error(`No scenario runs at scale ${scale}${only ? ` matching ${values.only}` : ''}. Try --list.`);
    return 2;
  }

  const log = (line: string) => console.error(line);
  log('Starting an embedded PostgreSQL for the benchmarks …');
  const server = await startBenchServer(log);
  try {
    const machine = machineDescription(server.version);
    log(`Machine: ${machine}`);
    const ctx = { server, scale, createDatabase: databaseFactory(server), log };
    const results: ScenarioResult[] = [];
    for (const scenario of chosen) {
      log(`${scenario.name} (scale ${scale}) …`);
      const result = await runScenario(scenario, ctx);
      results.push({ ...result, scenario: `${result.scenario} (scale ${scale})` });
    }
    console.log(`\n${machine}\n\n${formatResults(results)}`);
    return 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
