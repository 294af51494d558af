import { ErrorView } from '../../../components/ErrorView';
import { WalArchiving } from '../../../components/WalArchiving';
import { useWalArchiving } from '../api/wal-archiving';

export function WalArchivingPanel({ connectionId }: { connectionId: string }) {
  const wal = useWalArchiving(connectionId);
  if (wal.error) return <ErrorView title="Could not read WAL archiving" error={wal.error} />;
  return wal.data ? (
    <div className="backups-wal">
      <WalArchiving wal={wal.data} />
    </div>
  ) : null;
}
