import '../../../components/ui.css';
import type { SequenceDescription } from '../../../../shared/contract/schema-objects';
import { SEQUENCE_WARN_FRACTION } from '../../../../shared/contract/schema-objects';
import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { useDescribeSequence } from '../api/describe-sequence';
import { formatCount, formatPercent } from '../../../../shared/domain/format';
import { sequenceAdvice } from '../sequence-advice';
import { Grid } from './Grid';
import { ObjectLink } from './ObjectLink';

function LastValue({ s }: { s: SequenceDescription }) {
  if (s.lastValueState === 'known') return <span data-testid="sequence-last-value">{formatCount(s.lastValue)}</span>;
  if (s.lastValueState === 'never-used')
    return (
      <span data-testid="sequence-last-value">never used (nextval was not called yet; the first value will be {formatCount(s.start)})</span>
    );
  return (
    <span data-testid="sequence-last-value" className="muted">
      hidden: this role has neither SELECT nor USAGE on the sequence, so PostgreSQL does not show its position. Ask its owner ({s.owner})
      for a GRANT to see how far it is.
    </span>
  );
}

/** How far through its range: a bar, the calls left, and a warning (with what to do) past 75 %. */
function RangeUsed({ s }: { s: SequenceDescription }) {
  if (s.usedFraction === null || s.remaining === null)
    return <p className="muted">How much of the range is used cannot be shown without the last value.</p>;
  const warn = s.usedFraction > SEQUENCE_WARN_FRACTION;
  const pct = formatPercent(s.usedFraction);
  return (
    <div className={`schema-seq-range${warn ? ' schema-seq-range-warn' : ''}`} role="group" aria-label="Range used">
      <div className="schema-seq-range-head">
        <strong>{pct} of the range used</strong>
        <span className="muted">
          {formatCount(s.remaining)} nextval calls left before {s.cycle ? 'it wraps around' : 'it runs out'} ({s.dataType},{' '}
          {formatCount(s.min)} … {formatCount(s.max)})
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(s.usedFraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${Math.min(100, s.usedFraction * 100)}%` }} />
      </div>
      {warn && (
        <p className="warning" role="alert">
          {sequenceAdvice(s, s.usedFraction)}
        </p>
      )}
    </div>
  );
}

/** A sequence page: parameters, last value, owner, range used, defaults that call it, DDL. */
export function SequencePage({ connectionId, schema, name }: { connectionId: string; schema: string; name: string }) {
  const seq = useDescribeSequence(connectionId, schema, name);
  if (seq.error) return <ErrorView error={seq.error} title={`Could not read ${schema}.${name}`} />;
  if (!seq.data)
    return (
      <p className="muted">
        Reading {schema}.{name}…
      </p>
    );
  const s = seq.data;
  const owned = s.ownedBy;
  return (
    <article className="object-page" aria-label={`sequence ${schema}.${name}`}>
      <header className="schema-object-header">
        <h2>
          {schema}.{name}
        </h2>
        <span className="badge">sequence</span>
        {owned?.identity && <span className="badge">identity</span>}
        {s.unlogged && <span className="badge">unlogged</span>}
        {s.extension && <span className="badge">extension {s.extension}</span>}
        <span className="muted">owner {s.owner}</span>
      </header>
      {s.comment && <p className="schema-object-comment">{s.comment}</p>}
      <RangeUsed s={s} />
      <Grid
        head={['', '']}
        rows={[
          ['Last value', <LastValue key="l" s={s} />],
          [
            'Owned by',
            owned ? (
              <span key="o" data-testid="sequence-owner">
                <ObjectLink to={{ schema: owned.schema, kind: 'table', name: owned.table }}>
                  {owned.schema}.{owned.table}
                </ObjectLink>
                .{owned.column}
                {owned.identity ? ` (identity column, GENERATED ${owned.identity.toUpperCase()})` : ' (dropped with the column)'}
              </span>
            ) : (
              <span key="o" data-testid="sequence-owner" className="muted">
                no column: it stays when tables using it are dropped
              </span>
            ),
          ],
          ['Data type', s.dataType],
          ['Start', formatCount(s.start)],
          ['Increment', formatCount(s.increment)],
          ['Minimum', formatCount(s.min)],
          ['Maximum', formatCount(s.max)],
          [
            'Cache',
            `${formatCount(s.cache)}${s.cache !== '1' ? ' (each session reserves this many values; unused ones are skipped)' : ''}`,
          ],
          ['Cycle', s.cycle ? 'yes: wraps around at the end' : 'no: nextval fails at the end'],
        ]}
        empty=""
      />
      <h3>Column defaults that call it</h3>
      <Grid
        head={['Table', 'Column']}
        rows={s.usedByDefaults.map((d) => [
          <ObjectLink key="t" to={{ schema: d.schema, kind: 'table', name: d.table }}>
            {d.schema}.{d.table}
          </ObjectLink>,
          d.column,
        ])}
        empty={owned?.identity ? 'None: an identity column takes its values without a DEFAULT.' : 'No column default calls nextval on it.'}
      />
      <CodeView code={s.ddl} label="DDL rebuilt from the catalog (read-only)" height={260} />
    </article>
  );
}
