import type pg from 'pg';
import type { StatementLockInfo } from '../../shared/contract/migration-locks';
import type { MigrationPlan } from '../../shared/contract/migrations';
import { formatBytes } from '../../shared/domain/format';
import { discoverMigrations } from '../core/migrations/discover';
import { analyzeLocks } from '../core/migrations/locks/analyze-locks';
import { versionKey } from '../core/migrations/version';
import { table } from './migrate-output';

/** One statement of a planned step with the locks it takes, as the workbench's lock panel shows them. */
export interface PlannedStatementLocks {
  /** 1-based line in the file. */
  line: number;
  summary: string;
  nonTransactional: string | null;
  locks: Array<{
    relation: string;
    lock: StatementLockInfo['locks'][number]['lock'];
    viaIndex: string | null;
    blocksReads: boolean;
    blocksWrites: boolean;
    existsNow: boolean;
    createdInScript: boolean;
    rowEstimate: number | null;
    totalBytes: string | null;
    reason: string;
  }>;
  notes: string[];
}

export type PlanWithLocks = Omit<MigrationPlan, 'steps'> & {
  steps: Array<MigrationPlan['steps'][number] & { locks: PlannedStatementLocks[] }>;
};

const summary = (text: string) => {
  const first = text.split('\n', 1)[0] ?? '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
};

/** The plan with, per step and statement, the locks it takes and the current size of each locked table. */
export async function planWithLocks(pool: pg.Pool, dir: string, plan: MigrationPlan): Promise<PlanWithLocks> {
  const byKey = new Map(discoverMigrations(dir).migrations.map((m) => [m.key, m]));
  const client = await pool.connect();
  try {
    const steps = [];
    for (const step of plan.steps) {
      const migration = byKey.get(versionKey(step.version));
      const script = step.direction === 'up' ? migration?.up : migration?.down;
      const statements = script ? await analyzeLocks(client, script.sql) : [];
      steps.push({
        ...step,
        locks: statements.map((s) => ({
          line: s.line + (script?.firstLine ?? 1) - 1,
          summary: summary(s.text),
          nonTransactional: s.nonTransactional,
          notes: s.notes,
          locks: s.locks.map((l) => ({
            relation: l.schema ? `${l.schema}.${l.name}` : l.name,
            lock: l.lock,
            viaIndex: l.viaIndex,
            blocksReads: l.blocksReads,
            blocksWrites: l.blocksWrites,
            existsNow: l.existsNow,
            createdInScript: l.createdInScript,
            rowEstimate: l.rowEstimate,
            totalBytes: l.totalBytes,
            reason: l.reason,
          })),
        })),
      });
    }
    return { ...plan, steps };
  } finally {
    client.release();
  }
}

function blocks(l: PlannedStatementLocks['locks'][number]): string {
  if (l.createdInScript) return 'new table';
  return l.blocksReads ? 'reads, writes' : l.blocksWrites ? 'writes' : '-';
}

/** A table per plan: file:line, statement, relation, lock mode, what it blocks, rows and size now. */
export function formatPlanLocks(plan: PlanWithLocks): string[] {
  const rows: string[][] = [];
  for (const step of plan.steps)
    for (const s of step.locks) {
      if (s.locks.length === 0)
        rows.push([
          `${step.file}:${s.line}`,
          s.summary,
          '',
          s.notes.length > 0 ? `(${s.notes.join('; ')})` : '(no table lock)',
          '',
          '',
          '',
        ]);
      for (const l of s.locks)
        rows.push([
          `${step.file}:${s.line}`,
          s.summary,
          l.viaIndex ? `${l.relation} (index ${l.viaIndex})` : l.relation,
          l.lock,
          blocks(l),
          l.existsNow && l.rowEstimate !== null ? String(Math.round(l.rowEstimate)) : l.existsNow ? '?' : 'not yet',
          l.existsNow && l.totalBytes !== null ? formatBytes(l.totalBytes) : '',
        ]);
    }
  if (rows.length === 0) return [];
  return [
    '',
    'Locks, per statement (sizes as of now):',
    ...table(['Where', 'Statement', 'Relation', 'Lock', 'Blocks', 'Rows', 'Size'], rows).map((l) => `  ${l}`),
  ];
}
