import { useRef, useState } from 'react';
import type { CellInput } from '../../../shared/contract/data-edit';
import { formatBytes } from '../../../shared/domain/format';
import { ModalDialog } from '../ModalDialog';
import { checkCellInput } from './cell-input';
import type { CellEditorProps } from './CellEditor';

/** Reads a file as base64 without building a giant string of char codes first. */
async function fileAsBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

/**
 * JSON in an editor that checks it as you type (jsonb normalises keys and spacing when stored;
 * json keeps the text), and bytea from a file (or as Postgres's \x hex text).
 */
export function LargeValueDialog({ column, initial, onStage, onDone }: CellEditorProps) {
  const [text, setText] = useState(typeof initial === 'string' ? initial : '');
  const [file, setFile] = useState<{ name: string; size: number; base64: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const done = useRef(false);
  const isJson = column.kind === 'json';
  const checked = isJson ? checkCellInput(column, text) : { ok: true as const, value: text };

  const close = (value: CellInput | undefined) => {
    if (done.current) return;
    done.current = true;
    if (value !== undefined) onStage(value);
    onDone('stay');
  };
  const save = () => {
    if (file) close({ base64: file.base64 });
    else if (checked.ok) close(checked.value);
  };

  return (
    <ModalDialog className="row-edit-dialog" label={`Edit ${column.name}`} onClose={() => close(undefined)}>
      <h2>
        {column.name} <span className="muted small">{column.type}</span>
      </h2>
      {!isJson && (
        <label className="row-edit-file">
          Load the bytes from a file{' '}
          <input
            type="file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              fileAsBase64(chosen).then(
                (base64) => setFile({ name: chosen.name, size: chosen.size, base64 }),
                (err: unknown) => setReadError(err instanceof Error ? err.message : String(err)),
              );
            }}
          />
        </label>
      )}
      {file ? (
        <p>
          {file.name}: {formatBytes(file.size)} will be written.
        </p>
      ) : (
        <textarea
          className="row-edit-textarea"
          autoFocus
          spellCheck={false}
          aria-label={`New value of ${column.name}`}
          aria-invalid={!checked.ok}
          value={text}
          placeholder={initial === null ? 'NULL' : isJson ? '{"key": "value"}' : '\\x48656c6c6f'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
        />
      )}
      {!checked.ok && (
        <p className="row-edit-hint error" role="alert">
          {checked.message}
        </p>
      )}
      {readError && (
        <p className="row-edit-hint error" role="alert">
          {readError}
        </p>
      )}
      {isJson && column.jsonb && (
        <p className="muted small">jsonb stores keys sorted and spacing removed; json keeps your text as typed.</p>
      )}
      <div className="form-actions">
        <button onClick={() => close(undefined)}>Cancel</button>
        <button className="primary" onClick={save} disabled={!file && !checked.ok}>
          Stage (Ctrl+Enter)
        </button>
      </div>
    </ModalDialog>
  );
}
