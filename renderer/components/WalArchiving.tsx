import './ui.css';
import type { WalArchiving as Wal } from '../../shared/contract/backups';
import { formatCount, formatDateTime } from '../../shared/domain/format';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : 'never');

/** WAL archiving (point-in-time recovery) from pg_stat_archiver: off, archiving, or failing. Shown in Health and on Backups. */
export function WalArchiving({ wal }: { wal: Wal }) {
  const failing = wal.lastFailedTime !== null && (wal.lastArchivedTime === null || wal.lastFailedTime > wal.lastArchivedTime);
  const level = wal.archiveMode === 'off' ? 'warning' : failing ? 'critical' : 'ok';
  return (
    <section className="wal-archiving" aria-label="WAL archiving">
      <h2>WAL archiving</h2>
      <p className={`level-${level}`}>
        {wal.archiveMode === 'off'
          ? 'archive_mode is off: no point-in-time recovery, only the dumps.'
          : failing
            ? `Archiving is failing: ${wal.lastFailedWal ?? ''} failed at ${when(wal.lastFailedTime)}.`
            : `archive_mode ${wal.archiveMode}: archiving.`}
      </p>
      <dl className="wal-archiving-facts">
        <dt>Last archived</dt>
        <dd>
          {wal.lastArchivedWal ?? '—'} ({when(wal.lastArchivedTime)})
        </dd>
        <dt>Archived</dt>
        <dd>{formatCount(wal.archivedCount)} segments</dd>
        <dt>Failures</dt>
        <dd>
          {formatCount(wal.failedCount)}
          {wal.lastFailedWal ? ` (last ${wal.lastFailedWal} at ${when(wal.lastFailedTime)})` : ''}
        </dd>
        <dt>Counters since</dt>
        <dd>{when(wal.statsReset)}</dd>
      </dl>
    </section>
  );
}
