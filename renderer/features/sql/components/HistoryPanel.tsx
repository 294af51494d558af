import { useEffect, useState } from 'react';
import { ErrorView } from '../../../components/ErrorView';
import { useQueryHistory } from '../api/query-history';
import { formatDateTime } from '../../../../shared/domain/format';

/** What was run on this connection, newest first, searchable; a click opens it in a new tab. */
export function HistoryPanel({ connectionId, onOpen }: { connectionId: string; onOpen: (sql: string) => void }) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const history = useQueryHistory(connectionId, search);
  return (
    <aside className="sql-history-panel" aria-label="Query history">
      <input
        type="search"
        placeholder="Search history"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Search history"
      />
      {history.error && <ErrorView error={history.error} title="Could not read the history" />}
      <ul>
        {history.data?.entries.map((e) => (
          <li key={e.id}>
            <button onClick={() => onOpen(e.sql)} title="Open in a new tab">
              <span className={`sql-history-outcome ${e.outcome}`}>{e.outcome}</span>
              <span className="muted">
                {formatDateTime(e.at)} · {Math.round(e.durationMs)} ms{e.readOnly ? ' · read-only' : ''}
              </span>
              <code>{e.sql.length > 300 ? `${e.sql.slice(0, 300)}…` : e.sql}</code>
              {e.error && <span className="status-error">{e.error}</span>}
            </button>
          </li>
        ))}
      </ul>
      {history.data && !history.data.entries.length && <p className="muted">{search ? 'Nothing matches.' : 'Nothing run yet.'}</p>}
    </aside>
  );
}
