import '../ui.css';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Delivery, ExportResult } from '../../../shared/contract/exports';
import { formatBytes, formatCount } from '../../../shared/domain/format';
import { deliverLabel, useDeliverExport } from '../../lib/deliver-export';
import { hostKind } from '../../lib/rpc';
import { newTaskId } from '../../lib/task-id';
import { useTaskProgress } from '../../lib/task-store';
import { ErrorView } from '../ErrorView';

type Format = 'csv' | 'json';

/**
 * Export CSV / Export JSON for a result: the server streams every row to a file with progress,
 * then the user takes the file with "Save as…" (desktop: a native dialog) or "Download"
 * (browser mode: a one-time link). `start` runs the feature's export call.
 */
export function ExportControls({ start, title }: { start: (format: Format, taskId: string) => Promise<ExportResult>; title?: string }) {
  const [taskId, setTaskId] = useState<string | undefined>();
  const progress = useTaskProgress(taskId);
  const exporter = useMutation({ mutationFn: ({ format, id }: { format: Format; id: string }) => start(format, id) });
  const deliver = useDeliverExport();
  const run = (format: Format) => {
    const id = newTaskId();
    setTaskId(id);
    deliver.reset();
    exporter.mutate({ format, id });
  };
  const done = exporter.data;
  return (
    <span className="export-controls">
      <button onClick={() => run('csv')} disabled={exporter.isPending} title={title}>
        Export CSV
      </button>
      <button onClick={() => run('json')} disabled={exporter.isPending} title={title}>
        Export JSON
      </button>
      {exporter.isPending && (
        <span className="muted" role="status">
          {progress?.state === 'running'
            ? `${progress.detail ?? ''}${progress.fraction !== null ? ` (${Math.round(progress.fraction * 100)}%)` : ''}`
            : 'Exporting…'}
        </span>
      )}
      {done && !exporter.isPending && (
        <>
          <span className="export-done" data-testid="export-done">
            {formatCount(done.rows)} rows exported ({formatBytes(done.bytes)})
            {hostKind === 'electron' && (
              <>
                {' '}
                to <code>{done.path}</code>
              </>
            )}
          </span>
          <button className="primary" onClick={() => deliver.mutate(done.exportId)} disabled={deliver.isPending}>
            {deliverLabel}
          </button>
          {deliver.data && <DeliveryNote delivery={deliver.data} />}
        </>
      )}
      {exporter.error && <ErrorView error={exporter.error} title="Export failed" />}
      {deliver.error && <ErrorView error={deliver.error} title="Could not hand over the export" />}
    </span>
  );
}

function DeliveryNote({ delivery }: { delivery: Delivery }) {
  switch (delivery.kind) {
    case 'saved':
      return (
        <span className="export-note" role="status">
          Saved to <code>{delivery.path}</code>
        </span>
      );
    case 'cancelled':
      return (
        <span className="export-note muted" role="status">
          Not saved.
        </span>
      );
    case 'download':
      return (
        <span className="export-note muted" role="status">
          Downloading {delivery.fileName}. The link works once, for 2 minutes: if the browser reports the download as failed, the link
          expired or was used — click Download again.
        </span>
      );
    case 'file':
      return (
        <span className="export-note" role="status">
          The file is at <code>{delivery.path}</code>
        </span>
      );
  }
}
