import type { MigrationFlag, MigrationRow, MigrationStatus } from '../../../shared/contract/migrations';
import { analyzeScript, type ScriptAnalysis } from './analyze';
import { flywayChecksum } from './flyway-checksum';
import type { DatabaseState } from './history';
import { describeProgress, type MigrationProgress } from './progress';
import type { DiscoveredMigration, Discovery, FlywayRow, HistoryRow } from './types';
import { compareVersions, versionKey } from './version';

/** One migration as the engine sees it: the file (if any), its history (if any), and how it would run. */
export interface MigrationState {
  key: string;
  version: string;
  name: string;
  status: MigrationStatus;
  file?: DiscoveredMigration;
  history?: HistoryRow;
  flyway?: FlywayRow;
  /** partly_applied: where the run stopped. */
  progress?: MigrationProgress;
  up?: ScriptAnalysis;
  down?: ScriptAnalysis;
}

export interface Analyses {
  up: Map<DiscoveredMigration, ScriptAnalysis>;
  down: Map<DiscoveredMigration, ScriptAnalysis>;
}

/** Parses every script once (the parser is fast; a folder of hundreds takes milliseconds). */
export async function analyzeAll(discovery: Discovery): Promise<Analyses> {
  const up = new Map<DiscoveredMigration, ScriptAnalysis>();
  const down = new Map<DiscoveredMigration, ScriptAnalysis>();
  for (const m of discovery.migrations) {
    if (m.repeatable) continue;
    up.set(m, await analyzeScript(m.up));
    if (m.down) down.set(m, await analyzeScript(m.down));
  }
  return { up, down };
}

/**
 * The versions Flyway considers applied: successful versioned rows in installed order, minus
 * those a later successful undo (U) or `repair` deletion took back.
 */
export function flywayApplied(rows: FlywayRow[]): Map<string, FlywayRow> {
  const applied = new Map<string, FlywayRow>();
  for (const row of [...rows].sort((a, b) => a.installedRank - b.installedRank)) {
    if (row.version === null || !row.success) continue;
    const key = versionKey(row.version);
    if (row.type === 'UNDO_SQL' || row.type === 'DELETE') applied.delete(key);
    else if (row.type !== 'SCHEMA') applied.set(key, row);
  }
  return applied;
}

/** Joins the folder with the history: each migration's status, sorted by version. */
export function computeStates(discovery: Discovery, state: DatabaseState, analyses: Analyses): MigrationState[] {
  const files = new Map(discovery.migrations.filter((m) => !m.repeatable).map((m) => [m.key, m]));
  const history = new Map(state.history.map((h) => [versionKey(h.version), h]));
  const flyway = flywayApplied(state.flyway);
  const progress = new Map(state.progress.map((p) => [versionKey(p.version), p]));
  const keys = [...new Set([...files.keys(), ...history.keys(), ...flyway.keys()])];

  let newestApplied: string | undefined;
  for (const key of [...history.keys(), ...flyway.keys()]) {
    const version = history.get(key)?.version ?? flyway.get(key)!.version!;
    if (newestApplied === undefined || compareVersions(version, newestApplied) > 0) newestApplied = version;
  }

  const states = keys.map((key): MigrationState => {
    const file = files.get(key);
    const h = history.get(key);
    const fw = h ? undefined : flyway.get(key);
    const version = file?.version ?? h?.version ?? fw!.version!;
    const name = file?.name ?? h?.name ?? fw!.description;
    let status: MigrationStatus;
    if (h) status = !file ? 'missing_file' : file.up.checksum === h.checksum ? 'applied' : 'drift';
    else if (fw) status = !file ? 'missing_file' : fw.checksum !== null && fw.checksum !== flywayChecksum(file.up.sql) ? 'drift' : 'applied';
    else if (progress.has(key)) status = 'partly_applied';
    else status = newestApplied !== undefined && compareVersions(version, newestApplied) < 0 ? 'out_of_order' : 'pending';
    const stopped = !h && !fw ? progress.get(key) : undefined;
    return {
      ...(stopped ? { progress: stopped } : {}),
      key,
      version,
      name,
      status,
      ...(file ? { file, up: analyses.up.get(file) } : {}),
      ...(file && analyses.down.get(file) ? { down: analyses.down.get(file) } : {}),
      ...(h ? { history: h } : {}),
      ...(fw ? { flyway: fw } : {}),
    };
  });
  states.sort((a, b) => compareVersions(a.version, b.version));
  const repeatables = discovery.migrations
    .filter((m) => m.repeatable)
    .map((m): MigrationState => ({ key: m.key, version: '', name: m.name, status: 'repeatable', file: m }));
  return [...states, ...repeatables];
}

function flagsOf(s: MigrationState): MigrationFlag[] {
  const flags: MigrationFlag[] = [];
  const file = s.file;
  if (s.status === 'repeatable') flags.push({ code: 'repeatable', message: 'Flyway repeatable migration: listed, not run by this engine' });
  else if (file && !file.down)
    flags.push({ code: 'no_down', message: file.format === 'plain' ? 'plain .sql file: no rollback script' : 'no rollback script' });
  if (s.flyway) flags.push({ code: 'applied_by_flyway', message: `applied by Flyway (${s.flyway.script})` });
  if (file && s.history?.downChecksum && file.down && file.down.checksum !== s.history.downChecksum)
    flags.push({ code: 'down_changed', message: 'the rollback script changed since this migration was applied' });
  for (const analysis of [s.up, s.down]) {
    if (analysis?.problem) flags.push({ code: analysis.problem.code, message: analysis.problem.message });
  }
  if (s.up && s.up.nonTransactional.length > 0)
    flags.push({ code: 'non_transactional', message: `runs outside a transaction: ${s.up.nonTransactional.map((n) => `line ${n.line}: ${n.reason}`).join('; ')}` });
  if (s.up?.strippedWrapper) flags.push({ code: 'transaction_control', message: "the script's own BEGIN/COMMIT are skipped: the engine runs it in its own transaction" });
  return flags;
}

export function toRow(s: MigrationState): MigrationRow {
  const h = s.history;
  const fw = s.flyway;
  return {
    version: s.version,
    name: s.name,
    status: s.status,
    hasDown: s.file?.down !== undefined,
    format: s.file?.format ?? null,
    upFile: s.file?.up.file ?? null,
    downFile: s.file?.down?.file ?? null,
    appliedAt: h ? h.appliedAt.toISOString() : fw ? fw.installedOn.toISOString() : null,
    appliedBy: h ? `${h.appliedRole} (${h.appliedOsUser})` : fw ? `flyway: ${fw.installedBy}` : null,
    durationMs: h ? h.durationMs : fw ? fw.executionTimeMs : null,
    checksum: s.file?.up.checksum ?? null,
    appliedChecksum: h?.checksum ?? null,
    flags: flagsOf(s),
    progress: s.progress
      ? {
          statements: s.progress.statements,
          completed: s.progress.completed,
          running: s.progress.running,
          startedAt: s.progress.startedAt.toISOString(),
          updatedAt: s.progress.updatedAt.toISOString(),
          lastError: s.progress.lastError,
          summary: describeProgress(s.progress),
        }
      : null,
  };
}
