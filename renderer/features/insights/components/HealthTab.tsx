import { useState } from 'react';
import { formatBytes, formatCount, formatMs, formatPercent, formatTime } from '../../../../shared/domain/format';
import { healthMetricLabels, healthMetrics, levelOf, type HealthMetric } from '../../../../shared/domain/health-thresholds';
import { Sparkline } from '../../../components/charts/Sparkline';
import { ErrorView } from '../../../components/ErrorView';
import { WalArchiving } from '../../../components/WalArchiving';
import { useWalArchiving } from '../api/wal-archiving';
import { useHealth } from '../api/health';
import { HEALTH_SAMPLE_MS, useHealthSeries, type HealthSample } from '../stores/health-series';
import { useHealthThresholds } from '../stores/health-thresholds';
import { ThresholdsEditor } from './ThresholdsEditor';

const EMPTY: HealthSample[] = [];

const show: Record<HealthMetric, (v: number) => string> = {
  queryP99Ms: (v) => formatMs(v),
  connectionsRatio: (v) => formatPercent(v),
  cacheHitRatio: (v) => formatPercent(v),
  indexHitRatio: (v) => formatPercent(v),
  replicationLagSeconds: (v) => `${v.toFixed(1)} s`,
  wraparoundRatio: (v) => formatPercent(v, 2),
};
const RATIO: Partial<Record<HealthMetric, boolean>> = {
  connectionsRatio: true,
  cacheHitRatio: true,
  indexHitRatio: true,
  wraparoundRatio: true,
};

/**
 * Health at a glance, with the seeds' thresholds and small charts of the samples taken since the
 * app opened (useHealthSampler, mounted in the shell, samples on every page).
 */
