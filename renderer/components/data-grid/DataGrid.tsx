import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CellViewer } from './CellViewer';
import { cellPreview, rowAsJson, rowAsTsv } from './cell-text';
import './data-grid.css';
import { formatCount } from '../../../shared/domain/format';

export type Cell = string | null;

export interface GridColumn {
  name: string;
  /** The Postgres type, shown under the name and used to choose the cell viewer. */
  type?: string;
}

export interface GridSort {
  column: string;
  direction: 'asc' | 'desc';
}

export type EditMove = 'next' | 'prev' | 'down' | 'stay';

/** Staged editing on top of the grid (components/row-edit): marks, the active cell's editor, edit keys. */
export interface GridEditLayer {
  canEdit(row: number, col: number): boolean;
  /** A class for the cell: `edited`, `inserted`, `deleted` … */
  cellMark(row: number, col: number): string | undefined;
  rowMark(row: number): string | undefined;
  /** The row number column's text (new rows have none yet). */
  rowLabel(row: number): string;
  /** Shown instead of the value, muted (a new row's column left to its DEFAULT). */
  placeholder?(row: number, col: number): string | undefined;
  /** Rendered in the cell while it is edited; `done` closes it and moves the active cell. */
  renderEditor(row: number, col: number, done: (move: EditMove) => void): ReactNode;
  /** Edit keys on the grid (Delete, Ctrl/Cmd+Z, Ctrl/Cmd+S …); true when handled. */
  onKey(e: KeyboardEvent<HTMLDivElement>, active: { row: number; col: number }): boolean;
  onActiveChange?(active: { row: number; col: number }): void;
}

export interface DataGridProps {
  columns: GridColumn[];
  rows: Cell[][];
  /** Called when the last rows scroll into view: load the next page. */
  onEndReached?: () => void;
  /** Header clicks cycle asc → desc → none; omit to make headers not sortable. */
  sort?: GridSort | undefined;
  onSortChange?: (sort: GridSort | undefined) => void;
  /** Shown under the rows: "loading…", "fetch all", a row cap note. */
  footer?: ReactNode;
  ariaLabel: string;
  /** Fills its parent by default. */
  height?: number | string;
  edit?: GridEditLayer | undefined;
}

const ROW_HEIGHT = 26;
const DEFAULT_WIDTH = 160;

/**
 * The shared result grid: @tanstack/react-table for columns (resizable) and
 * @tanstack/react-virtual for rows, so 100k rows scroll without 100k DOM nodes. Cells are text
 * (never HTML). Keyboard: arrows, Home/End, PageUp/PageDown move the active cell; Enter opens it;
 * Ctrl/Cmd+C copies the cell, Ctrl/Cmd+Shift+C the row (tab-separated).
 */
