import { useState } from 'react';
import { ErrorView } from '../../../components/ErrorView';
import { ModalDialog } from '../../../components/ModalDialog';
import { MonacoEditor } from '../../../components/monaco/MonacoEditor';
import { useCreateFiles } from '../api/create-files';
import { useDraft } from '../api/draft';

/**
 * A new up/down pair in the folder: the core picks the next version and writes the header
 * (purpose, author, date). Opened from the index advisor, the draft's name and SQL are filled in.
 */
export function NewMigrationDialog({
  connectionId,
  dir,
  draftId,
  onClose,
}: {
  connectionId: string;
  dir: string | undefined;
  draftId: string | undefined;
  onClose: (createdVersion?: string) => void;
}) {
  const draft = useDraft(connectionId, draftId);
  const create = useCreateFiles(connectionId, dir);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [author, setAuthor] = useState('');
  const [upSql, setUpSql] = useState('');
  const [downSql, setDownSql] = useState('');
  const [filledFrom, setFilledFrom] = useState<string | undefined>();


  // Fill the form once from the draft (render-time state update keyed by the draft, as React recommends over an effect).
  if (draft.data && filledFrom !== draft.data.findingId) {
    setFilledFrom(draft.data.findingId);
    setName(draft.data.suggestedName);
    setPurpose(`Index advisor finding: ${draft.data.notes[0] ?? draft.data.suggestedName}`);
    setUpSql(draft.data.upSql);
    setDownSql(draft.data.downSql);
  }

  return (
    <ModalDialog className="migrations-new-dialog" label="New migration" onClose={onClose}>
      <h2>New migration</h2>
      {draft.isFetching && <p>Reading the advisor’s draft…</p>}
      {draft.error && <ErrorView title="The advisor's draft is not available" error={draft.error} />}
      {draft.data?.nonTransactional && <p className="badge level-warning">This draft runs outside a transaction (CONCURRENTLY): the engine runs such statements alone.</p>}
      <form
        className="migrations-new-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name: name.trim(), purpose, ...(author.trim() ? { author: author.trim() } : {}), upSql, downSql },
            { onSuccess: (created) => onClose(created.version) },
          );
        }}
      >
        <label>
          Name (snake_case)
          <input value={name} onChange={(e) => setName(e.target.value)} required pattern="[a-z0-9][a-z0-9_]*" placeholder="add_orders_customer_index" aria-label="Migration name" />
        </label>
        <label>
          Purpose
          <textarea value={purpose} onChange={(e) => setPurpose(e.target.value)} required rows={2} aria-label="Purpose" />
        </label>
        <label>
          Author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} aria-label="Author" />
        </label>
        <div className="migrations-script-pair">
          <div className="migrations-script">
            <span className="muted">up</span>
            <div className="migrations-script-editor small">
              <MonacoEditor value={upSql} onChange={setUpSql} ariaLabel="Up SQL" options={{ minimap: { enabled: false } }} />
            </div>
          </div>
          <div className="migrations-script">
            <span className="muted">down</span>
            <div className="migrations-script-editor small">
              <MonacoEditor value={downSql} onChange={setDownSql} ariaLabel="Down SQL" options={{ minimap: { enabled: false } }} />
            </div>
          </div>
        </div>
        <p className="muted">The next version number and a header are added; an existing file is never overwritten. Empty scripts get a template.</p>
        {create.error && <ErrorView title="The files were not created" error={create.error} />}
        <div className="form-actions">
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create files
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
