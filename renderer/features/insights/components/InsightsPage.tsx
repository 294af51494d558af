import { RequireConnection } from '../../../components/RequireConnection';
import { navigate, useRoute } from '../../../lib/hash-route';
import { ActivityTab } from './ActivityTab';
import { AdvisorTab } from './AdvisorTab';
import { BloatTab } from './BloatTab';
import { ExplainTab } from './ExplainTab';
import { HealthTab } from './HealthTab';
import { MaintenanceTab } from './MaintenanceTab';
import { PoolerTab } from './PoolerTab';
import { ReplicationTab } from './ReplicationTab';
import { SlowQueriesTab } from './SlowQueriesTab';
import '../insights.css';

const TABS = [
  { id: 'slow-queries', label: 'Slow queries', render: (c: string) => <SlowQueriesTab connectionId={c} /> },
  { id: 'explain', label: 'Explain', render: (c: string) => <ExplainTab connectionId={c} /> },
  { id: 'bloat', label: 'Bloat', render: (c: string) => <BloatTab connectionId={c} /> },
  { id: 'advisor', label: 'Index advisor', render: (c: string) => <AdvisorTab connectionId={c} /> },
  { id: 'activity', label: 'Activity', render: (c: string) => <ActivityTab connectionId={c} /> },
  { id: 'health', label: 'Health', render: (c: string) => <HealthTab connectionId={c} /> },
  { id: 'replication', label: 'Replication', render: (c: string) => <ReplicationTab connectionId={c} /> },
  { id: 'pooler', label: 'PgBouncer', render: (c: string) => <PoolerTab connectionId={c} /> },
  { id: 'maintenance', label: 'Maintenance', render: (c: string) => <MaintenanceTab connectionId={c} /> },
] as const;

/** `#/insights/<tab>`: the DBA's dashboard, one tab per question. */
export function InsightsPage() {
  const path = useRoute();
  const current = TABS.find((t) => path.split('?')[0] === `/insights/${t.id}`) ?? TABS[0];
  return (
    <RequireConnection title="Insights">
      {(connectionId) => (
        <section className="page insights-page">
          <header className="page-header">
            <h1>Insights</h1>
          </header>
          <nav className="tabs" role="tablist" aria-label="Insights">
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                aria-selected={t.id === current.id}
                className={t.id === current.id ? 'tab active' : 'tab'}
                onClick={() => navigate(`/insights/${t.id}`)}
              >
                {t.label}
              </button>
            ))}
          </nav>
          <div role="tabpanel" aria-label={current.label} className="tab-panel" key={`${connectionId}-${current.id}`}>
            {current.render(connectionId)}
          </div>
        </section>
      )}
    </RequireConnection>
  );
}
