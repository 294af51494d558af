import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

export type MaintenanceVerb = 'vacuum' | 'vacuum-full' | 'analyze' | 'reindex-index' | 'reindex-table';

/** What each command locks and costs, from the PostgreSQL docs (Explicit Locking, VACUUM, REINDEX). */
const COSTS: Record<MaintenanceVerb, { title: string; lock: ReactNode; danger: boolean }> = {
  vacuum: {
    title: 'VACUUM (ANALYZE)',
    lock: 'Takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on; schema changes and other VACUUMs on this table wait. Reads the table and its indexes, which adds I/O load.',
    danger: false,
  },
  analyze: {
    title: 'ANALYZE',
    lock: 'Takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on. Reads a sample of the table to refresh the planner’s statistics.',
    danger: false,
  },
  'vacuum-full': {
    title: 'VACUUM FULL',
    lock: (
      <>
        Takes an <strong>ACCESS EXCLUSIVE</strong> lock for the whole run: <strong>every read and write of this table waits</strong> until
        it ends. Rewrites the table and its indexes, so it needs free disk space for a full copy.
      </>
    ),
    danger: true,
  },
  'reindex-index': {
    title: 'REINDEX INDEX CONCURRENTLY',
    lock: 'Builds a new copy beside the old one and swaps them: reads and writes go on (SHARE UPDATE EXCLUSIVE lock). Takes longer than a plain REINDEX and needs free space for the copy. If cancelled, an invalid copy may remain (the index advisor lists it).',
    danger: false,
  },
  'reindex-table': {
    title: 'REINDEX TABLE CONCURRENTLY',
    lock: 'Rebuilds every index of the table one after another without blocking reads or writes; needs free space for the largest index copy.',
    danger: false,
  },
};

export function MaintenanceConfirm({
  verb,
  target,
  statement,
  onConfirm,
  onCancel,
}: {
  verb: MaintenanceVerb;
  target: string;
  statement: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cost = COSTS[verb];
  return (
    <ConfirmDialog
      title={`${cost.title} ${target}?`}
      confirmLabel={`Run ${cost.title}`}
      danger={cost.danger}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        <code>{statement}</code>
      </p>
      <p>{cost.lock}</p>
      <p className="muted">Runs in the background on its own session with progress and Cancel; the outcome is recorded in the audit log.</p>
    </ConfirmDialog>
  );
}
