import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type Row, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { compareValues, copyText, type SortValue } from './sort-values';
import './data-table.css';
import { formatCount } from '../../../shared/domain/format';

export interface DataTableColumn<T> {
  id: string;
  header: string;
  /** Shown on hover over the header: what the column measures. */
  headerTitle?: string;
  /** The value the column sorts and copies by (the raw database value, not the formatted text). */
  value: (row: T) => SortValue;
  /** How a cell looks; the formatted value as text when omitted. Database text stays text. */
  cell?: (row: T) => ReactNode;
  /** Right-aligned, tabular digits. */
  numeric?: boolean;
  /** Default true. */
  sortable?: boolean;
  className?: string;
}

export interface DataTableSelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: DataTableColumn<T>[];
  /** A stable key per row (React keys, selection, the highlighted row). */
  rowKey: (row: T) => string;
  ariaLabel: string;
  initialSort?: { id: string; desc: boolean };
  onRowClick?: (row: T) => void;
  /** The row shown as current (e.g. whose detail is open below). */
  activeKey?: string | undefined;
  rowClassName?: (row: T) => string | undefined;
  /** A full-width row under a row (e.g. its indexes); not used when the table is virtualized. */
  renderDetail?: (row: T) => ReactNode;
  /** A checkbox column; the caller owns the set. */
  selection?: DataTableSelection;
  empty?: ReactNode;
  /** Above this many rows only the visible ones are in the DOM. */
  virtualizeAbove?: number;
  /** Height of the scroll area (the header sticks inside it). Default: up to 70 % of the window. */
  maxHeight?: number | string;
  className?: string;
  /** Hide the "Copy as TSV" button (the keyboard copy stays). */
  hideCopy?: boolean;
}

const ROW_ESTIMATE = 31;

/**
 * The one table for result lists (@tanstack/react-table): click a header to sort (numbers by
 * value, int8 exactly; empty values last), the header sticks while scrolling, long lists are
 * virtualized (@tanstack/react-virtual), and the rows copy as tab-separated text — all of them
 * with the button, the focused one with Ctrl/Cmd+C.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { rows, columns, rowKey, ariaLabel, onRowClick, activeKey, rowClassName, renderDetail, selection } = props;
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ? [props.initialSort] : []);
  const [note, setNote] = useState<string>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => c.value(row) ?? undefined,
        enableSorting: c.sortable !== false,
        sortUndefined: 'last',
        sortingFn: (a: Row<T>, b: Row<T>) => compareValues(a.getValue(c.id), b.getValue(c.id)),
      })),
    [columns],
  );

  // React Compiler cannot memoize TanStack Table's returned functions; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows as T[],
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => rowKey(row),
  });
  const sortedRows = table.getRowModel().rows;
  const virtual = sortedRows.length > (props.virtualizeAbove ?? 150);
  const virtualizer = useVirtualizer({
    count: virtual ? sortedRows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const shown = virtual ? items.map((i) => sortedRows[i.index]!) : sortedRows;
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const span = columns.length + (selection ? 1 : 0);

  const flash = (text: string) => {
    setNote(text);
    setTimeout(() => setNote(undefined), 1500);
  };
  const asTsv = (list: Row<T>[]) => list.map((r) => columns.map((c) => copyText(c.value(r.original))).join('\t')).join('\n');
  const copyAll = async () => {
    await navigator.clipboard.writeText(`${columns.map((c) => c.header).join('\t')}\n${asTsv(sortedRows)}`);
    flash(`copied ${formatCount(sortedRows.length)} rows`);
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, row: Row<T>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void navigator.clipboard.writeText(asTsv([row])).then(() => flash('copied the row'));
    } else if (onRowClick && (e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
      e.preventDefault();
      onRowClick(row.original);
    }
  };
  const toggle = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  const allSelected = selection !== undefined && rows.length > 0 && rows.every((r) => selection.selected.has(rowKey(r)));

  if (rows.length === 0 && props.empty !== undefined) return <div className="dt-empty muted">{props.empty}</div>;

  return (
    <div className={`dt ${props.className ?? ''}`}>
      <div className="dt-scroll" ref={scrollRef} style={{ maxHeight: props.maxHeight ?? '70vh' }} tabIndex={-1}>
        <table className="data-table dt-table" aria-label={ariaLabel} aria-rowcount={sortedRows.length + 1}>
          <thead>
            <tr>
              {selection && (
                <th className="dt-select">
                  <input
                    type="checkbox"
                    aria-label="Select all rows"
                    checked={allSelected}
                    onChange={() => selection.onChange(allSelected ? new Set() : new Set(rows.map(rowKey)))}
                  />
                </th>
              )}
              {table.getFlatHeaders().map((h, i) => {
                const col = columns[i]!;
                const dir = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    className={`${col.numeric ? 'num' : ''} ${col.className ?? ''}`}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    title={col.headerTitle}
                  >
                    {h.column.getCanSort() ? (
                      <button type="button" className="dt-sort" onClick={h.column.getToggleSortingHandler()}>
                        {col.header}
                        <span className="dt-sort-mark" aria-hidden>
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      col.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden className="dt-pad">
                <td colSpan={span} style={{ height: padTop }} />
              </tr>
            )}
            {shown.map((row) => {
              const key = row.id;
              const detail = !virtual && renderDetail ? renderDetail(row.original) : null;
              const classes = [onRowClick ? 'clickable' : '', key === activeKey ? 'selected' : '', rowClassName?.(row.original) ?? '']
                .filter(Boolean)
                .join(' ');
              return (
                <Fragment key={key}>
                  <tr
                    className={classes || undefined}
                    tabIndex={0}
                    aria-selected={
                      activeKey !== undefined || selection ? key === activeKey || (selection?.selected.has(key) ?? false) : undefined
                    }
                    aria-rowindex={row.index + 2}
                    onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                    onKeyDown={(e) => onRowKey(e, row)}
                  >
                    {selection && (
                      <td className="dt-select" onClick={(e) => e.stopPropagation()}>
                        <input
                          type="checkbox"
                          aria-label={`Select row ${key}`}
                          checked={selection.selected.has(key)}
                          onChange={() => toggle(key)}
                        />
                      </td>
                    )}
                    {columns.map((c) => (
                      <td key={c.id} className={`${c.numeric ? 'num' : ''} ${c.className ?? ''}`.trim() || undefined}>
                        {c.cell ? c.cell(row.original) : copyText(c.value(row.original))}
                      </td>
                    ))}
                  </tr>
                  {detail && (
                    <tr className="dt-detail">
                      <td colSpan={span}>{detail}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden className="dt-pad">
                <td colSpan={span} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {!props.hideCopy && rows.length > 0 && (
        <div className="dt-status">
          <span aria-live="polite">
            {formatCount(sortedRows.length)} rows{note ? ` · ${note}` : ''}
          </span>
          <button type="button" onClick={() => void copyAll()} title="All rows in this order, tab-separated with a header line">
            Copy as TSV
          </button>
        </div>
      )}
    </div>
  );
}
