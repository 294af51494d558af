import type pg from 'pg';
import type { VerifyAspect } from '../../../shared/contract/migration-workbench';
import { describeDifference, diffCatalogSnapshots, takeCatalogSnapshot, type CatalogDifference, type CatalogSnapshot } from './catalog-snapshot';
import { discoverMigrations } from './discover';
import { MigrationEngine, type EngineOptions } from './engine';
import { MigrationError } from './errors';
import { createRunnerTables } from './runner-tables';
import { relaxDifferences, type IgnoredBecause } from './verify-relaxations';
import { compareVersions } from './version';

export interface VerifiedMigration {
  version: string;
  name: string;
  /** ok; differs (down did not restore the catalog, or up after down built something else); skipped (no down script); failed (a statement failed). */
  outcome: 'ok' | 'differs' | 'skipped' | 'failed';
  /** What down left different from the catalog before up. */
  afterDown: CatalogDifference[];
  /** What the second up built differently from the first. */
  afterReapply: CatalogDifference[];
  /** Differences the relaxations left out. */
  ignored: number;
  note?: string;
}

export interface VerifyStop {
  version: string | null;
  name: string | null;
  phase: 'before' | 'up' | 'down' | 're-up';
  /** The MigrationError kind: sql, lock_timeout … */
  kind: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  statement: string | null;
}

export interface VerifyReport {
  migrations: VerifiedMigration[];
  ok: boolean;
  summary: { checked: number; ok: number; differs: number; skipped: number; failed: number; notReached: number };
  stopped: VerifyStop | null;
  ignored: { aspects: VerifyAspect[]; exclude: string[]; differences: Array<{ because: string; count: number }> };
  runnerTables: Array<{ runner: string; table: string }>;
}

export type VerifyEvent = { type: 'verify-step'; version: string; name: string; phase: 'up' | 'down' | 're-up'; index: number; total: number };

export type VerifyOptions = Omit<EngineOptions, 'pool'> & {
  from?: string;
  to?: string;
  ignore?: VerifyAspect[];
  exclude?: string[];
  onVerify?: (event: VerifyEvent) => void;
};

function stopOf(err: MigrationError, phase: VerifyStop['phase'], m: { version: string; name: string } | undefined): VerifyStop {
  const position = err.details.position;
  return {
    version: m?.version ?? err.details.version ?? null,
    name: m?.name ?? null,
    phase,
    kind: err.kind,
    message: err.message,
    file: position?.file ?? null,
    line: position?.line ?? null,
    column: position?.column ?? null,
    statement: err.details.statement ?? null,
  };
}

/**
 * The reversibility check, on a scratch database the caller provides (it must be empty): make the
 * history tables the format's own runner has, apply everything before the range, then for each
 * migration in it: snapshot → up → snapshot → down → compare with the snapshot before up → up
 * again → compare with the first up. A migration without a down script is applied and `skipped`.
 * A failing statement stops the check; the report keeps the results so far and says where.
 */
