import './ui.css';
import { useEffect, useRef, type ReactNode } from 'react';

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
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2>{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="form-actions">
        <button onClick={onCancel}>Cancel</button>
        <button className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={confirmDisabled} autoFocus={!confirmDisabled}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
