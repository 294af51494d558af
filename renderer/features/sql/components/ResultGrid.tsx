import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ResultSet } from '../../../../shared/contract/query';
import { DataGrid, type Cell } from '../../../components/data-grid/DataGrid';
import { ErrorView } from '../../../components/ErrorView';
import { RowEditBar } from '../../../components/row-edit/RowEditBar';
import { rowsAfterCommit } from '../../../components/row-edit/staged-edits';
import { useTableEditing } from '../../../components/row-edit/use-table-editing';
import { fetchMore } from '../api/fetch-more';
import { formatCount } from '../../../../shared/domain/format';

/** Rows kept in the page before asking: scrolling stops fetching here until "Fetch all". */
export const ROW_CAP = 10_000;
const PAGE = 1_000;
// 5,000: larger batches survive young-generation GC and cost more CPU to decode (measured: about a
// quarter less CPU per million rows than batches of 20,000).
const FETCH_ALL_PAGE = 5_000;

/** A result set that keeps streaming from its server-side cursor as you scroll, up to a cap. */
export function ResultGrid({ connectionId, result }: { connectionId: string; result: ResultSet }) {
  const [rows, setRows] = useState<Cell[][]>(result.rows);
  const [hasMore, setHasMore] = useState(result.hasMore);
  const [loading, setLoading] = useState(false);
  const [fetchingAll, setFetchingAll] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const stopAll = useRef(false);

  const load = useCallback(
    async (count: number) => {
      if (!result.id || busy.current) return false;
      busy.current = true;
      setLoading(true);
      try {
        const more = await fetchMore(connectionId, result.id, count);
        setRows((prev) => prev.concat(more.rows));
        setHasMore(more.hasMore);
        return more.hasMore;
      } catch (err) {
        setError(err);
        setHasMore(false);
        return false;
      } finally {
        busy.current = false;
        setLoading(false);
      }
    },
    [connectionId, result.id],
  );

  useEffect(() => () => void (stopAll.current = true), []);

  const fetchAll = async () => {
    setFetchingAll(true);
    stopAll.current = false;
    while (!stopAll.current && (await load(FETCH_ALL_PAGE))) {
      // keep going until the cursor is exhausted or the user stops
    }
    setFetchingAll(false);
  };

  // Rows of one table with its key can be edited in place (result.source names the table).
  const source = result.source;
  const target = useMemo(() => (source ? { connectionId, schema: source.schema, table: source.table } : null), [connectionId, source]);
  const sourceColumns = useMemo(() => (source?.columns ?? []).map((name) => ({ name })), [source]);
  const { editing, notEditable, apply } = useTableEditing(target, sourceColumns, rows);

  const capped = rows.length >= ROW_CAP;
  const footer = error ? (
    <ErrorView error={error} title="Could not fetch more rows" />
  ) : loading && !fetchingAll ? (
    'Loading more rows…'
  ) : result.truncated ? (
    'Only the first page is kept for a statement that is not the last of its run: run it alone to page through everything.'
  ) : hasMore && capped ? (
    <span>
      {formatCount(rows.length)} rows loaded (the scroll limit).{' '}
      {fetchingAll ? (
        <button onClick={() => (stopAll.current = true)}>Stop ({formatCount(rows.length)} so far)</button>
      ) : (
        <button onClick={() => void fetchAll()}>Fetch all</button>
      )}
    </span>
  ) : hasMore ? (
    'Scroll for more rows.'
  ) : (
    'All rows.'
  );

  const grid = (
    <DataGrid
      columns={result.columns}
      rows={editing?.displayRows ?? rows}
      edit={editing?.layer}
      ariaLabel="Query results"
      onEndReached={hasMore && !capped && !loading ? () => void load(PAGE) : undefined}
      footer={
        notEditable && source ? (
          <>
            {footer} <span className="muted">{notEditable}</span>
          </>
        ) : (
          footer
        )
      }
      height={editing && source ? 'auto' : '100%'}
    />
  );
  if (!editing || !source) return grid;
  return (
    <RowEditBar
      fill
      editing={editing}
      apply={apply}
      onCommitted={(committed) =>
        committed && setRows((current) => rowsAfterCommit(current, editing.info.key, source.columns, committed.staged, committed.result))
      }
    >
      {grid}
    </RowEditBar>
  );
}
