import type { Finding } from '../../../../shared/contract/insights';
import { ErrorView } from '../../../components/ErrorView';
import { ModalDialog } from '../../../components/ModalDialog';
import { CodeView } from '../../../components/monaco/CodeView';
import { navigate } from '../../../lib/hash-route';
import { useMigrationDraft } from '../api/migration-draft';

/** The URL the migrations workbench opens a draft from (it calls insights.migrationDraft itself). */
export const draftRoute = (connectionId: string, findingId: string) =>
  `/migrations?connection=${encodeURIComponent(connectionId)}&draft=${encodeURIComponent(findingId)}`;

/** The up/down pair for a finding, read-only with copy, and the way into the workbench. */
export function DraftDialog({ connectionId, finding, onClose }: { connectionId: string; finding: Finding; onClose: () => void }) {
  const draft = useMigrationDraft(connectionId, finding.id);
  return (
    <ModalDialog className="draft-dialog" label="Migration draft" onClose={onClose}>
      <h2>Migration draft: {finding.title}</h2>
      {draft.isPending && <p>Drafting…</p>}
      {draft.error && <ErrorView title="No draft" error={draft.error} />}
      {draft.data && (
        <>
          <p>
            Suggested name: <code>{draft.data.suggestedName}</code>
            {draft.data.nonTransactional && <span className="badge level-warning">runs outside a transaction</span>}
          </p>
          <ul>
            {draft.data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <CodeView code={draft.data.upSql} label="up.sql" height={110} />
          <CodeView code={draft.data.downSql} label="down.sql" height={110} />
        </>
      )}
      <div className="form-actions">
        <button onClick={onClose}>Close</button>
        <button className="primary" disabled={!draft.data} onClick={() => navigate(draftRoute(connectionId, finding.id))}>
          Open in migrations workbench
        </button>
      </div>
    </ModalDialog>
  );
}
