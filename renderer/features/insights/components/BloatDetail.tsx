import { useState } from 'react';
import type { BloatRow } from '../../../../shared/contract/insights';
import { formatPercent } from '../../../../shared/domain/format';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorView } from '../../../components/ErrorView';
import { TaskProgressBar } from '../../../components/TaskProgressBar';
import { useCreateExtension } from '../api/create-extension';
import { useExactBloat } from '../api/exact-bloat';
import { useMaintenanceTask } from '../hooks/use-maintenance-task';
import { MaintenanceConfirm, type MaintenanceVerb } from './MaintenanceConfirm';

const VERB_OF: Record<string, MaintenanceVerb | undefined> = {
  'VACUUM (ANALYZE)': 'vacuum',
  'VACUUM FULL': 'vacuum-full',
  'REINDEX CONCURRENTLY': 'reindex-index',
};

/** One relation's suggested fixes (runnable), and exact figures on request. */
export function BloatDetail({
  connectionId,
  row,
  pgstattupleInstalled,
  pgstattupleAvailable,
}: {
  connectionId: string;
  row: BloatRow;
  pgstattupleInstalled: boolean;
  pgstattupleAvailable: boolean;
}) {
  const task = useMaintenanceTask(connectionId);
  const exact = useExactBloat(connectionId);
  const createExt = useCreateExtension(connectionId);
  const [confirm, setConfirm] = useState<{ verb: MaintenanceVerb; sql: string } | undefined>();
  const [confirmExact, setConfirmExact] = useState<'pgstattuple' | 'pgstattuple_approx' | 'pgstatindex' | undefined>();
  const name = row.kind === 'index' ? row.index! : row.table;

  const run = (verb: MaintenanceVerb, confirmDatabase?: string) => {
    if (verb === 'vacuum') task.start({ kind: 'vacuum', schema: row.schema, name: row.table, analyze: true });
    else if (verb === 'vacuum-full')
      task.start({ kind: 'vacuum', schema: row.schema, name: row.table, analyze: true, full: true, confirmDatabase });
    else task.start({ kind: 'reindex', schema: row.schema, name, target: 'index', concurrently: true });
  };

  return (
    <section className="detail-panel" aria-label="Bloat detail">
      <h2>
        {row.schema}.{name}
      </h2>
      <h3>Suggested fixes</h3>
      <ul className="insights-fixes">
        {row.fixes.map((f) => {
          const verb = VERB_OF[f.label];
          return (
            <li key={f.label}>
              <code>{f.sql}</code> <span className="muted">{f.note}</span>{' '}
              {verb && (
                <button onClick={() => setConfirm({ verb, sql: f.sql })} disabled={task.running}>
                  Run…
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <TaskProgressBar progress={task.progress} onCancel={task.cancel} />
      {task.error && <ErrorView title="Maintenance did not complete" error={task.error} />}
      <h3>Exact figures</h3>
      {!pgstattupleInstalled && (
        <p>
          Exact figures need the pgstattuple extension.{' '}
          {pgstattupleAvailable ? (
            <button onClick={() => createExt.mutate('pgstattuple')} disabled={createExt.isPending}>
              CREATE EXTENSION pgstattuple
            </button>
          ) : (
            'It is not installed on this server (contrib modules).'
          )}
        </p>
      )}
      {createExt.error && <ErrorView title="CREATE EXTENSION failed" error={createExt.error} />}
      {(pgstattupleInstalled || createExt.isSuccess) && (
        <div className="toolbar">
          {row.kind === 'table' ? (
            <>
              <button onClick={() => setConfirmExact('pgstattuple_approx')}>pgstattuple_approx…</button>
              <button onClick={() => setConfirmExact('pgstattuple')}>pgstattuple…</button>
            </>
          ) : (
            <button onClick={() => setConfirmExact('pgstatindex')}>pgstatindex…</button>
          )}
          {exact.isPending && <span className="muted">Reading the relation…</span>}
        </div>
      )}
      {exact.error && <ErrorView title="Exact bloat failed" error={exact.error} />}
      {exact.data && (
        <>
          <p>
            {exact.data.method}: wasted {formatPercent(exact.data.wastedRatio)} (estimate was {formatPercent(row.wastedRatio)})
          </p>
          <dl className="fields-grid">
            {exact.data.fields.map((f) => (
              <div key={f.name}>
                <dt>{f.name}</dt>
                <dd>{f.value ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {confirm && (
        <MaintenanceConfirm
          connectionId={connectionId}
          verb={confirm.verb}
          target={`${row.schema}.${name}`}
          statement={confirm.sql}
          onCancel={() => setConfirm(undefined)}
          onConfirm={(typed) => {
            run(confirm.verb, typed);
            setConfirm(undefined);
          }}
        />
      )}
      {confirmExact && (
        <ConfirmDialog
          title={`Read ${row.schema}.${name} with ${confirmExact}?`}
          confirmLabel="Read it"
          onCancel={() => setConfirmExact(undefined)}
          onConfirm={() => {
            exact.mutate({ oid: row.oid, method: confirmExact });
            setConfirmExact(undefined);
          }}
        >
          <p>
            {confirmExact === 'pgstattuple_approx'
              ? 'pgstattuple_approx skips pages the visibility map marks all-visible, so it is much cheaper, but still reads every other page.'
              : `${confirmExact} reads every page of the relation: on a large one this is slow and adds I/O load, though it blocks nobody.`}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
