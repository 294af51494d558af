import { useState } from 'react';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { useRepairActions } from '../api/repair';

/**
 * A migration a crash or an error stopped half-way: what committed, and the two ways on —
 * resume from the first statement not done, or mark it repaired after fixing the database by hand.
 */
export function PartlyApplied({ connectionId, dir, row }: { connectionId: string; dir: string | undefined; row: MigrationRow }) {
  const { resume, repair } = useRepairActions(connectionId, dir);
  const [asking, setAsking] = useState<'resume' | 'repair' | undefined>();
  const p = row.progress;
  if (row.status !== 'partly_applied' || !p) return null;
  const from = p.running ?? p.completed + 1;
  return (
    <div className="level-warning" role="status" aria-label="Partly applied">
      <p>
        Partly applied: {p.summary}. Applying it again from the start would repeat what committed, so Apply refuses it.
      </p>
      <p>
        <button onClick={() => setAsking('resume')} disabled={resume.isPending}>
          Resume from statement {from}
        </button>{' '}
        <button className="danger" onClick={() => setAsking('repair')} disabled={repair.isPending}>
          Mark repaired…
        </button>
      </p>
      {resume.error && <ErrorView title="Resume failed" error={resume.error} />}
      {repair.error && <ErrorView title="Could not mark it repaired" error={repair.error} />}
      {asking === 'resume' && (
        <ConfirmDialog
          title={`Resume ${row.version} ${row.name}`}
          confirmLabel={`Run from statement ${from}`}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            resume.mutate();
          }}
        >
          Runs statements {from}–{p.statements} of {row.upFile}, then the pending migrations after it. {p.running !== null && `Statement ${from} was running when the applier stopped: if it took effect (an index that exists, perhaps INVALID), drop or finish it by hand first.`}
        </ConfirmDialog>
      )}
      {asking === 'repair' && (
        <ConfirmDialog
          title={`Mark ${row.version} ${row.name} repaired`}
          confirmLabel="Record it as applied"
          danger
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            repair.mutate(row.version);
          }}
        >
          Records the migration as applied without running anything. Do this only after you made the database match the whole script by hand: the console will never run its remaining statements.
        </ConfirmDialog>
      )}
    </div>
  );
}
