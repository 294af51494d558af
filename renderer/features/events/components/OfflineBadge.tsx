import { formatDateTime } from '../../../../shared/domain/format';
/** Shown over data kept from the last successful load when the database cannot be reached. */
export function OfflineBadge({ updatedAt, reason }: { updatedAt: number; reason?: string }) {
  return (
    <p className="offline-badge" role="status" title={reason}>
      offline — as of {formatDateTime(updatedAt)}
      {reason ? <span className="offline-reason"> · {reason}</span> : null}
    </p>
  );
}
