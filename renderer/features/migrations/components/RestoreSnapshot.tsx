import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { newTaskId } from '../../../lib/task-id';
import { useTaskProgress } from '../../../lib/task-store';
import { usePreMigration } from '../api/pre-migration';
import { useProfile } from '../api/profiles';

/**
 * "Restore from the pre-migration backup" as one confirmed action: the snapshot's tables are
 * recreated with their rows in one transaction, and the migrations it preceded become pending again.
 */
export function RestoreSnapshot({ connectionId, dir, file, tables }: { connectionId: string; dir: string | undefined; file: string; tables: string[] }) {
  const { restore } = usePreMigration(connectionId, dir);
  const profile = useProfile(connectionId);
  const database = profile?.database ?? '';
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [taskId, setTaskId] = useState<string | undefined>();
  const progress = useTaskProgress(taskId);
  return (
    <div className="migrations-snapshot" aria-label="Pre-migration backup">
      <p className="muted">
        Pre-migration backup of {tables.join(', ')}: <code>{file}</code>
      </p>
      <button className="danger" disabled={restore.isPending || !database} onClick={() => setAsking(true)}>
        Restore from the pre-migration backup…
      </button>
      <TaskProgressBar progress={progress} />
      {restore.error && <ErrorView title="The restore did not complete (nothing was changed)" error={restore.error} />}
      {restore.data && (
        <p role="status" className="level-ok">
          Restored {restore.data.tables.join(', ')}
          {restore.data.forgotten.length ? `; ${restore.data.forgotten.join(', ')} pending again` : ''}.
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title="Restore from the pre-migration backup"
          confirmLabel="Restore tables"
          danger
          confirmDisabled={typed !== database}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            const id = newTaskId();
            setTaskId(id);
            setAsking(false);
            restore.mutate({ file, confirmName: typed, taskId: id });
          }}
        >
          <p>
            Drops and recreates <strong>{tables.join(', ')}</strong> in <strong>{database}</strong> from the snapshot, with the rows they had before the
            migration, in one transaction. Changes made to these tables since are lost. Tables the migration created stay.
          </p>
          <label className="migrations-type-to-confirm">
            Type the database name <code>{database}</code> to confirm:
            <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Database name to confirm" spellCheck={false} />
          </label>
        </ConfirmDialog>
      )}
    </div>
  );
}
