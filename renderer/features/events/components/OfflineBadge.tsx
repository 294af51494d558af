/** Shown over data kept from the last successful load when the database cannot be reached. */
export function OfflineBadge({ updatedAt, reason }: { updatedAt: number; reason?: string }) {
  return (
    <p className="offline-badge" role="status" title={reason}>
      offline — as of {new Date(updatedAt).toLocaleString()}
      {reason ? <span className="offline-reason"> · {reason}</span> : null}
    </p>
  );
}
