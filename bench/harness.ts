import { quoteIdent } from '../shared/domain/quote-ident';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { BenchServer } from './server';

import os from 'node:os';

/**
 * A small benchmark harness: scenarios register here, each measured n times against a
 * reference run in the same run on the same server (a connected psql, pgbench, the relay), and
 * reported as one table. Iterations alternate between the measured and the reference run so slow
 * drift of the machine (other people's work on a shared one) hits both alike; the load average
 * at the start and end of each scenario is printed with it.
 */

export interface BenchDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export interface BenchContext {
  server: BenchServer;
  scale: number;
  /** A fresh database (optionally a copy of a template database). */
  createDatabase(prefix: string, template?: string): Promise<BenchDatabase>;
  log(line: string): void;
}

export interface Scenario {
  name: string;
  description: string;
  /** What one sample is, when it is not the wall-clock ms of one run (e.g. "p99 of a 5 s window"). */
  sample?: string;
  /** Iterations at this scale. */
  iterations(scale: number): number;
  /** Whether it runs at this scale (e.g. only when asked for a big one). */
  runsAt?(scale: number): boolean;
  /** Once before the iterations: build what every iteration starts from (templates, files). */
  setup?(ctx: BenchContext): Promise<void>;
  /** One measured run; resolves with its duration in ms (so per-iteration preparation is not timed). */
  run(ctx: BenchContext): Promise<number>;
  /** The same work done by the reference tool; its duration in ms. */
  reference?: { label: string; sample?: string; run(ctx: BenchContext): Promise<number> };
  teardown?(ctx: BenchContext): Promise<void>;
}

export interface ScenarioResult {
  scenario: string;
  n: number;
  /** What one sample is ("ms per run" unless the scenario says otherwise). */
  sample: string;
  median: number;
  p99: number;
  referenceLabel: string | null;
  referenceSample: string | null;
  referenceMedian: number | null;
  /** 1-minute load average when the scenario started and ended. */
  load: [number, number];
}

export const DEFAULT_SAMPLE = 'ms per run';

const registry: Scenario[] = [];

export function registerScenario(scenario: Scenario): void {
  if (registry.some((s) => s.name === scenario.name)) throw new Error(`Two benchmark scenarios are named ${scenario.name}.`);
  registry.push(scenario);
}

export function scenarios(): readonly Scenario[] {
  return registry;
}

/** Median of a sample (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The 99th percentile by the nearest-rank method (with few samples: the maximum). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Wall-clock duration of `work` in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function runScenario(scenario: Scenario, ctx: BenchContext): Promise<ScenarioResult> {
  const n = scenario.iterations(ctx.scale);
  const measured: number[] = [];
  const reference: number[] = [];
  await scenario.setup?.(ctx);
  const loadBefore = os.loadavg()[0]!;
  try {
    for (let i = 0; i < n; i++) {
      measured.push(await scenario.run(ctx));
      if (scenario.reference) reference.push(await scenario.reference.run(ctx));
      ctx.log(
        `  ${scenario.name} ${i + 1}/${n}: ${formatMs(measured.at(-1)!)}${scenario.reference ? ` (reference ${formatMs(reference.at(-1)!)})` : ''}`,
      );
    }
  } finally {
    await scenario.teardown?.(ctx);
  }
  const loadAfter = os.loadavg()[0]!;
  return {
    scenario: scenario.name,
    n,
    sample: scenario.sample ?? DEFAULT_SAMPLE,
    median: median(measured),
    p99: percentile(measured, 99),
    referenceLabel: scenario.reference?.label ?? null,
    referenceSample: scenario.reference ? (scenario.reference.sample ?? DEFAULT_SAMPLE) : null,
    referenceMedian: scenario.reference ? median(reference) : null,
    load: [loadBefore, loadAfter],
  };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * The one table the run prints (Markdown, so it pastes into RESULTS.md as is). The headers say
 * what each number is: the median and the p99 are OF THE SAMPLES, and a sample is what the
 * "sample" column says (a window's p99 is not a latency median).
 */
export function formatResults(results: ScenarioResult[]): string {
  const header = [
    'scenario',
    'n',
    'sample',
    'median of samples',
    'p99 of samples',
    'reference (same run)',
    'reference sample',
    'reference median',
    'ratio of medians',
    'load 1 min (start→end)',
  ];
  const rows = results.map((r) => [
    r.scenario,
    String(r.n),
    r.sample,
    formatMs(r.median),
    formatMs(r.p99),
    r.referenceLabel ?? '-',
    r.referenceSample ?? '-',
    r.referenceMedian === null ? '-' : formatMs(r.referenceMedian),
    r.referenceMedian ? `${(r.median / r.referenceMedian).toFixed(2)}×` : '-',
    `${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Creates databases on the bench server, dropped by the caller (or at the end of the run). */
export function databaseFactory(server: BenchServer): BenchContext['createDatabase'] {
  return async (prefix, template) => {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
    } finally {
      await admin.end();
    }
    const url = server.urlFor(name);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined);
    return {
      name,
      url,
      pool,
      async drop() {
        await pool.end().catch(() => undefined); // already ended when it served as a template
        const c = new pg.Client({ connectionString: server.adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).finally(() => c.end());
      },
    };
  };
}
