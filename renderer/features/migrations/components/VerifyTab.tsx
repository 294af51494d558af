import { useState } from 'react';
import { verifyAspects, type VerifyAspect } from '../../../../shared/contract/migration-workbench';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { ErrorView } from '../../../components/ErrorView';
import { useVerify } from '../api/verify';
import { Differences } from './Differences';
import { VerifySummary } from './VerifySummary';

const ASPECT_LABELS: Record<VerifyAspect, string> = {
  'column-order': 'column order',
  views: 'views (and materialized views)',
  comments: 'comments',
  owners: 'owners',
  privileges: 'privileges',
};

/**
 * Reversibility: on a scratch database, up → snapshot → down → compare → up again, per migration.
 * Same check as `npx ticketz-console migrate verify`, with the same relaxations.
 */
export function VerifyTab({ connectionId, dir, row }: { connectionId: string; dir: string | undefined; row: MigrationRow }) {
  const check = useVerify(connectionId, dir);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [ignore, setIgnore] = useState<VerifyAspect[]>([]);
  const [excludeText, setExcludeText] = useState('');
  const exclude = excludeText
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const report = check.data;
  const range = { ...(from.trim() ? { from: from.trim() } : {}), ...(to.trim() ? { to: to.trim() } : {}) };
  const relax = { ignore, exclude };
  const cli = [
    'npx ticketz-console migrate verify',
    ...(range.from ? [`--from ${range.from}`] : []),
    ...(range.to ? [`--to ${range.to}`] : []),
    ...ignore.map((a) => `--ignore ${a}`),
    ...exclude.map((p) => `--exclude '${p}'`),
  ].join(' ');
  const toggle = (aspect: VerifyAspect, on: boolean) => setIgnore((now) => (on ? [...now, aspect] : now.filter((a) => a !== aspect)));
  return (
    <div className="verify-tab">
      <div className="toolbar">
        <button className="primary" disabled={check.isPending} onClick={() => check.mutate({ from: row.version, to: row.version, ...relax })}>
          Check {row.version}
        </button>
        <label>
          From <input value={from} onChange={(e) => setFrom(e.target.value)} size={8} aria-label="From version" />
        </label>
        <label>
          to <input value={to} onChange={(e) => setTo(e.target.value)} size={8} aria-label="To version" />
        </label>
        <button disabled={check.isPending} onClick={() => check.mutate({ ...range, ...relax })}>
          Check range
        </button>
      </div>
      <fieldset className="migrations-verify-relax">
        <legend>Ignore</legend>
        {verifyAspects.map((aspect) => (
          <label key={aspect}>
            <input type="checkbox" checked={ignore.includes(aspect)} onChange={(e) => toggle(aspect, e.target.checked)} /> {ASPECT_LABELS[aspect]}
          </label>
        ))}
        <label>
          Exclude objects named <input value={excludeText} onChange={(e) => setExcludeText(e.target.value)} placeholder="audit_*, tmp_?" aria-label="Exclude patterns" />
        </label>
      </fieldset>
      <p className="muted">
        CLI: <code>{cli}</code>
      </p>
      {check.isPending && <p role="status">Checking on a scratch database…</p>}
      {check.error && <ErrorView title="The reversibility check could not run" error={check.error} />}
      {report && (
        <div aria-label="Verify report">
          <VerifySummary report={report} />
          {report.migrations.map((m) => (
            <section key={m.version} className={`verify-${m.outcome}`}>
              <h3>
                <span className={`badge ${m.outcome === 'ok' || m.outcome === 'skipped' ? 'level-info' : 'level-error'}`}>{m.outcome === 'ok' || m.outcome === 'skipped' ? m.outcome : m.outcome.toUpperCase()}</span> {m.version} {m.name}
              </h3>
              {m.note && <p>{m.note}</p>}
              {m.ignored > 0 && <p className="muted">{m.ignored} difference{m.ignored === 1 ? '' : 's'} ignored.</p>}
              {(m.outcome === 'ok' || m.outcome === 'differs') && (
                <>
                  <Differences items={m.afterDown} label="Left different by down" />
                  <Differences items={m.afterReapply} label="Built differently by up again" />
                </>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
