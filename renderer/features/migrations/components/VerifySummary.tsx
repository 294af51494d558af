import type { VerifyReportWire } from '../../../../shared/contract/migration-workbench';

/** The verdict, the counts, what was ignored and, when the check stopped, where and on which statement. */
export function VerifySummary({ report }: { report: VerifyReportWire }) {
  const n = report.summary;
  const stop = report.stopped;
  // Differences first: a rollback that left something behind usually also stops the check (up again fails).
  const verdict =
    n.differs > 0
      ? 'Some migrations do not roll back cleanly.'
      : stop
        ? 'The check stopped on an error.'
        : n.checked === 0
          ? 'No migration could be checked: none in the range has a down script.'
          : 'Every checked migration rolls back cleanly.';
  const { aspects, exclude, differences } = report.ignored;
  return (
    <>
      <p className={report.ok ? 'migrations-lint-clean' : 'badge level-error'}>{verdict}</p>
      <p aria-label="Verify summary">
        {n.checked} checked: {n.ok} ok, {n.differs} differ{n.failed > 0 ? `, ${n.failed} failed` : ''}; {n.skipped} skipped (no down script)
        {n.notReached > 0 ? `; ${n.notReached} not reached` : ''}.
      </p>
      {(aspects.length > 0 || exclude.length > 0) && (
        <p aria-label="Ignored">
          Ignored: {[...aspects, ...exclude.map((p) => `exclude ${p}`)].join(', ')} (
          {differences.length === 0 ? 'no difference was hidden' : differences.map((d) => `${d.count} by ${d.because}`).join(', ')}).
        </p>
      )}
      {report.runnerTables.length > 0 && (
        <p className="muted">Runner tables made first, as the runner has them: {report.runnerTables.map((t) => `${t.table} (${t.runner})`).join(', ')}.</p>
      )}
      <p className="muted">Ran on {report.scratch}, dropped afterwards.</p>
      {stop && (
        <section className="verify-stopped" aria-label="Where the check stopped">
          <h3>
            Stopped {stop.version ? `at ${stop.version} ${stop.name ?? ''} (${stop.phase === 're-up' ? 'up again' : stop.phase})` : 'applying the migrations before the range'}
            {stop.file ? ` — ${stop.file}:${stop.line}:${stop.column}` : ''}
          </h3>
          <pre>{stop.message}</pre>
          {stop.statement && <pre aria-label="Failing statement">{stop.statement}</pre>}
        </section>
      )}
    </>
  );
}
