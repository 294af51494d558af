import { useState } from 'react';
import type { Matview } from '../../../../shared/contract/matviews';
import { formatBytes, formatDateTime, formatMs } from '../../../../shared/domain/format';
import { DataTable } from '../../../components/table/DataTable';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { RequireConnection } from '../../../components/RequireConnection';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { quoteQualified } from '../../../../shared/domain/quote-ident';
import { newTaskId } from '../../../lib/task-id';
import { useTaskProgress } from '../../../lib/task-store';
import { useMatviews } from '../api/list-matviews';
import { useRefreshMatviews } from '../api/refresh-matview';

type Pending = { kind: 'one'; view: Matview; concurrently: boolean } | { kind: 'all' };

export function MatviewsPage() {
  return (
    <RequireConnection title="Materialized views">
      {(connectionId) => <Matviews key={connectionId} connectionId={connectionId} />}
    </RequireConnection>
  );
}

/** Materialized views: eligibility for CONCURRENTLY, dependencies, last refresh, refresh with progress. */
function Matviews({ connectionId }: { connectionId: string }) {
  const list = useMatviews(connectionId);
  const refresh = useRefreshMatviews(connectionId);
  const [pending, setPending] = useState<Pending | undefined>();
  const [taskId, setTaskId] = useState<string | undefined>();
  const [open, setOpen] = useState<number | undefined>();
  const progress = useTaskProgress(taskId);
  const running = progress?.state === 'running';
  const views = list.data?.matviews ?? [];

  const start = (p: Pending) => {
    const id = newTaskId();
    setTaskId(id);
    if (p.kind === 'all') refresh.all.mutate({ taskId: id });
    else refresh.one.mutate({ taskId: id, schema: p.view.schema, name: p.view.name, mode: p.concurrently ? 'concurrently' : 'plain' });
  };

  return (
    <section className="page matviews-page">
      <header className="page-header">
        <h1>Materialized views</h1>
        <button className="primary" disabled={!views.length || running} onClick={() => setPending({ kind: 'all' })}>
          Refresh all…
        </button>
      </header>
      <p className="muted">
        Last refresh and its duration are those made by this console, read from its audit log (PostgreSQL itself does not record refreshes).
      </p>
      <TaskProgressBar progress={progress} onCancel={() => taskId && refresh.cancel.mutate(taskId)} />
      {(refresh.one.error ?? refresh.all.error) && (
        <ErrorView title="The refresh did not complete" error={refresh.one.error ?? refresh.all.error} />
      )}
      {list.error && <ErrorView title="Could not list materialized views" error={list.error} />}
      {list.data && views.length === 0 && <p>This database has no materialized views.</p>}
      {views.length > 0 && (
        <DataTable
          rows={views}
          columns={[
            {
              id: 'view',
              header: 'View',
              value: (m) => `${m.schema}.${m.name}`,
              cell: (m) => (
                <button className="link" onClick={() => setOpen(open === m.oid ? undefined : m.oid)} aria-expanded={open === m.oid}>
                  {m.schema}.{m.name}
                </button>
              ),
            },
            {
              id: 'size',
              header: 'Total size',
              headerTitle: 'table + indexes + TOAST (pg_total_relation_size)',
              numeric: true,
              value: (m) => m.bytes,
              cell: (m) => formatBytes(m.bytes),
            },
            {
              id: 'populated',
              header: 'Populated',
              value: (m) => m.populated,
              cell: (m) => (m.populated ? 'yes' : <span className="level-warning">no</span>),
            },
            {
              id: 'concurrently',
              header: 'CONCURRENTLY',
              value: (m) => m.canRefreshConcurrently,
              cell: (m) =>
                m.canRefreshConcurrently ? (
                  <span className="level-ok">possible</span>
                ) : (
                  <span title={m.concurrentlyBlocker ?? ''}>not possible ⓘ</span>
                ),
            },
            { id: 'reads', header: 'Reads', value: (m) => m.dependsOn.map((d) => `${d.schema}.${d.name}`).join(', ') },
            {
              id: 'refresh',
              header: 'Last refresh',
              className: 'last-refresh',
              value: (m) => m.lastRefresh?.at ?? null,
              cell: (m) =>
                m.lastRefresh ? `${formatDateTime(m.lastRefresh.at)} · ${formatMs(m.lastRefresh.durationMs)}` : 'not by this console',
            },
            {
              id: 'actions',
              header: 'Actions',
              sortable: false,
              className: 'row-actions',
              value: () => null,
              cell: (m) => (
                <button disabled={running} onClick={() => setPending({ kind: 'one', view: m, concurrently: m.canRefreshConcurrently })}>
                  Refresh…
                </button>
              ),
            },
          ]}
          rowKey={(m) => String(m.oid)}
          ariaLabel="Materialized views"
          className="matviews-table"
          renderDetail={(m) =>
            open === m.oid ? (
              <div className="matview-detail">
                <p>
                  Owner {m.owner} · unique indexes: {m.uniqueIndexes.join(', ') || 'none'}
                  {m.concurrentlyBlocker ? ` · ${m.concurrentlyBlocker}` : ''}
                </p>
                {m.dependents.length > 0 && <p>Refresh after this one: {m.dependents.map((d) => `${d.schema}.${d.name}`).join(', ')}</p>}
                <CodeView code={m.definition} label="Definition" height={180} />
              </div>
            ) : null
          }
        />
      )}
      {pending && (
        <ConfirmDialog
          title={
            pending.kind === 'all'
              ? `Refresh all ${views.length} materialized views?`
              : `Refresh ${pending.view.schema}.${pending.view.name}?`
          }
          confirmLabel="Refresh"
          danger={pending.kind === 'one' ? !pending.concurrently : views.some((v) => !v.canRefreshConcurrently)}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            start(pending);
            setPending(undefined);
          }}
        >
          {pending.kind === 'one' ? <RefreshNote view={pending.view} /> : <AllNote views={views} />}
        </ConfirmDialog>
      )}
    </section>
  );
}

function RefreshNote({ view }: { view: Matview }) {
  const statement = `REFRESH MATERIALIZED VIEW${view.canRefreshConcurrently ? ' CONCURRENTLY' : ''} ${quoteQualified(view.schema, view.name)}`;
  return (
    <>
      <p>
        <code>{statement}</code>
      </p>
      {view.canRefreshConcurrently ? (
        <p>
          CONCURRENTLY: readers keep seeing the old rows until it finishes (it takes an EXCLUSIVE lock, which blocks only other refreshes
          and writes).
        </p>
      ) : (
        <p>
          <strong>Plain refresh:</strong> it takes an ACCESS EXCLUSIVE lock, so <strong>every read of this view waits</strong> until it
          finishes. {view.concurrentlyBlocker}
        </p>
      )}
    </>
  );
}

function AllNote({ views }: { views: Matview[] }) {
  const plain = views.filter((v) => !v.canRefreshConcurrently);
  return (
    <>
      <p>One after another in dependency order (a view after those it reads), as one task you can cancel.</p>
      {plain.length > 0 && (
        <p>
          <strong>Plain refresh (readers wait) for:</strong> {plain.map((v) => `${v.schema}.${v.name}`).join(', ')}.
        </p>
      )}
    </>
  );
}
