import { useEffect } from 'react';
import type { GridColumn } from './DataGrid';
import { hexPreview, prettyJson } from './cell-text';
import { formatCount } from '../../../shared/domain/format';

/** The whole value of one cell: pretty JSON, a hex dump for bytea, or the text as it is. */
export function CellViewer({
  column,
  value,
  onClose,
  onCopy,
}: {
  column: GridColumn;
  value: string | null;
  onClose: () => void;
  onCopy: (text: string) => void;
}) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const json = value === null ? null : prettyJson(value, column.type);
  const hex = value === null || column.type !== 'bytea' ? null : hexPreview(value);
  return (
    <div className="cell-viewer" role="dialog" aria-label={`Value of ${column.name}`}>
      <div className="cell-viewer-bar">
        <strong>{column.name}</strong>
        {column.type && <span className="muted">{column.type}</span>}
        {value !== null && <span className="muted">{formatCount(value.length)} characters</span>}
        <span className="spacer" />
        {value !== null && <button onClick={() => onCopy(value)}>Copy</button>}
        {json && <button onClick={() => onCopy(json)}>Copy pretty</button>}
        <button onClick={onClose} aria-label="Close">
          Close
        </button>
      </div>
      {value === null ? (
        <p className="muted">NULL</p>
      ) : hex ? (
        <>
          <pre className="cell-viewer-text">{hex.lines.join('\n')}</pre>
          {hex.totalBytes > 4096 && <p className="muted">Showing the first 4,096 of {formatCount(hex.totalBytes)} bytes.</p>}
        </>
      ) : (
        <pre className="cell-viewer-text">{json ?? value}</pre>
      )}
    </div>
  );
}
