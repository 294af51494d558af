import type pg from 'pg';
import progressSql from '../sql/maintenance/progress.sql?raw';
import type { Progress } from '../tasks/task-runner';

export interface ProgressRow {
  command: 'vacuum' | 'analyze' | 'create index' | 'cluster';
  phase: string;
  blocks_total: string | null;
  blocks_done: string | null;
  blocks_done2: string | null;
  tuples_total: string | null;
  tuples_done: string | null;
}

/**
 * Phases in order with the share of the run each usually takes (heap scans dominate), from the
 * phase tables of PG docs 27.4. Within a phase the measurable counter moves the bar; phases
 * without one count as done when the next begins.
 */
const PHASES: Record<ProgressRow['command'], [phase: string, weight: number, counter?: 'blocks' | 'blocks2' | 'tuples'][]> = {
  vacuum: [
    ['initializing', 0.01],
    ['scanning heap', 0.6, 'blocks'],
    ['vacuuming indexes', 0.15],
    ['vacuuming heap', 0.15, 'blocks2'],
    ['cleaning up indexes', 0.05],
    ['truncating heap', 0.02],
    ['performing final cleanup', 0.02],
  ],
  analyze: [
    ['initializing', 0.01],
    ['acquiring sample rows', 0.8, 'blocks'],
    ['acquiring inherited sample rows', 0.8, 'tuples'],
    ['computing statistics', 0.12],
    ['computing extended statistics', 0.05],
    ['finalizing analyze', 0.02],
  ],
  'create index': [
    ['initializing', 0.01],
    ['waiting for writers before build', 0.02],
    ['building index: scanning table', 0.45, 'blocks'],
    ['building index: sorting live tuples', 0.1],
    ['building index: loading tuples in tree', 0.15, 'tuples'],
    ['waiting for writers before validation', 0.02],
    ['index validation: scanning index', 0.08, 'blocks'],
    ['index validation: sorting tuples', 0.04],
    ['index validation: scanning table', 0.09, 'blocks'],
    ['waiting for old snapshots', 0.02],
    ['waiting for readers before marking dead', 0.01],
    ['waiting for readers before dropping', 0.01],
  ],
  cluster: [
    ['initializing', 0.01],
    ['seq scanning heap', 0.5, 'blocks'],
    ['index scanning heap', 0.5, 'tuples'],
    ['sorting tuples', 0.1],
    ['writing new heap', 0.2, 'tuples'],
    ['swapping relation files', 0.02],
    ['rebuilding index', 0.15],
    ['performing final cleanup', 0.02],
  ],
};

const ratio = (done: string | null, total: string | null) => {
  const t = Number(total ?? 0);
  return t > 0 ? Math.min(1, Number(done ?? 0) / t) : 0;
};

/** 0..1 for one command's run, and a line such as "scanning heap: 1,200 of 4,000 blocks". */
export function progressOf(row: ProgressRow): Progress {
  const phases = PHASES[row.command];
  const index = phases.findIndex(([name]) => name === row.phase);
  if (index < 0) return { fraction: null, detail: `${row.command}: ${row.phase}` };
  const total = phases.reduce((s, [, w]) => s + w, 0);
  const before = phases.slice(0, index).reduce((s, [, w]) => s + w, 0);
  const [, weight, counter] = phases[index]!;
  const within =
    counter === 'blocks'
      ? ratio(row.blocks_done, row.blocks_total)
      : counter === 'blocks2'
        ? ratio(row.blocks_done2, row.blocks_total)
        : counter === 'tuples'
          ? ratio(row.tuples_done, row.tuples_total)
          : 0;
  const counts =
    counter === 'blocks' || counter === 'blocks2'
      ? `: ${counter === 'blocks2' ? row.blocks_done2 : row.blocks_done} of ${row.blocks_total} blocks`
      : counter === 'tuples' && row.tuples_total
        ? `: ${row.tuples_done} of ${row.tuples_total}`
        : '';
  return { fraction: Math.min(1, (before + weight * within) / total), detail: `${row.phase}${counts}` };
}

/**
 * Progress of a task that runs several commands in sequence, e.g. VACUUM (ANALYZE) = vacuum then
 * analyze: each stage owns a slice of the bar.
 */
export function stagedProgressReader(stages: { command: ProgressRow['command']; share: number }[]) {
  return async (pool: pg.Pool, pid: number): Promise<Progress | undefined> => {
    const { rows } = await pool.query<ProgressRow>(progressSql, [pid]);
    const row = rows[0];
    if (!row) return undefined;
    const at = stages.findIndex((s) => s.command === row.command);
    const p = progressOf(row);
    if (at < 0 || p.fraction === null) return p;
    const before = stages.slice(0, at).reduce((s, x) => s + x.share, 0);
    return { fraction: before + stages[at]!.share * p.fraction, detail: stages.length > 1 ? `${row.command} — ${p.detail}` : p.detail };
  };
}