export function DataGrid({ columns, rows, onEndReached, sort, onSortChange, footer, ariaLabel, height = '100%', edit }: DataGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const [viewing, setViewing] = useState<{ row: number; col: number } | null>(null);
  const [editing, setEditing] = useState<{ row: number; col: number } | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const columnDefs = useMemo<ColumnDef<Cell[]>[]>(
    () =>
      columns.map((c, i) => ({
        id: `${i}`,
        header: c.name,
        accessorFn: (row) => row[i],
        size: Math.min(360, Math.max(90, c.name.length * 9 + 40, DEFAULT_WIDTH * (c.type === 'boolean' || c.type === 'integer' ? 0.6 : 1))),
        minSize: 50,
        maxSize: 1200,
      })),
    [columns],
  );

  // React Compiler cannot memoize TanStack Table's returned functions; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
  });
  const headers = table.getFlatHeaders();
  const totalWidth = table.getTotalSize() + 56;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 20) onEndReached();
  }, [lastIndex, rows.length, onEndReached]);

  const flash = (what: string) => {
    setCopied(what);
    setTimeout(() => setCopied(null), 1200);
  };
  const copy = async (text: string, what: string) => {
    await navigator.clipboard.writeText(text);
    flash(what);
  };

  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(columns.length - 1, col));
    setActive({ row: r, col: c });
    edit?.onActiveChange?.({ row: r, col: c });
    virtualizer.scrollToIndex(r, { align: 'auto' });
  };

  const open = (cell: { row: number; col: number }) => {
    if (edit?.canEdit(cell.row, cell.col)) setEditing(cell);
    else setViewing(cell);
  };
  const finishEdit = (move: EditMove) => {
    const from = editing ?? active;
    setEditing(null);
    if (move === 'next') moveTo(from.row, from.col + 1);
    else if (move === 'prev') moveTo(from.row, from.col - 1);
    else if (move === 'down') moveTo(from.row + 1, from.col);
    scrollRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into a cell's editor bubble up here: the editor handles its own.
    if (editing) return;
    if (edit?.onKey(e, active)) {
      e.preventDefault();
      return;
    }
    if (!rows.length) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const mod = e.ctrlKey || e.metaKey;
    const targets: Record<string, [number, number] | undefined> = {
      ArrowDown: [active.row + 1, active.col],
      ArrowUp: [active.row - 1, active.col],
      ArrowRight: [active.row, active.col + 1],
      ArrowLeft: [active.row, active.col - 1],
      PageDown: [active.row + page, active.col],
      PageUp: [active.row - page, active.col],
      Home: [mod ? 0 : active.row, 0],
      End: [mod ? rows.length - 1 : active.row, columns.length - 1],
    };
    const target = targets[e.key];
    if (target) {
      e.preventDefault();
      moveTo(target[0], target[1]);
    } else if (e.key === 'Enter' || (e.key === 'F2' && edit)) {
      e.preventDefault();
      open(active);
    } else if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      const row = rows[active.row] ?? [];
      if (e.shiftKey) void copy(rowAsTsv(row), 'row');
      else void copy(row[active.col] ?? '', 'cell');
    }
  };

  const cycleSort = (name: string) => {
    if (!onSortChange) return;
    if (sort?.column !== name) onSortChange({ column: name, direction: 'asc' });
    else if (sort.direction === 'asc') onSortChange({ column: name, direction: 'desc' });
    else onSortChange(undefined);
  };

  const viewingRow = viewing ? rows[viewing.row] : undefined;

  return (
    <div className="data-grid-wrap" style={{ height }}>
      <div
        className="data-grid"
        ref={scrollRef}
        tabIndex={0}
        role="grid"
        aria-label={ariaLabel}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        onKeyDown={onKeyDown}
      >
        <div className="dg-header" role="row" style={{ width: totalWidth }}>
          <div className="dg-rownum" />
          {headers.map((h, i) => {
            const col = columns[i]!;
            const sorted = sort?.column === col.name ? sort.direction : undefined;
            return (
              <div
                key={h.id}
                role="columnheader"
                className="dg-th"
                style={{ width: h.getSize() }}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              >
                <button
                  className="dg-th-label"
                  onClick={() => cycleSort(col.name)}
                  disabled={!onSortChange}
                  title={onSortChange ? 'Sort by this column' : col.name}
                >
                  <span className="dg-th-name">{col.name}</span>
                  {sorted && <span aria-hidden>{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
                  {col.type && <span className="dg-th-type">{col.type}</span>}
                </button>
                <div
                  className="dg-resizer"
                  onMouseDown={h.getResizeHandler()}
                  onTouchStart={h.getResizeHandler()}
                  onDoubleClick={() => h.column.resetSize()}
                />
              </div>
            );
          })}
        </div>
        <div className="dg-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`dg-row${item.index % 2 ? ' odd' : ''}${edit?.rowMark(item.index) ? ` ${edit.rowMark(item.index)}` : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <div className="dg-rownum">{edit ? edit.rowLabel(item.index) : item.index + 1}</div>
                {headers.map((h, c) => {
                  const value = row[c] ?? null;
                  const isActive = active.row === item.index && active.col === c;
                  const isEditing = editing?.row === item.index && editing.col === c;
                  const mark = edit?.cellMark(item.index, c);
                  const placeholder = edit?.placeholder?.(item.index, c);
                  return (
                    <div
                      key={h.id}
                      role="gridcell"
                      className={`dg-td${isActive ? ' active' : ''}${value === null ? ' null' : ''}${value === '' || placeholder ? ' empty' : ''}${mark ? ` ${mark}` : ''}${isEditing ? ' editing' : ''}`}
                      style={{ width: h.getSize() }}
                      onMouseDown={() => !isEditing && moveTo(item.index, c)}
                      onDoubleClick={() => !isEditing && open({ row: item.index, col: c })}
                      title={
                        value === ''
                          ? 'An empty string (not NULL)'
                          : value !== null && value.length > 60
                            ? 'Double-click or Enter to see all of it'
                            : undefined
                      }
                    >
                      {isEditing && edit
                        ? edit.renderEditor(item.index, c, finishEdit)
                        : placeholder !== undefined
                          ? placeholder
                          : value === null
                            ? 'NULL'
                            : value === ''
                              ? "''"
                              : cellPreview(value)}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {footer && <div className="dg-footer">{footer}</div>}
      </div>
      <div className="dg-status" aria-live="polite">
        {formatCount(rows.length)} rows{copied ? ` · copied ${copied}` : ''}
        {rows.length > 0 && (
          <span className="dg-status-actions">
            <button onClick={() => void copy(rows[active.row]?.[active.col] ?? '', 'cell')}>Copy cell</button>
            <button onClick={() => void copy(rowAsTsv(rows[active.row] ?? []), 'row')}>Copy row</button>
            <button onClick={() => void copy(rowAsJson(columns, rows[active.row] ?? []), 'row as JSON')}>Copy row as JSON</button>
          </span>
        )}
      </div>
      {viewing && viewingRow && (
        <CellViewer
          column={columns[viewing.col]!}
          value={viewingRow[viewing.col] ?? null}
          onClose={() => setViewing(null)}
          onCopy={(text) => void copy(text, 'cell')}
        />
      )}
    </div>
  );
}
