import { useState } from 'react';
import type { ViewDescription } from '../../../../shared/contract/schema';
import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { navigate } from '../../../lib/hash-route';
import { useDescribeView } from '../api/describe-view';
import { formatBytes } from '../../../../shared/domain/format';
import { objectPath } from '../object-route';
import { DataTab } from './DataTab';
import { Grid } from './Grid';

const kindOf = (kind: string) =>
  (kind === 'view' || kind === 'matview' || kind === 'foreign-table' ? kind : 'table') as 'view' | 'matview' | 'table' | 'foreign-table';

function DependencyList({ deps, empty }: { deps: ViewDescription['uses']; empty: string }) {
  return (
    <Grid
      head={['Object', 'Kind']}
      rows={deps.map((d) => {
        const path = objectPath({ schema: d.schema, kind: kindOf(d.kind), name: d.name });
        return [
          <a
            key="l"
            href={`#${path}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(path);
            }}
          >
            {d.schema}.{d.name}
          </a>,
          d.kind,
        ];
      })}
      empty={empty}
    />
  );
}

/** A view or materialized view: its query, columns and dependencies both ways. */
export function ViewPage({ connectionId, schema, name }: { connectionId: string; schema: string; name: string }) {
  const [tab, setTab] = useState<'Definition' | 'Dependencies' | 'Data'>('Definition');
  const view = useDescribeView(connectionId, schema, name);
  if (view.error) return <ErrorView error={view.error} title={`Could not read ${schema}.${name}`} />;
  if (!view.data)
    return (
      <p className="muted">
        Reading {schema}.{name}…
      </p>
    );
  const v = view.data;
  return (
    <article className="object-page" aria-label={`${v.kind} ${schema}.${name}`}>
      <header className="schema-object-header">
        <h2>
          {schema}.{name}
        </h2>
        <span className="badge">{v.kind === 'matview' ? 'materialized view' : 'view'}</span>
        <span className="muted">owner {v.owner}</span>
        {v.sizeBytes !== null && <span className="muted">{formatBytes(v.sizeBytes)}</span>}
        {v.populated === false && <span className="badge">not populated (needs REFRESH)</span>}
      </header>
      {v.comment && <p className="schema-object-comment">{v.comment}</p>}
      <nav className="tabs" role="tablist">
        {(['Definition', 'Dependencies', 'Data'] as const).map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel" aria-label={tab}>
        {tab === 'Definition' && (
          <>
            <CodeView code={v.ddl} label="Definition (read-only)" height={280} />
            <h3>Columns</h3>
            <Grid head={['Name', 'Type']} rows={v.columns.map((c) => [c.name, c.type])} empty="No columns." />
          </>
        )}
        {tab === 'Dependencies' && (
          <>
            <h3>Reads from</h3>
            <DependencyList deps={v.uses} empty="It reads no relation (constants or functions only)." />
            <h3>Read by</h3>
            <DependencyList deps={v.usedBy} empty="No view or materialized view reads it." />
          </>
        )}
        {tab === 'Data' &&
          (v.populated === false ? (
            <p className="muted">This materialized view has no data until it is refreshed.</p>
          ) : (
            <DataTab connectionId={connectionId} schema={schema} name={name} columns={v.columns} />
          ))}
      </div>
    </article>
  );
}
