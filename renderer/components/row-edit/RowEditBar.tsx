import { useState, type ReactNode } from 'react';
import type { Conflict, RowChange } from '../../../shared/contract/data-edit';
import { buildChangeStatements, changeScript } from '../../../shared/domain/data-changes';
import { ConfirmDialog } from '../ConfirmDialog';
import { TypedNameField } from '../TypeNameConfirm';
import { ErrorView } from '../ErrorView';
import { ModalDialog } from '../ModalDialog';
import { ConflictList } from './ConflictList';
import type { CommitResult, StagedChange } from './staged-edits';
import type { RowEditing } from './use-row-editing';
import './row-edit.css';
import { formatCount } from '../../../shared/domain/format';

export interface ApplyResult extends CommitResult {
  applied: { inserted: number; updated: number; deleted: number };
  conflicts: Conflict[];
}

export type ApplyChanges = (changes: RowChange[], confirmDatabase: string | undefined) => Promise<ApplyResult>;

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The staged-edit toolbar: add and delete rows, NULL and '' for the active cell, undo, discard,
 * Review SQL (the exact statements, from the builder the core runs), Commit. A set with deletes
 * asks first; on a production connection a set above its limit asks for the database name.
 * After a commit the rows are read again (onCommitted); conflicts are listed with their values now.
 */
export function RowEditBar({
  editing,
  apply,
  onCommitted,
  children,
  fill = false,
}: {
  editing: RowEditing;
  apply: ApplyChanges;
  /** After a commit (with what was committed and the rows as stored), or to read the rows again. */
  onCommitted: (committed?: { result: ApplyResult; staged: StagedChange[] }) => void;
  /** The grid: Ctrl/Cmd+S commits from anywhere inside the bar or the grid. */
  children: ReactNode;
  /** Fill the parent's height, the grid taking what the bar leaves (give the grid height="auto"). */
  fill?: boolean;
}) {
  const { info, count, dispatch, state } = editing;
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflicts, setConflicts] = useState<{ conflicts: Conflict[]; changes: RowChange[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const staged = editing.changes();
  const deletes = staged.filter((s) => s.change.op === 'delete').length;
  const needsName = info.confirmAbove !== null && staged.length > info.confirmAbove;

  const commit = async () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    setDone(null);
    const changes = staged.map((s) => s.change);
    try {
      const result = await apply(changes, needsName ? typed : undefined);
      if (result.conflicts.length) {
        setConflicts({ conflicts: result.conflicts, changes });
        editing.setConflicts(result.conflicts.map((c) => staged[c.index]!.target));
        return;
      }
      const { inserted, updated, deleted } = result.applied;
      setDone(`Committed: ${updated} updated, ${inserted} inserted, ${deleted} deleted.`);
      editing.setConflicts([]);
      dispatch({ type: 'discard' });
      onCommitted({ result, staged });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setTyped('');
    }
  };
  const askCommit = () => {
    if (!count || busy) return;
    if (deletes > 0 || needsName) setConfirming(true);
    else void commit();
  };

  const script = () => {
    try {
      return changeScript(
        buildChangeStatements(
          info,
          staged.map((s) => s.change),
        ),
      );
    } catch (err) {
      return `-- ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  const column = editing.activeColumn;

  return (
    <div
      className={fill ? 'row-edit-area fill' : 'row-edit-area'}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          askCommit();
        }
      }}
    >
      <div className="row-edit-bar" role="toolbar" aria-label="Edit rows">
        <button onClick={() => dispatch({ type: 'addRow' })}>Add row</button>
        <button onClick={editing.toggleDeleteActive} title="Mark the active row deleted, or take the mark back">
          Delete row (Del)
        </button>
        <button disabled={!column?.nullable} onClick={() => editing.setActive(null)} title="Set the active cell to SQL NULL">
          Set NULL
        </button>
        <button
          disabled={!column || column.kind !== 'text'}
          onClick={() => editing.setActive('')}
          title="Set the active cell to the empty string"
        >
          Set &apos;&apos;
        </button>
        <button disabled={!state.past.length} onClick={() => dispatch({ type: 'undo' })}>
          Undo (Ctrl+Z)
        </button>
        <span className="spacer" />
        <span className="row-edit-count" aria-live="polite">
          {count ? `${plural(count, 'change')} staged` : (done ?? `Editable by ${info.keySource}: ${info.key.join(', ')}`)}
        </span>
        <button disabled={!count} onClick={() => setReviewing(true)}>
          Review SQL
        </button>
        <button disabled={!count} onClick={() => dispatch({ type: 'discard' })}>
          Discard
        </button>
        <button className="primary" disabled={!count || busy} onClick={askCommit}>
          {busy ? 'Committing…' : 'Commit (Ctrl+S)'}
        </button>
        {error !== null && (
          <div className="row-edit-error">
            <ErrorView error={error} title="Nothing was committed" />
          </div>
        )}
        {conflicts && (
          <ConflictList
            conflicts={conflicts.conflicts}
            changes={conflicts.changes}
            onReload={() => {
              setConflicts(null);
              editing.setConflicts([]);
              dispatch({ type: 'discard' });
              onCommitted();
            }}
            onClose={() => setConflicts(null)}
          />
        )}
        {reviewing && (
          <ModalDialog className="row-edit-dialog" label="Review SQL" onClose={() => setReviewing(false)}>
            <h2>The statements Commit will run, in one transaction</h2>
            <pre className="row-edit-sql" tabIndex={0} aria-label="Statements to run">
              {script()}
            </pre>
            <div className="form-actions">
              <button onClick={() => setReviewing(false)}>Close</button>
            </div>
          </ModalDialog>
        )}
        {confirming && (
          <ConfirmDialog
            title={`Commit ${plural(staged.length, 'change')} to ${info.schema}.${info.table}?`}
            confirmLabel={deletes ? `Commit, deleting ${plural(deletes, 'row')}` : 'Commit'}
            danger={deletes > 0}
            confirmDisabled={needsName && typed !== info.database}
            onConfirm={() => void commit()}
            onCancel={() => setConfirming(false)}
          >
            <pre className="row-edit-sql">{script()}</pre>
            {needsName && (
              <>
                <p>The change touches more than {info.confirmAbove} rows.</p>
                <TypedNameField database={info.database} typed={typed} onChange={setTyped} />
              </>
            )}
          </ConfirmDialog>
        )}
      </div>
      {children}
    </div>
  );
}
