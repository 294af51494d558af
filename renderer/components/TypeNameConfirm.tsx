import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * A destructive action on a connection labelled production: the database name must be typed
 * before the button arms (the server checks the typed name again).
 */
export function TypeNameConfirm({
  title,
  message,
  database,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  database: string;
  confirmLabel: string;
  onConfirm: (typed: string) => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      danger
      confirmDisabled={typed !== database}
      onConfirm={() => onConfirm(typed)}
      onCancel={onCancel}
    >
      <p>{message}</p>
      <TypedNameField database={database} typed={typed} onChange={setTyped} />
    </ConfirmDialog>
  );
}

/** The field itself, for confirmations that ask more than the name (maintenance, row edits). */
export function TypedNameField({ database, typed, onChange }: { database: string; typed: string; onChange: (typed: string) => void }) {
  return (
    <label className="type-to-confirm">
      This is a production connection. Type the database name <code>{database}</code> to confirm:
      <input value={typed} onChange={(e) => onChange(e.target.value)} aria-label="Database name to confirm" autoFocus spellCheck={false} />
    </label>
  );
}
