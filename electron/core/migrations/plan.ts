import type { Blocker, MigrationPlan, PlanStep } from '../../../shared/contract/migrations';
import type { ScriptAnalysis } from './analyze';
import { describeProgress } from './progress';
import type { MigrationState } from './status';
import type { DiscoveredMigration, MigrationScript } from './types';
import { compareVersions, versionKey } from './version';

/** One migration to run in one direction, with everything needed to run it. */
export interface PlannedStep {
  direction: 'up' | 'down';
  state: MigrationState;
  migration: DiscoveredMigration;
  script: MigrationScript;
  analysis: ScriptAnalysis;
  /** Resuming a partly applied migration: the first statement to run (1-based). */
  resumeFrom?: number;
}

export interface EnginePlan {
  direction: 'up' | 'down';
  steps: PlannedStep[];
  blockers: Blocker[];
}

/** `--to 0`: before the first migration, whatever the versions look like. */
export const TARGET_NOTHING = '0';

/**
 * What `up` runs: pending migrations in version order, up to and including `to`. Drift and
 * out-of-order migrations stop it (a changed or skipped file means the database and the
 * folder disagree, which a person should decide about), as do scripts that cannot run.
 */
export function planUp(states: MigrationState[], options: { to?: string; allowOutOfOrder?: boolean; resume?: boolean } = {}): EnginePlan {
  const blockers: Blocker[] = [];
  const { to } = options;
  if (to !== undefined && to !== TARGET_NOTHING && !states.some((s) => s.file && !s.file.repeatable && s.key === versionKey(to)))
    blockers.push({ code: 'unknown_target', message: `There is no migration with version ${to} in the folder.` });

  for (const s of states) {
    if (s.status === 'drift')
      blockers.push({
        code: 'drift',
        version: s.version,
        message: `${s.file!.up.file} changed since it was applied (checksum differs). Restore the applied version of the file, or roll it back and apply it again.`,
      });
  }
  const newestApplied = states.filter((s) => s.history || s.flyway).at(-1)?.version;
  const steps: PlannedStep[] = [];
  for (const s of states) {
    if (s.status === 'partly_applied' && s.progress) {
      if (to !== undefined && (to === TARGET_NOTHING || compareVersions(s.version, to) > 0)) continue;
      const p = s.progress;
      const from = p.running ?? p.completed + 1;
      if (s.file && s.file.up.checksum !== p.checksum)
        blockers.push({ code: 'partly_applied', version: s.version, message: `${s.file.up.file} changed since it was partly applied (${describeProgress(p)}). Restore that version of the file, or repair the database by hand and mark it repaired (migrate repair ${s.version}).` });
      else if (!options.resume)
        blockers.push({
          code: 'partly_applied',
          version: s.version,
          message: `${s.version} (${s.name}) is partly applied: ${describeProgress(p)}. Running it again from the start would repeat what committed. Resume from statement ${from} (migrate resume), or fix the database by hand and mark it repaired (migrate repair ${s.version}).`,
        });
      else steps.push({ direction: 'up', state: s, migration: s.file!, script: s.file!.up, analysis: s.up!, resumeFrom: from });
      continue;
    }
    if (s.status !== 'pending' && s.status !== 'out_of_order') continue;
    if (to !== undefined && (to === TARGET_NOTHING || compareVersions(s.version, to) > 0)) continue;
    if (s.status === 'out_of_order' && !options.allowOutOfOrder) {
      blockers.push({
        code: 'out_of_order',
        version: s.version,
        message: `${s.file!.up.file} is pending but older than the newest applied migration (${newestApplied}). Apply it anyway with --allow-out-of-order, or give it a newer version.`,
      });
      continue;
    }
    const analysis = s.up!;
    if (analysis.problem) blockers.push({ code: analysis.problem.code, version: s.version, message: analysis.problem.message });
    steps.push({ direction: 'up', state: s, migration: s.file!, script: s.file!.up, analysis });
  }
  return { direction: 'up', steps, blockers };
}

/**
 * What `down` runs: applied migrations newest first, `steps` of them (default 1) or all above
 * `to` (`0` = all). Each needs its file and a down script; Flyway's rows are Flyway's to undo.
 */
export function planDown(states: MigrationState[], options: { to?: string; steps?: number } = {}): EnginePlan {
  const blockers: Blocker[] = [];
  const applied = states.filter((s) => s.history || s.flyway).sort((a, b) => compareVersions(b.version, a.version));
  let chosen: MigrationState[];
  if (options.to !== undefined) {
    const to = options.to;
    if (to !== TARGET_NOTHING && !applied.some((s) => s.key === versionKey(to)))
      blockers.push({ code: 'unknown_target', message: `Version ${to} is not applied, so there is nothing to roll back to. Use a version from status, or 0 for all.` });
    chosen = to === TARGET_NOTHING ? applied : applied.filter((s) => compareVersions(s.version, to) > 0);
  } else chosen = applied.slice(0, options.steps ?? 1);

  const steps: PlannedStep[] = [];
  for (const s of chosen) {
    if (s.flyway) {
      blockers.push({ code: 'applied_by_flyway', version: s.version, message: `${s.version} was applied by Flyway; undo it with Flyway so its history stays right.` });
      continue;
    }
    if (!s.file) {
      blockers.push({ code: 'missing_file', version: s.version, message: `${s.version} (${s.name}) is applied but its file is not in the folder, so it cannot be rolled back.` });
      continue;
    }
    if (!s.file.down || !s.down) {
      blockers.push({ code: 'missing_down', version: s.version, message: `${s.file.up.file} has no rollback script, so it cannot be rolled back.` });
      continue;
    }
    if (s.down.problem) blockers.push({ code: s.down.problem.code, version: s.version, message: s.down.problem.message });
    steps.push({ direction: 'down', state: s, migration: s.file, script: s.file.down, analysis: s.down });
  }
  return { direction: 'down', steps, blockers };
}

export function toPlanStep(step: PlannedStep): PlanStep {
  return {
    direction: step.direction,
    version: step.state.version,
    name: step.state.name,
    file: step.script.file,
    statements: step.analysis.statements.length,
    transactional: step.analysis.segments.every((s) => s.transactional),
    nonTransactional: step.analysis.nonTransactional,
  };
}

export function toContractPlan(plan: EnginePlan): MigrationPlan {
  return { direction: plan.direction, steps: plan.steps.map(toPlanStep), blockers: plan.blockers };
}
