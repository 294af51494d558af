import type { ObjectKind } from '../../../../shared/contract/schema';
import type { TypeDescription } from '../../../../shared/contract/schema-objects';
import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { useDescribeType } from '../api/describe-type';
import { formatCount } from '../../../../shared/domain/format';
import { Grid } from './Grid';
import { ObjectLink } from './ObjectLink';

const pageKindOf: Record<string, ObjectKind> = {
  table: 'table',
  'partitioned table': 'table',
  view: 'view',
  'materialized view': 'matview',
  'foreign table': 'foreign-table',
  'composite type': 'type',
};

/** What the type is made of, by kind. */
function Definition({ t }: { t: TypeDescription }) {
  switch (t.kind) {
    case 'enum':
      return (
        <>
          <h3>Labels</h3>
          <ol className="schema-type-labels" aria-label="Enum labels">
            {t.labels.map((l) => (
              <li key={l}>
                <code>{l}</code>
              </li>
            ))}
          </ol>
          <p className="muted small">In sort order: comparisons and ORDER BY follow this order, not the alphabet.</p>
        </>
      );
    case 'composite':
      return (
        <>
          <h3>Attributes</h3>
          <Grid
            head={['#', 'Name', 'Type', 'Collation']}
            rows={t.attributes.map((a, i) => [i + 1, a.name, a.type, a.collation ?? ''])}
            empty="No attributes."
          />
        </>
      );
    case 'domain': {
      const d = t.domain;
      if (!d) return null;
      return (
        <>
          <Grid
            head={['', '']}
            rows={[
              ['Base type', <code key="b">{d.baseType}</code>],
              ['NOT NULL', d.notNull ? 'yes' : 'no'],
              ['Default', d.default === null ? '—' : <code key="d">{d.default}</code>],
              ['Collation', d.collation ?? 'the base type’s'],
            ]}
            empty=""
          />
          <h3>Constraints</h3>
          <Grid
            head={['Name', 'Definition', 'Validated']}
            rows={d.constraints.map((c) => [
              c.name,
              <code key="d">{c.definition}</code>,
              c.validated ? 'yes' : 'NOT VALID: holds for new values only',
            ])}
            empty="No constraints: the domain accepts every value of its base type."
          />
        </>
      );
    }
    case 'range': {
      const r = t.range;
      if (!r) return null;
      return (
        <Grid
          head={['', '']}
          rows={[
            ['Subtype', <code key="s">{r.subtype}</code>],
            ['Subtype operator class', r.subtypeOpclass ?? 'the default B-tree class'],
            ['Collation', r.collation ?? 'the subtype’s'],
            ['Canonical function', r.canonical ?? '— (continuous: bounds are kept as written)'],
            ['Subtype difference', r.subtypeDiff ?? '— (GiST indexes on it are less efficient)'],
            ['Multirange type', r.multirange ?? '—'],
          ]}
          empty=""
        />
      );
    }
    case 'base': {
      const b = t.base;
      if (!b) return null;
      return (
        <Grid
          head={['', '']}
          rows={[
            ['Input / output', `${b.input} / ${b.output}`],
            ['Internal length', b.internalLength < 0 ? 'variable' : `${b.internalLength} bytes`],
            ['Storage', b.storage],
            ['Category', b.category],
          ]}
          empty=""
        />
      );
    }
    default:
      return null;
  }
}

/** A type page: kind, what it is made of, the columns declared with it, and its DDL. */
export function TypePage({ connectionId, schema, name }: { connectionId: string; schema: string; name: string }) {
  const type = useDescribeType(connectionId, schema, name);
  if (type.error) return <ErrorView error={type.error} title={`Could not read ${schema}.${name}`} />;
  if (!type.data)
    return (
      <p className="muted">
        Reading {schema}.{name}…
      </p>
    );
  const t = type.data;
  return (
    <article className="object-page" aria-label={`type ${schema}.${name}`}>
      <header className="schema-object-header">
        <h2>
          {schema}.{name}
        </h2>
        <span className="badge">{t.kind === 'domain' ? 'domain' : `${t.kind} type`}</span>
        {t.extension && <span className="badge">extension {t.extension}</span>}
        <span className="muted">owner {t.owner}</span>
      </header>
      {t.comment && <p className="schema-object-comment">{t.comment}</p>}
      <Definition t={t} />
      <h3>
        Used by {formatCount(t.usageCount)} column{t.usageCount === 1 ? '' : 's'}
      </h3>
      <Grid
        head={['Relation', 'Kind', 'Column', 'Declared as']}
        rows={t.usage.map((u) => [
          <ObjectLink key="r" to={{ schema: u.schema, kind: pageKindOf[u.relationKind] ?? 'table', name: u.relation }}>
            {u.schema}.{u.relation}
          </ObjectLink>,
          u.relationKind,
          u.column,
          <code key="c">{u.columnType}</code>,
        ])}
        empty="No column is declared with this type (nor with an array of it)."
        note={
          t.usageCount > t.usage.length
            ? `The first ${t.usage.length} of ${formatCount(t.usageCount)} are shown. Partitions are left out: they follow their table.`
            : 'Columns of domains or other types built on this one are not listed; partitions follow their table.'
        }
      />
      <CodeView code={t.ddl} label="DDL rebuilt from the catalog (read-only)" height={240} />
    </article>
  );
}
