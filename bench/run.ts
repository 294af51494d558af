import { parseArgs } from 'node:util';
import { databaseFactory, formatResults, runScenario, scenarios, type ScenarioResult } from './harness';
import { machineDescription } from './machine';
import { startBenchServer } from './server';
// Scenarios register themselves when imported: one line per scenario module, add yours here.
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
import './scenarios/renderer-first-paint';
import './scenarios/topology-gate';

const usage = `Usage: npm run bench [-- --scale N] [-- --only <name>[,<name>…]]

Starts an embedded PostgreSQL in a temp dir, runs the scenarios that apply at the scale (the
UI-facing ones over HTTP to a serve process), and prints one table: scenario, n, what a sample
is, median and p99 of the samples, the reference run in the same run (a connected psql, pgbench,
the relay), the ratio of medians and the load average. Run it with node --expose-gc (npm run bench
does) so memory figures start from a collected heap.
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
    const failed: string[] = [];
    for (const scenario of chosen) {
      log(`${scenario.name} (scale ${scale}) …`);
      try {
        const result = await runScenario(scenario, ctx);
        results.push({ ...result, scenario: `${result.scenario} (scale ${scale})` });
      } catch (err) {
        // one broken scenario must not throw away the others' figures
        log(`  FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        failed.push(scenario.name);
      }
    }
    console.log(`\n${machine}\n\n${formatResults(results)}`);
    if (failed.length) console.log(`\nFailed: ${failed.join('; ')}`);
    return failed.length ? 1 : 0;
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
