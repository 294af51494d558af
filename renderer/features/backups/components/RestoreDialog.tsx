import { useState } from 'react';
import type { BackupEntry } from '../../../../shared/contract/backups';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useProfile } from '../api/profile';

/**
 * Restore into a new database by default; replacing an existing one is a separate, explicit
 * choice. Production connections and replacing both need the target name typed.
 */
export function RestoreDialog({
  connectionId,
  backup,
  onConfirm,
  onCancel,
}: {
  connectionId: string;
  backup: BackupEntry;
  onConfirm: (input: { to: string; clean: boolean; confirmName?: string }) => void;
  onCancel: () => void;
}) {
  const profile = useProfile(connectionId);
  const [to, setTo] = useState(`${backup.database ?? 'restored'}_restored`);
  const [clean, setClean] = useState(false);
  const [typed, setTyped] = useState('');
  const production = profile?.environment === 'production';
  const mustType = production || clean;
  const validName = to.length > 0 && to.length <= 63;
  return (
    <ConfirmDialog
      title={`Restore ${backup.name}`}
      confirmLabel={clean ? 'Replace and restore' : 'Restore'}
      danger={mustType}
      confirmDisabled={!validName || (mustType && typed !== to)}
      onCancel={onCancel}
      onConfirm={() => onConfirm({ to, clean, ...(mustType ? { confirmName: typed } : {}) })}
    >
      <p>
        Into a database on <strong>{profile?.name ?? connectionId}</strong>’s server, with{' '}
        <code>pg_restore --single-transaction --exit-on-error</code>: a failed restore leaves nothing behind.
      </p>
      <label className="backups-field">
        New database name
        <input value={to} onChange={(e) => setTo(e.target.value)} aria-label="Target database" spellCheck={false} maxLength={63} />
      </label>
      <label className="backups-check">
        <input type="checkbox" checked={clean} onChange={(e) => setClean(e.target.checked)} /> The database exists: replace it (the copy is
        restored under a temporary name first and takes this name only when complete)
      </label>
      {mustType && (
        <label className="backups-field">
          {production ? 'This is a production connection. ' : ''}Type <code>{to}</code> to confirm:
          <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Database name to confirm" spellCheck={false} />
        </label>
      )}
    </ConfirmDialog>
  );
}
