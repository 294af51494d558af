import { useMemo, useReducer, useState } from 'react';
import type { CellInput, EditColumn, EditInfo } from '../../../shared/contract/data-edit';
import type { Cell, GridEditLayer } from '../data-grid/DataGrid';
import { CellEditor, type LookupReferenced } from './CellEditor';
import {
  emptyStaged,
  rowIdOf,
  stagedCell,
  stagedCount,
  stagedReducer,
  toChanges,
  type RowTarget,
  type StagedAction,
  type StagedChange,
  type StagedState,
} from './staged-edits';

export interface RowEditing {
  info: EditInfo;
  state: StagedState;
  dispatch: (action: StagedAction) => void;
  /** The rows as read with staged values over them, then the rows being inserted. */
  displayRows: Cell[][];
  layer: GridEditLayer;
  count: number;
  /** Marks the rows of the last commit's conflicts until the next commit or discard. */
  setConflicts: (changes: StagedChange['target'][]) => void;
  changes: () => StagedChange[];
  /** Stage a value for the active cell (the toolbar's Set NULL and Set ''). */
  setActive: (value: CellInput) => void;
  toggleDeleteActive: () => void;
  /** The active cell's column when that cell can be edited. */
  activeColumn: EditColumn | undefined;
}

const shown = (value: CellInput | undefined, read: Cell): Cell =>
  value === undefined
    ? read
    : value !== null && typeof value === 'object'
      ? `‹${Math.floor((value.base64.length * 3) / 4)} bytes from a file›`
      : value;

/**
 * Staged editing for a grid whose rows come from one table: null when the table cannot be edited
 * here (no key, a view, a read-only connection …; `info` says why).
 */
export function useRowEditing(
  info: EditInfo | undefined,
  columns: readonly { name: string }[],
  rows: Cell[][],
  lookup: LookupReferenced | undefined,
): RowEditing | null {
  const [state, dispatch] = useReducer(stagedReducer, emptyStaged);
  const [active, setActiveCell] = useState({ row: 0, col: 0 });
  const [conflicts, setConflicts] = useState<StagedChange['target'][]>([]);
  const names = useMemo(() => columns.map((c) => c.name), [columns]);
  const byName = useMemo(() => new Map((info?.columns ?? []).map((c) => [c.name, c])), [info]);
  const editable = Boolean(info && !info.notEditableReason && !info.readOnlyConnection && info.key.every((k) => names.includes(k)));
  const ids = useMemo(() => (editable && info ? rows.map((row) => rowIdOf(info.key, names, row)) : []), [editable, info, names, rows]);

  const targetOf = (row: number): RowTarget =>
    row < rows.length ? { kind: 'existing', id: ids[row]!, read: rows[row]! } : { kind: 'new', index: row - rows.length };

  const displayRows = useMemo(() => {
    if (!editable) return rows;
    const existing = rows.map((row, r) =>
      names.map((name, c) => shown(stagedCell(state, { kind: 'existing', id: ids[r]!, read: row }, name).value, row[c] ?? null)),
    );
    return [...existing, ...state.inserts.map((values) => names.map((name) => shown(values[name], null)))];
  }, [editable, rows, names, ids, state]);

  if (!info || !editable) return null;

  const total = rows.length + state.inserts.length;
  const columnAt = (col: number) => byName.get(names[col] ?? '');
  const markOf = (row: number, col: number) => stagedCell(state, targetOf(row), names[col]!).mark;
  const canEdit = (row: number, col: number) => {
    const column = columnAt(col);
    return Boolean(row < total && column && !column.readOnlyReason && markOf(row, col) !== 'deleted');
  };
  const stage = (row: number, col: number, value: CellInput) =>
    dispatch({ type: 'set', target: targetOf(row), column: names[col]!, columnIndex: col, value });
  const toggleDelete = (row: number) => row < total && dispatch({ type: 'toggleDelete', target: targetOf(row) });
  const inConflict = (row: number) => {
    const target = targetOf(row);
    return conflicts.some((c) =>
      c.kind === 'new' ? target.kind === 'new' && target.index === c.index : target.kind === 'existing' && target.id === c.id,
    );
  };

  const layer: GridEditLayer = {
    canEdit,
    cellMark: (row, col) => (markOf(row, col) === 'edited' ? 'edited' : undefined),
    rowMark: (row) => {
      const mark = markOf(row, 0);
      return (
        [mark === 'inserted' || mark === 'deleted' ? mark : '', inConflict(row) ? 'conflict' : ''].filter(Boolean).join(' ') || undefined
      );
    },
    rowLabel: (row) => (row >= rows.length ? '+' : String(row + 1)),
    placeholder: (row, col) => {
      const target = targetOf(row);
      if (target.kind !== 'new' || names[col]! in (state.inserts[target.index] ?? {})) return undefined;
      return columnAt(col)?.hasDefault ? 'DEFAULT' : undefined;
    },
    renderEditor: (row, col, done) => {
      const column = columnAt(col)!;
      const staged = stagedCell(state, targetOf(row), column.name).value;
      const initial: CellInput = staged === undefined ? (rows[row]?.[col] ?? null) : staged;
      return <CellEditor column={column} initial={initial} onStage={(value) => stage(row, col, value)} onDone={done} lookup={lookup} />;
    },
    onKey: (e, at) => {
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Delete' && !mod) {
        toggleDelete(at.row);
        return true;
      }
      if (mod && !e.shiftKey && e.key.toLowerCase() === 'z') {
        dispatch({ type: 'undo' });
        return true;
      }
      return false;
    },
    onActiveChange: setActiveCell,
  };

  return {
    info,
    state,
    dispatch,
    displayRows,
    layer,
    count: stagedCount(state),
    setConflicts,
    changes: () => toChanges(state, info, names),
    setActive: (value) => canEdit(active.row, active.col) && stage(active.row, active.col, value),
    toggleDeleteActive: () => toggleDelete(active.row),
    activeColumn: canEdit(active.row, active.col) ? columnAt(active.col) : undefined,
  };
}
