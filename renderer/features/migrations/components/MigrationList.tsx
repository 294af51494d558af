import { useMemo, useState } from 'react';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { formatDateTime, formatMs } from '../../../../shared/domain/format';
import { countStatuses, filterMigrations, statusesOf, statusLabels, type ListStatus } from '../model/list-filter';

const when = (t: string | null) => (t ? formatDateTime(t) : '');

/** Every migration of the folder and of the history, with its state; filter by state, search by words. */
export function MigrationList({
  rows,
  loading,
  selected,
  onSelect,
}: {
  rows: MigrationRow[];
  loading: boolean;
  selected: MigrationRow | undefined;
  onSelect: (row: MigrationRow) => void;
}) {
  const [status, setStatus] = useState<ListStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const counts = useMemo(() => countStatuses(rows), [rows]);
  const shown = useMemo(() => filterMigrations(rows, { status, search }), [rows, status, search]);
  return (
    <div className="migration-list">
      <div className="toolbar">
        <input type="search" placeholder="Search version, name, file, who" aria-label="Search migrations" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as ListStatus | 'all')}>
          <option value="all">All ({rows.length})</option>
          {(Object.keys(statusLabels) as ListStatus[])
            .filter((s) => counts[s])
            .map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]} ({counts[s]})
              </option>
            ))}
        </select>
      </div>
      {loading && <p className="muted">Reading the folder and the history…</p>}
      <div className="table-scroll">
        <table className="data-table" aria-label="Migrations">
          <thead>
            <tr>
              <th>Version</th>
              <th>Name</th>
              <th>Status</th>
              <th>Applied by</th>
              <th>Applied at</th>
              <th className="num">Duration</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const key = r.status === 'repeatable' ? `R:${r.name}` : r.version;
              const active = selected === r;
              return (
                <tr key={key} aria-label={`${r.version} ${r.name}`} aria-selected={active} className={active ? 'selected' : undefined} onClick={() => onSelect(r)}>
                  <td>
                    <button className="link" onClick={() => onSelect(r)}>
                      {r.version || 'R'}
                    </button>
                  </td>
                  <td>{r.name}</td>
                  <td>
                    {statusesOf(r).map((s) => (
                      <span key={s} className={`badge migration-status migration-status-${s}`}>
                        {statusLabels[s]}
                      </span>
                    ))}
                  </td>
                  <td>{r.appliedBy}</td>
                  <td>{when(r.appliedAt)}</td>
                  <td className="num">{r.durationMs !== null ? formatMs(r.durationMs) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!loading && rows.length > 0 && shown.length === 0 && <p className="muted">No migration matches the filter.</p>}
    </div>
  );
}