export async function verifyReversibility(scratch: pg.Pool, options: VerifyOptions): Promise<VerifyReport> {
  const engine = new MigrationEngine({ ...options, pool: scratch });
  const { migrations: all } = discoverMigrations(options.dir);
  const versions = all.filter((m) => !m.repeatable);
  const inRange = versions.filter(
    (m) => (options.from === undefined || compareVersions(m.version, options.from) >= 0) && (options.to === undefined || compareVersions(m.version, options.to) <= 0),
  );
  const relax = { ignore: options.ignore ?? [], exclude: options.exclude ?? [] };
  const ignoredCounts = new Map<IgnoredBecause, number>();
  const compare = (before: CatalogSnapshot, after: CatalogSnapshot) => {
    const { kept, ignored } = relaxDifferences(diffCatalogSnapshots(before, after), [before, after], relax);
    for (const { because } of ignored) ignoredCounts.set(because, (ignoredCounts.get(because) ?? 0) + 1);
    return { kept, ignored: ignored.length };
  };
  const snapshot = async () => {
    const client = await scratch.connect();
    try {
      return await takeCatalogSnapshot(client);
    } finally {
      client.release();
    }
  };

  const runnerTables = (await createRunnerTables(scratch, versions.map((m) => m.format))).map(({ runner, table }) => ({ runner, table }));
  const results: VerifiedMigration[] = [];
  let stopped: VerifyStop | null = null;
  const first = inRange[0];
  const before = first ? versions.filter((m) => compareVersions(m.version, first.version) < 0).at(-1) : undefined;
  if (before)
    await engine.up({ to: before.version }).catch((err: unknown) => {
      if (!(err instanceof MigrationError)) throw err;
      stopped = stopOf(err, 'before', undefined);
    });

  for (const [index, m] of stopped ? [] : inRange.entries()) {
    const event = (phase: VerifyEvent['phase']) => options.onVerify?.({ type: 'verify-step', version: m.version, name: m.name, phase, index, total: inRange.length });
    const base = { version: m.version, name: m.name };
    let phase: VerifyStop['phase'] = 'up';
    try {
      event('up');
      const beforeUp = await snapshot();
      await engine.up({ to: m.version });
      if (!m.down) {
        results.push({ ...base, outcome: 'skipped', afterDown: [], afterReapply: [], ignored: 0, note: 'no down script: applied, not checked' });
        continue;
      }
      const afterUp = await snapshot();
      event((phase = 'down'));
      await engine.down({ steps: 1 });
      const afterDown = compare(beforeUp, await snapshot());
      event((phase = 're-up'));
      const reapplied = await engine.up({ to: m.version }).catch((err: unknown) => {
        if (!(err instanceof MigrationError)) throw err;
        return err;
      });
      if (reapplied instanceof MigrationError) {
        // Typically "already exists": down left something behind. The scratch database is now off
        // the path, so later migrations are not checked.
        const note = `applying it again after its rollback failed: ${reapplied.message.split('\n')[0]}`;
        results.push({ ...base, outcome: 'differs', afterDown: afterDown.kept, afterReapply: [], ignored: afterDown.ignored, note });
        stopped = stopOf(reapplied, 're-up', m);
        break;
      }
      const afterReapply = compare(afterUp, await snapshot());
      const clean = afterDown.kept.length === 0 && afterReapply.kept.length === 0;
      results.push({ ...base, outcome: clean ? 'ok' : 'differs', afterDown: afterDown.kept, afterReapply: afterReapply.kept, ignored: afterDown.ignored + afterReapply.ignored });
    } catch (err) {
      if (!(err instanceof MigrationError)) throw err;
      stopped = stopOf(err, phase, m);
      results.push({ ...base, outcome: 'failed', afterDown: [], afterReapply: [], ignored: 0, note: `${phase === 'down' ? 'its down script' : 'its up script'} failed: ${err.message.split('\n')[0]}` });
      break;
    }
  }
  const count = (outcome: VerifiedMigration['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const summary = {
    checked: results.length - count('skipped'),
    ok: count('ok'),
    differs: count('differs'),
    skipped: count('skipped'),
    failed: count('failed'),
    notReached: inRange.length - results.length,
  };
  return {
    migrations: results,
    ok: stopped === null && summary.differs === 0 && summary.failed === 0,
    summary,
    stopped,
    ignored: { aspects: [...relax.ignore], exclude: [...relax.exclude], differences: [...ignoredCounts].map(([because, n]) => ({ because, count: n })) },
    runnerTables,
  };
}

/** The report as lines a person reads: one per migration, its differences indented, then where it stopped and a summary. */
export function formatVerifyReport(report: VerifyReport): string[] {
  const lines: string[] = [];
  if (report.runnerTables.length > 0)
    lines.push(`Runner tables made first in the scratch database: ${report.runnerTables.map((t) => `${t.table} (${t.runner})`).join(', ')}.`, '');
  for (const r of report.migrations) {
    const mark = { ok: 'ok     ', skipped: 'skipped', differs: 'DIFFERS', failed: 'FAILED ' }[r.outcome];
    lines.push(`${mark}  ${r.version}  ${r.name}${r.note ? `  (${r.note})` : ''}`);
    for (const d of r.afterDown) lines.push(`           after down: ${describeDifference(d)}`);
    for (const d of r.afterReapply) lines.push(`           after up again: ${describeDifference(d)}`);
  }
  const s = report.stopped;
  if (s) {
    const where = s.file ? ` at ${s.file}:${s.line}:${s.column}` : '';
    lines.push('', `The check stopped${s.version ? ` at ${s.version}${s.name ? ` ${s.name}` : ''} (${s.phase === 're-up' ? 'up again' : s.phase})` : ' applying the migrations before the range'}${where}:`);
    lines.push(...s.message.split('\n').map((l) => `  ${l}`));
    if (s.statement) lines.push('  The statement:', ...s.statement.split('\n').map((l) => `    ${l}`));
  }
  const { aspects, exclude, differences } = report.ignored;
  if (aspects.length > 0 || exclude.length > 0) {
    const hidden = differences.length === 0 ? 'no difference was hidden' : differences.map((d) => `${d.count} by ${d.because}`).join(', ');
    lines.push('', `Ignored: ${[...aspects, ...exclude.map((p) => `exclude ${p}`)].join(', ')} (${hidden}).`);
  }
  const n = report.summary;
  lines.push(
    '',
    `${n.checked} checked: ${n.ok} ok, ${n.differs} differ${n.failed ? `, ${n.failed} failed` : ''}; ${n.skipped} skipped (no down script)${n.notReached ? `; ${n.notReached} not reached` : ''}.`,
  );
  return lines;
}
