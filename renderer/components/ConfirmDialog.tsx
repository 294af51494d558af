import './ui.css';
import { type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

/**
 * Asks before a change to a database: what will run, what it costs (locks, time), and the exact
 * statement. A modal <dialog>, so Escape cancels and focus stays inside.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  confirmDisabled = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** E.g. until the database name is typed on a production connection. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalDialog className="confirm-dialog" label={title} onClose={onCancel}>
      <h2>{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="form-actions">
        <button onClick={onCancel}>Cancel</button>
        <button className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={confirmDisabled} autoFocus={!confirmDisabled}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