export function HealthTab({ connectionId }: { connectionId: string }) {
  const paused = useHealthSeries((s) => s.paused);
  const setPaused = useHealthSeries((s) => s.setPaused);
  const [editing, setEditing] = useState(false);
  // no timer of its own: the app-wide sampler refreshes this same query
  const health = useHealth(connectionId, false);
  const series = useHealthSeries((s) => s.series[connectionId] ?? EMPTY);
  const thresholds = useHealthThresholds((s) => s.thresholds);
  const h = health.data;
  const wal = useWalArchiving(connectionId);

  const latest = series.at(-1);
  return (
    <div className="health-tab">
      <div className="toolbar">
        <button onClick={() => setPaused(!paused)} aria-pressed={paused}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Thresholds…
        </button>
        <span className="muted">
          {series.length} samples every {HEALTH_SAMPLE_MS / 1000} s{series[0] ? ` since ${formatTime(series[0].at)}` : ''}
          {paused ? ' · paused' : ''}
          {h?.inRecovery ? ' · this server is a standby' : ''}
        </span>
      </div>
      {editing && <ThresholdsEditor />}
      {health.error && <ErrorView title="Could not read health" error={health.error} />}
      <div className="insights-health-cards">
        {healthMetrics.map((m) => {
          const value = latest?.[m] ?? null;
          const level = levelOf(value, thresholds[m]);
          return (
            <div key={m} className={`insights-health-card level-${level}`} aria-label={healthMetricLabels[m]}>
              <div className="insights-health-card-title">{healthMetricLabels[m]}</div>
              <div className="insights-health-value">{value === null ? '—' : show[m](value)}</div>
              <div className="muted insights-health-note">{noteFor(m, h, thresholds[m].warning, thresholds[m].critical)}</div>
              <Sparkline
                label={healthMetricLabels[m]}
                values={series.map((s) => s[m])}
                warning={thresholds[m].warning}
                critical={thresholds[m].critical}
                {...(RATIO[m] ? { max: 1 } : {})}
              />
            </div>
          );
        })}
      </div>
      {wal.data && <WalArchiving wal={wal.data} />}
      {wal.error && <ErrorView title="Could not read WAL archiving" error={wal.error} />}
      {h && (
        <div className="insights-health-tables">
          {h.consolePool && (
            <section aria-label="Console pool">
              <h2>This console's pool</h2>
              <p className={h.consolePool.level === 'ok' ? undefined : 'insights-warn'}>
                {h.consolePool.total} sessions open of {h.consolePool.max}: {h.consolePool.active} active, {h.consolePool.idle} idle,{' '}
                {h.consolePool.waiting} requests waiting
                {h.consolePool.waiting > 0 ? ' — requests wait for a session: the pool is exhausted' : ''}
                {h.consolePool.level !== 'ok' && h.consolePool.waiting === 0 ? ' — use is past the 70 % / 85 % thresholds' : ''}
              </p>
            </section>
          )}
          <section aria-label="Transaction ID age">
            <h2>Transaction ID age</h2>
            <table className="data-table">
              <tbody>
                {h.wraparound.map((w) => (
                  <tr key={w.database}>
                    <td>{w.database}</td>
                    <td className="num">{formatCount(w.xidAge)}</td>
                    <td className={`num level-${levelOf(w.ratio, thresholds.wraparoundRatio)}`}>{formatPercent(w.ratio, 2)} of 2³¹</td>
                    <td className="muted">
                      {w.xidAge > h.autovacuumFreezeMaxAge ? 'past autovacuum_freeze_max_age: forced freezing' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-label="Sizes">
            <h2>Databases</h2>
            <table className="data-table">
              <tbody>
                {h.databases.map((d) => (
                  <tr key={d.name}>
                    <td>{d.name}</td>
                    <td className="num">{formatBytes(d.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Largest relations</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th>Relation</th>
                  <th>Kind</th>
                  <th className="num">Total (table + indexes + TOAST)</th>
                </tr>
              </thead>
              <tbody>
                {h.largestRelations.map((r) => (
                  <tr key={`${r.schema}.${r.name}`}>
                    <td>
                      {r.schema}.{r.name}
                    </td>
                    <td className="muted">{r.kind}</td>
                    <td className="num">{formatBytes(r.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-label="Replication">
            <h2>Replication</h2>
            {h.replication.length === 0 ? (
              <p className="muted">No standby streams from this server.</p>
            ) : (
              <table className="data-table">
                <tbody>
                  {h.replication.map((r) => (
                    <tr key={`${r.application}-${r.client}`}>
                      <td>{r.application || r.client}</td>
                      <td>
                        {r.state} · {r.syncState}
                      </td>
                      <td className={`num level-${levelOf(r.replayLagSeconds, thresholds.replicationLagSeconds)}`}>
                        {r.replayLagSeconds === null ? 'caught up' : `${r.replayLagSeconds.toFixed(1)} s`}
                      </td>
                      <td className="num">{formatBytes(r.lagBytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2>Replication slots</h2>
            {h.slots.length === 0 ? (
              <p className="muted">No replication slots.</p>
            ) : (
              <table className="data-table">
                <tbody>
                  {h.slots.map((s) => (
                    <tr key={s.name} className={!s.active ? 'flag-idle-in-transaction' : undefined}>
                      <td>{s.name}</td>
                      <td>
                        {s.type} · {s.active ? 'active' : 'inactive'}
                        {s.walStatus ? ` · ${s.walStatus}` : ''}
                      </td>
                      <td className="num" title="WAL kept for this slot">
                        {formatBytes(s.retainedBytes)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function noteFor(m: HealthMetric, h: ReturnType<typeof useHealth>['data'], warning: number, critical: number | null): string {
  const limits = `warning ${show[m](warning)}${critical !== null ? `, critical ${show[m](critical)}` : ''}`;
  if (!h) return limits;
  if (m === 'connectionsRatio')
    return `${h.connections.total} of ${h.connections.max} (${h.connections.active} active, ${h.connections.idleInTransaction} idle in tx) · ${limits}`;
  if (m === 'queryP99Ms')
    return h.queryP99
      ? `estimated (mean + 2.33σ) for: ${h.queryP99.query.replace(/\s+/g, ' ').slice(0, 60)} · ${limits}`
      : `needs pg_stat_statements · ${limits}`;
  if (m === 'replicationLagSeconds' && !h.replication.length && !h.inRecovery) return `no standbys · ${limits}`;
  return limits;
}
