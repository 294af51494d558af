import { useState } from 'react';
import type { TableDescription } from '../../../../shared/contract/schema';
import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { navigate } from '../../../lib/hash-route';
import { useDescribeTable } from '../api/describe-table';
import { useTableDdl } from '../api/table-ddl';
import { formatBytes, formatCount, formatDateTime, formatPercent } from '../../../../shared/domain/format';
import { formatDistinct } from '../format';
import { objectPath } from '../object-route';
import { DataTab } from './DataTab';
import { Grid } from './Grid';

const TABS = ['Columns', 'Constraints', 'Indexes', 'Foreign keys', 'Triggers', 'Policies', 'Privileges', 'Storage', 'DDL', 'Data'] as const;
type Tab = (typeof TABS)[number];

const yes = (b: boolean) => (b ? 'yes' : '');

function TableLink({ schema, name }: { schema: string; name: string }) {
  const path = objectPath({ schema, kind: 'table', name });
  return (
    <a
      href={`#${path}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {schema}.{name}
    </a>
  );
}

/** A table page: one catalog read for everything but the DDL and the data, which load when opened. */
export function TablePage({ connectionId, schema, name }: { connectionId: string; schema: string; name: string }) {
  const [tab, setTab] = useState<Tab>('Columns');
  const table = useDescribeTable(connectionId, schema, name);
  if (table.error) return <ErrorView error={table.error} title={`Could not read ${schema}.${name}`} />;
  if (!table.data)
    return (
      <p className="muted">
        Reading {schema}.{name}…
      </p>
    );
  const t = table.data;
  const counts: Partial<Record<Tab, number>> = {
    Columns: t.columns.length,
    Constraints: t.constraints.length,
    Indexes: t.indexes.length,
    'Foreign keys': t.foreignKeys.outgoing.length + t.foreignKeys.incoming.length,
    Triggers: t.triggers.length,
    Policies: t.policies.length,
  };
  return (
    <article className="object-page" aria-label={`${t.kind} ${schema}.${name}`}>
      <header className="schema-object-header">
        <h2>
          {schema}.{name}
        </h2>
        <span className="badge">{t.kind}</span>
        <span className="muted">owner {t.owner}</span>
        <span className="muted">
          {t.storage.estimatedRows === null
            ? 'row count unknown (never vacuumed or analyzed)'
            : `≈ ${formatCount(t.storage.estimatedRows)} rows`}
        </span>
        <span className="muted" title="table + indexes + TOAST">
          {formatBytes(t.storage.totalBytes)} total
        </span>
        {t.rowSecurity && <span className="badge">row security{t.forceRowSecurity ? ' (forced)' : ''}</span>}
      </header>
      {t.comment && <p className="schema-object-comment">{t.comment}</p>}
      {t.partition && (
        <p className="muted">
          {t.partition.key && `Partitioned by ${t.partition.key}, ${formatCount(t.partition.partitionCount)} partitions. `}
          {t.partition.parent && (
            <>
              Partition of <TableLink {...t.partition.parent} /> {t.partition.bound}.
            </>
          )}
        </p>
      )}
      <nav className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>
            {name}
            {counts[name] !== undefined && <span className="muted"> {counts[name]}</span>}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel" aria-label={tab}>
        {tab === 'DDL' ? (
          <DdlTab connectionId={connectionId} schema={schema} name={name} />
        ) : tab === 'Data' ? (
          <DataTab connectionId={connectionId} schema={schema} name={name} columns={t.columns} />
        ) : (
          <Section tab={tab} t={t} />
        )}
      </div>
    </article>
  );
}

function DdlTab({ connectionId, schema, name }: { connectionId: string; schema: string; name: string }) {
  const ddl = useTableDdl(connectionId, schema, name);
  if (ddl.error) return <ErrorView error={ddl.error} title="Could not rebuild the DDL" />;
  if (!ddl.data) return <p className="muted">Rebuilding the DDL from the catalog…</p>;
  return <CodeView code={ddl.data.ddl} label="DDL rebuilt from the catalog (read-only)" height={480} />;
}

function Section({ tab, t }: { tab: Exclude<Tab, 'DDL' | 'Data'>; t: TableDescription }) {
  switch (tab) {
    case 'Columns':
      return (
        <Grid
          head={['#', 'Name', 'Type', 'Not null', 'Default', 'Null %', 'Distinct', 'Comment']}
          rows={t.columns.map((c) => [
            c.position,
            <>
              {c.name}
              {c.inPrimaryKey && <span className="badge">PK</span>}
            </>,
            c.type + (c.collation ? ` COLLATE ${c.collation}` : ''),
            yes(c.notNull),
            c.identity ? `identity (${c.identity})` : c.generated ? `generated: ${c.generated}` : (c.default ?? ''),
            formatPercent(c.nullFraction),
            formatDistinct(c.distinctEstimate),
            c.comment ?? '',
          ])}
          empty="No columns."
          note="Null % and distinct values come from pg_stats (the last ANALYZE); — means no statistics yet."
        />
      );
    case 'Constraints':
      return (
        <Grid
          head={['Name', 'Type', 'Definition', 'Validated', 'Deferrable']}
          rows={t.constraints.map((c) => [
            c.name,
            c.type,
            <code key="d">{c.definition}</code>,
            c.validated ? 'yes' : 'NOT VALID',
            c.deferrable ? (c.deferred ? 'initially deferred' : 'yes') : '',
          ])}
          empty="No constraints."
        />
      );
    case 'Indexes':
      return (
        <Grid
          head={['Name', 'Definition', 'Size', 'Scans', 'Valid', 'Unique', 'Partial']}
          rows={t.indexes.map((i) => [
            <>
              {i.name}
              {i.primary && <span className="badge">PK</span>}
            </>,
            <code key="d">{i.definition}</code>,
            formatBytes(i.sizeBytes),
            formatCount(i.scans),
            i.valid ? 'yes' : <strong className="status-error">INVALID</strong>,
            yes(i.unique),
            yes(i.partial),
          ])}
          empty="No indexes."
        />
      );
    case 'Foreign keys':
      return (
        <>
          <h3>References (this table → others)</h3>
          <Grid
            head={['Name', 'Columns', 'References', 'On update', 'On delete']}
            rows={t.foreignKeys.outgoing.map((f) => [
              f.name,
              f.fromColumns.join(', '),
              <TableLink key="t" schema={f.toSchema} name={f.toTable} />,
              f.onUpdate,
              f.onDelete,
            ])}
            empty="This table references no other table."
          />
          <h3>Referenced by (others → this table)</h3>
          <Grid
            head={['Name', 'From table', 'Columns', 'On update', 'On delete']}
            rows={t.foreignKeys.incoming.map((f) => [
              f.name,
              <TableLink key="t" schema={f.fromSchema} name={f.fromTable} />,
              f.fromColumns.join(', '),
              f.onUpdate,
              f.onDelete,
            ])}
            empty="No table references this one."
          />
        </>
      );
    case 'Triggers':
      return (
        <Grid
          head={['Name', 'Definition', 'Enabled']}
          rows={t.triggers.map((x) => [x.name, <code key="d">{x.definition}</code>, x.enabled])}
          empty="No triggers."
        />
      );
    case 'Policies':
      return (
        <Grid
          head={['Name', 'Type', 'Command', 'Roles', 'Using', 'With check']}
          rows={t.policies.map((p) => [
            p.name,
            p.permissive ? 'permissive' : 'restrictive',
            p.command,
            p.roles.join(', '),
            <code key="u">{p.using ?? ''}</code>,
            <code key="w">{p.withCheck ?? ''}</code>,
          ])}
          empty={
            t.rowSecurity
              ? 'Row security is on but there are no policies: only the owner (and BYPASSRLS roles) see rows.'
              : 'No policies (row security is off).'
          }
        />
      );
    case 'Privileges':
      return (
        <Grid
          head={['Grantee', 'Privilege', 'Grantable', 'Grantor']}
          rows={t.privileges.map((p) => [p.grantee, p.privilege, yes(p.grantable), p.grantor])}
          empty="No privileges."
        />
      );
    case 'Storage': {
      const s = t.storage;
      return (
        <Grid
          head={['', '']}
          rows={[
            ['Table (heap)', formatBytes(s.heapBytes)],
            ['TOAST', formatBytes(s.toastBytes)],
            ['Indexes', formatBytes(s.indexBytes)],
            ['Total (table + TOAST + indexes)', formatBytes(s.totalBytes)],
            ['Rows (planner estimate)', formatCount(s.estimatedRows)],
            ['Live / dead tuples', `${formatCount(s.liveTuples)} / ${formatCount(s.deadTuples)}`],
            ['Last vacuum / autovacuum', `${formatDateTime(s.lastVacuum, 'never')} / ${formatDateTime(s.lastAutovacuum, 'never')}`],
            ['Last analyze / autoanalyze', `${formatDateTime(s.lastAnalyze, 'never')} / ${formatDateTime(s.lastAutoanalyze, 'never')}`],
            ['Persistence', s.persistence],
            ['Tablespace', s.tablespace ?? 'default'],
            ['Options', s.options.join(', ') || '—'],
          ]}
          empty=""
          note={
            t.kind === 'partitioned table'
              ? 'A partitioned table stores nothing itself: sizes, rows and tuples here are the sums over its leaf partitions.'
              : undefined
          }
        />
      );
    }
  }
}
