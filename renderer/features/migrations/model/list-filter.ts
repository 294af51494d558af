import type { MigrationRow } from '../../../../shared/contract/migrations';

/** What the list shows as a row's state: the engine status, or "no rollback script" for a pending/applied one without down. */
export type ListStatus = MigrationRow['status'] | 'no_down';

export const statusLabels: Record<ListStatus, string> = {
  applied: 'applied',
  partly_applied: 'partly applied',
  pending: 'pending',
  drift: 'drift',
  missing_file: 'missing file',
  out_of_order: 'out of order',
  repeatable: 'repeatable',
  no_down: 'no rollback script',
};

/** The row's states: its status, plus no_down when it has no rollback script (and is not repeatable). */
export function statusesOf(row: MigrationRow): ListStatus[] {
  return row.status !== 'repeatable' && row.status !== 'missing_file' && !row.hasDown ? [row.status, 'no_down'] : [row.status];
}

export interface ListFilter {
  status: ListStatus | 'all';
  search: string;
}

/** Rows matching the status filter and every word of the search (version, name, file, applied by). */
export function filterMigrations(rows: MigrationRow[], filter: ListFilter): MigrationRow[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.status !== 'all' && !statusesOf(row).includes(filter.status)) return false;
    const haystack = [row.version, row.name, row.upFile ?? '', row.appliedBy ?? ''].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Counts per state, for the filter's options. */
export function countStatuses(rows: MigrationRow[]): Partial<Record<ListStatus, number>> {
  const counts: Partial<Record<ListStatus, number>> = {};
  for (const row of rows) for (const s of statusesOf(row)) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}
