import { ErrorView } from '../../../components/ErrorView';
import { CodeView } from '../../../components/monaco/CodeView';
import { useDescribeExtension } from '../api/describe-extension';
import { formatCount } from '../../../../shared/domain/format';
import { Grid } from './Grid';

/** An extension page: versions (and the update, as text), what it is, and the objects it owns. */
export function ExtensionPage({ connectionId, name }: { connectionId: string; name: string }) {
  const ext = useDescribeExtension(connectionId, name);
  if (ext.error) return <ErrorView error={ext.error} title={`Could not read the extension ${name}`} />;
  if (!ext.data) return <p className="muted">Reading the extension {name}…</p>;
  const e = ext.data;
  const versionNote =
    e.defaultVersion === null
      ? 'this server no longer ships the extension (its control file is missing): it cannot be updated or re-created here'
      : e.updateAvailable
        ? `update available: ${e.defaultVersion}`
        : e.defaultVersion === e.installedVersion
          ? 'up to date'
          : `the server’s default is ${e.defaultVersion}, but it has no update script from ${e.installedVersion}`;
  return (
    <article className="object-page" aria-label={`extension ${name}`}>
      <header className="schema-object-header">
        <h2>{name}</h2>
        <span className="badge">extension</span>
        <span className="muted">owner {e.owner}</span>
        {e.updateAvailable && <span className="badge">update available</span>}
      </header>
      {e.description && <p className="schema-object-comment">{e.description}</p>}
      <Grid
        head={['', '']}
        rows={[
          ['Installed version', <span key="v" data-testid="extension-version">{`${e.installedVersion} — ${versionNote}`}</span>],
          ['Default version on this server', e.defaultVersion ?? '—'],
          ['Schema', e.schema],
          ['Relocatable', e.relocatable ? 'yes (ALTER EXTENSION … SET SCHEMA moves it)' : 'no'],
          ['Requires', e.requires.length ? e.requires.join(', ') : '—'],
          ...(e.comment ? [['Comment', e.comment]] : []),
        ]}
        empty=""
      />
      {e.updateSql && (
        <>
          <h3>Update</h3>
          <p className="muted">
            Runs the update scripts {e.updatePath?.join(' → ')}. The console does not run it: read the extension’s release notes, then run
            it in the SQL editor (it takes locks on the objects it changes).
          </p>
          <CodeView code={e.updateSql} label="Update statement (not run)" height={40} />
        </>
      )}
      <h3>Objects it owns ({formatCount(e.memberCount)})</h3>
      {e.members.length === 0 && <p className="muted">It owns no objects.</p>}
      {e.members.map((m) => (
        <details key={m.kind} className="schema-ext-members">
          <summary>
            {m.kind} <span className="muted">{formatCount(m.count)}</span>
          </summary>
          <ul>
            {m.names.map((n) => (
              <li key={n}>
                <code>{n}</code>
              </li>
            ))}
          </ul>
          {m.count > m.names.length && (
            <p className="muted small">
              … and {formatCount(m.count - m.names.length)} more ({m.names.length} shown).
            </p>
          )}
        </details>
      ))}
      <CodeView code={e.ddl} label="DDL (read-only)" height={80} />
    </article>
  );
}
