import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { filterOperators, type ColumnInfo, type DataFilter } from '../../../../shared/contract/schema';
import { DataGrid, type GridSort } from '../../../components/data-grid/DataGrid';
import { ErrorView } from '../../../components/ErrorView';
import { ExportControls } from '../../../components/export/ExportControls';
import { RowEditBar } from '../../../components/row-edit/RowEditBar';
import { useTableEditing } from '../../../components/row-edit/use-table-editing';
import { connKeys } from '../../../lib/query-keys';
import { useCountRows } from '../api/count-rows';
import { exportData } from '../api/export-data';
import { useTableData } from '../api/table-data';
import { formatCount } from '../../../../shared/domain/format';

const NO_VALUE = new Set(['is null', 'is not null']);

/** A table's rows: keyset pages as you scroll, filters, sort by header, counts, export, and staged edits. */
export function DataTab({
  connectionId,
  schema,
  name,
  columns,
}: {
  connectionId: string;
  schema: string;
  name: string;
  columns: Pick<ColumnInfo, 'name' | 'type'>[];
}) {
  const [draft, setDraft] = useState<DataFilter[]>([]);
  const [applied, setApplied] = useState<DataFilter[]>([]);
  const [combine, setCombine] = useState<'and' | 'or'>('and');
  const [sort, setSort] = useState<GridSort | undefined>();
  const [exact, setExact] = useState(false);
  const request = useMemo(
    () => ({ connectionId, schema, name, filters: applied, combine, ...(sort ? { sort } : {}) }),
    [connectionId, schema, name, applied, combine, sort],
  );
  const data = useTableData(request);
  const estimate = useCountRows({ ...request, exact: false });
  const exactCount = useCountRows({ ...request, exact: true }, exact);

  const rows = useMemo(() => data.data?.pages.flatMap((p) => p.rows) ?? [], [data.data]);
  const first = data.data?.pages[0];
  const gridColumns = useMemo(() => first?.columns ?? columns.map((c) => ({ name: c.name, type: c.type })), [first, columns]);

  const queryClient = useQueryClient();
  const target = useMemo(() => ({ connectionId, schema, table: name }), [connectionId, schema, name]);
  const { editing, notEditable, apply: applyEdits } = useTableEditing(target, gridColumns, rows);
  const reread = () => void queryClient.invalidateQueries({ queryKey: connKeys.scoped(connectionId, 'schema') });

  const apply = () => {
    setApplied(draft.filter((f) => f.column && (NO_VALUE.has(f.op) || (f.value ?? '') !== '')));
    setExact(false);
  };

  const grid = (
    <DataGrid
      columns={gridColumns}
      rows={editing?.displayRows ?? rows}
      edit={editing?.layer}
      ariaLabel={`Rows of ${schema}.${name}`}
      sort={sort}
      onSortChange={setSort}
      height={520}
      onEndReached={data.hasNextPage && !data.isFetchingNextPage ? () => void data.fetchNextPage() : undefined}
      footer={data.isFetching ? 'Loading…' : data.hasNextPage ? '' : rows.length ? 'End of the rows.' : 'No rows match.'}
    />
  );

  return (
    <div className="schema-data-tab">
      <div className="schema-filters" aria-label="Filters">
        {draft.map((f, i) => (
          <div className="schema-filter-row" key={i}>
            <select
              aria-label="Column"
              value={f.column}
              onChange={(e) => setDraft(draft.map((d, j) => (j === i ? { ...d, column: e.target.value } : d)))}
            >
              {columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Operator"
              value={f.op}
              onChange={(e) => setDraft(draft.map((d, j) => (j === i ? { ...d, op: e.target.value as DataFilter['op'] } : d)))}
            >
              {filterOperators.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            {!NO_VALUE.has(f.op) && (
              <input
                aria-label="Value"
                value={f.value ?? ''}
                placeholder={f.op === 'in' ? 'a, b, c' : 'value'}
                onChange={(e) => setDraft(draft.map((d, j) => (j === i ? { ...d, value: e.target.value } : d)))}
                onKeyDown={(e) => e.key === 'Enter' && apply()}
              />
            )}
            <button aria-label="Remove filter" onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <div className="schema-filter-actions">
          <button onClick={() => setDraft([...draft, { column: columns[0]?.name ?? '', op: '=', value: '' }])} disabled={!columns.length}>
            Add filter
          </button>
          {draft.length > 1 && (
            <select aria-label="Combine filters" value={combine} onChange={(e) => setCombine(e.target.value as 'and' | 'or')}>
              <option value="and">all must match (AND)</option>
              <option value="or">any may match (OR)</option>
            </select>
          )}
          {(draft.length > 0 || applied.length > 0) && (
            <button className="primary" onClick={apply}>
              Apply
            </button>
          )}
          <span className="spacer" />
          <RowCount
            estimate={estimate.data?.count}
            exact={exact ? (exactCount.data?.count ?? undefined) : undefined}
            loadingExact={exact && exactCount.isFetching}
            onExact={() => setExact(true)}
          />
          <ExportControls start={(format, taskId) => exportData({ ...request, format, taskId })} />
        </div>
        {exactCount.error && <ErrorView error={exactCount.error} title="The exact count failed" />}
      </div>
      {first?.strategyNote && <p className="muted small">{first.strategyNote}</p>}
      {notEditable && <p className="muted small">{notEditable}</p>}
      {data.error ? (
        <ErrorView error={data.error} title="Could not read the rows" />
      ) : editing ? (
        <RowEditBar editing={editing} apply={applyEdits} onCommitted={reread}>
          {grid}
        </RowEditBar>
      ) : (
        grid
      )}
    </div>
  );
}

function RowCount({
  estimate,
  exact,
  loadingExact,
  onExact,
}: {
  /** undefined while loading; null when the table has no row statistics yet. */
  estimate: string | null | undefined;
  exact: string | undefined;
  loadingExact: boolean;
  onExact: () => void;
}) {
  if (exact !== undefined) return <span data-testid="row-count">{formatCount(exact)} rows (exact)</span>;
  return (
    <span className="schema-row-count">
      <span data-testid="row-count">
        {estimate === undefined
          ? '…'
          : estimate === null
            ? 'row count unknown (never vacuumed or analyzed)'
            : `≈ ${formatCount(estimate)} rows (planner estimate)`}
      </span>
      <button onClick={onExact} disabled={loadingExact}>
        {loadingExact ? 'Counting…' : 'Exact count'}
      </button>
    </span>
  );
}
