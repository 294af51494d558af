import type pg from 'pg';
import { describeDifference, diffCatalogSnapshots, takeCatalogSnapshot, type CatalogDifference } from './catalog-snapshot';
import { discoverMigrations } from './discover';
import { MigrationEngine, type EngineOptions } from './engine';
import { MigrationError } from './errors';
import { compareVersions } from './version';

export interface VerifiedMigration {
  version: string;
  name: string;
  /** ok; differs (down did not restore the catalog, or up after down built something else); skipped (no down script). */
  outcome: 'ok' | 'differs' | 'skipped';
  /** What down left different from the catalog before up. */
  afterDown: CatalogDifference[];
  /** What the second up built differently from the first. */
  afterReapply: CatalogDifference[];
  note?: string;
}

export interface VerifyReport {
  migrations: VerifiedMigration[];
  ok: boolean;
}

export type VerifyEvent = { type: 'verify-step'; version: string; name: string; phase: 'up' | 'down' | 're-up'; index: number; total: number };

/**
 * The reversibility check, on a scratch database the caller provides (it must be empty):
 * apply everything before the range, then for each migration in it: snapshot → up → snapshot →
 * down → compare with the snapshot before up → up again → compare with the first up.
 * A migration without a down script cannot be checked and counts as a failure.
 */
export async function verifyReversibility(
  scratch: pg.Pool,
  options: Omit<EngineOptions, 'pool'> & { from?: string; to?: string; onVerify?: (event: VerifyEvent) => void },
): Promise<VerifyReport> {
  const engine = new MigrationEngine({ ...options, pool: scratch });
  const { migrations: all } = discoverMigrations(options.dir);
  const versions = all.filter((m) => !m.repeatable);
  const inRange = versions.filter(
    (m) => (options.from === undefined || compareVersions(m.version, options.from) >= 0) && (options.to === undefined || compareVersions(m.version, options.to) <= 0),
  );
  const first = inRange[0];
  const before = first ? versions.filter((m) => compareVersions(m.version, first.version) < 0).at(-1) : undefined;
  if (before) await engine.up({ to: before.version });

  const snapshot = async () => {
    const client = await scratch.connect();
    try {
      return await takeCatalogSnapshot(client);
    } finally {
      client.release();
    }
  };

  const results: VerifiedMigration[] = [];
  for (const [index, m] of inRange.entries()) {
    const event = (phase: VerifyEvent['phase']) => options.onVerify?.({ type: 'verify-step', version: m.version, name: m.name, phase, index, total: inRange.length });
    const base = { version: m.version, name: m.name };
    event('up');
    const beforeUp = await snapshot();
    await engine.up({ to: m.version });
    if (!m.down) {
      results.push({ ...base, outcome: 'skipped', afterDown: [], afterReapply: [], note: 'no rollback script: cannot be verified (and cannot be rolled back)' });
      continue;
    }
    const afterUp = await snapshot();
    event('down');
    await engine.down({ steps: 1 });
    const afterDown = diffCatalogSnapshots(beforeUp, await snapshot());
    event('re-up');
    const reapplied = await engine.up({ to: m.version }).catch((err: unknown) => {
      if (!(err instanceof MigrationError)) throw err;
      return err;
    });
    if (reapplied instanceof MigrationError) {
      // Typically "already exists": down left something behind. The scratch database is now off
      // the path, so later migrations are not checked.
      const note = `applying it again after its rollback failed: ${reapplied.message.split('\n')[0]}`;
      results.push({ ...base, outcome: 'differs', afterDown, afterReapply: [], note });
      break;
    }
    const afterReapply = diffCatalogSnapshots(afterUp, await snapshot());
    results.push({ ...base, outcome: afterDown.length === 0 && afterReapply.length === 0 ? 'ok' : 'differs', afterDown, afterReapply });
  }
  return { migrations: results, ok: results.every((r) => r.outcome === 'ok') };
}

/** The report as lines a person reads: one per migration, then its differences indented. */
export function formatVerifyReport(report: VerifyReport): string[] {
  const lines: string[] = [];
  for (const r of report.migrations) {
    const mark = r.outcome === 'ok' ? 'ok     ' : r.outcome === 'skipped' ? 'skipped' : 'DIFFERS';
    lines.push(`${mark}  ${r.version}  ${r.name}${r.note ? `  (${r.note})` : ''}`);
    for (const d of r.afterDown) lines.push(`           after down: ${describeDifference(d)}`);
    for (const d of r.afterReapply) lines.push(`           after up again: ${describeDifference(d)}`);
  }
  return lines;
}
