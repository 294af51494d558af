import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useConnectionProfile } from '../../../lib/connection-profile';
import { TypedNameField } from '../../../components/TypeNameConfirm';

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
  connectionId,
  verb,
  target,
  statement,
  onConfirm,
  onCancel,
}: {
  connectionId: string;
  verb: MaintenanceVerb;
  target: string;
  statement: string;
  /** `confirmDatabase`: the name typed for VACUUM FULL on a production connection. */
  onConfirm: (confirmDatabase?: string) => void;
  onCancel: () => void;
}) {
  const cost = COSTS[verb];
  const profile = useConnectionProfile(connectionId);
  const [typed, setTyped] = useState('');
  // The server refuses VACUUM FULL on production without the typed name, as migrations do.
  const mustType = verb === 'vacuum-full' && profile?.environment === 'production' ? profile.database : undefined;
  return (
    <ConfirmDialog
      title={`${cost.title} ${target}?`}
      confirmLabel={`Run ${cost.title}`}
      danger={cost.danger}
      confirmDisabled={mustType !== undefined && typed !== mustType}
      onConfirm={() => onConfirm(mustType !== undefined ? typed : undefined)}
      onCancel={onCancel}
    >
      <p>
        <code>{statement}</code>
      </p>
      <p>{cost.lock}</p>
      <p className="muted">Runs in the background on its own session with progress and Cancel; the outcome is recorded in the audit log.</p>
      {mustType !== undefined && <TypedNameField database={mustType} typed={typed} onChange={setTyped} />}
    </ConfirmDialog>
  );
}
