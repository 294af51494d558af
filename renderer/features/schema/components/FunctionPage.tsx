import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { useDescribeFunction } from '../api/describe-function';
import { Grid } from './Grid';

/** A function or procedure: signature, language, volatility and its source. */
export function FunctionPage({ connectionId, schema, name, args }: { connectionId: string; schema: string; name: string; args: string }) {
  const fn = useDescribeFunction(connectionId, schema, name, args);
  if (fn.error) return <ErrorView error={fn.error} title={`Could not read ${schema}.${name}(${args})`} />;
  if (!fn.data)
    return (
      <p className="muted">
        Reading {schema}.{name}…
      </p>
    );
  const f = fn.data;
  return (
    <article className="object-page" aria-label={`${f.kind} ${schema}.${name}`}>
      <header className="schema-object-header">
        <h2>
          {schema}.{name}({f.args})
        </h2>
        <span className="badge">{f.kind}</span>
        <span className="muted">owner {f.owner}</span>
      </header>
      {f.comment && <p className="schema-object-comment">{f.comment}</p>}
      <Grid
        head={['', '']}
        rows={[
          ['Signature', <code key="s">{f.signature}</code>],
          ['Returns', f.returns ?? '— (procedure)'],
          ['Language', f.language],
          ['Volatility', f.volatility],
          ['Strict (NULL in → NULL out)', f.strict ? 'yes' : 'no'],
          ['Security', f.securityDefiner ? 'SECURITY DEFINER (runs as the owner)' : 'invoker'],
          ['Parallel', f.parallel],
        ]}
        empty=""
      />
      {f.definition !== null ? (
        <CodeView code={f.definition} label="Definition (read-only)" height={360} />
      ) : (
        <>
          <p className="muted">PostgreSQL cannot print an aggregate’s CREATE statement; its support function is shown.</p>
          <CodeView code={f.source ?? ''} label="Source" height={120} language="plaintext" />
        </>
      )}
    </article>
  );
}
