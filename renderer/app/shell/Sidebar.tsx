import { useSchemas } from '../../features/schema/api/list-schemas';
import { navigate } from '../../lib/hash-route';
import { roleLabels, useRole } from '../../lib/role-store';
import { useSession } from '../../lib/session-store';
import { routesFor, type RouteDef } from '../routes';
import { groupTicketzPages } from '../ticketz-pages';

export function Sidebar({ current }: { current: string }) {
  const role = useRole((s) => s.role);
  const openPicker = useRole((s) => s.openPicker);
  const connectionId = useSession((s) => s.activeConnectionId);
  const schemas = useSchemas(connectionId ?? '', false);
  const names = connectionId && schemas.data ? schemas.data.schemas.map((x) => x.name) : undefined;
  const { main, ticketz } = groupTicketzPages(routesFor(role), names);
  const link = (r: RouteDef) => (
    <li key={r.path}>
      <a
        href={`#${r.path}`}
        aria-current={current === r.path ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate(r.path);
        }}
      >
        {r.label}
      </a>
    </li>
  );
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Ticketz Console</div>
      <ul>{main.map(link)}</ul>
      {ticketz.length > 0 && (
        <section className="sidebar-group-muted" aria-labelledby="sidebar-ticketz">
          <h2 id="sidebar-ticketz" className="sidebar-group-title">
            Ticketz
          </h2>
          <p className="sidebar-group-note">Not in this database: these pages need the Ticketz schema.</p>
          <ul>{ticketz.map(link)}</ul>
        </section>
      )}
      <button className="sidebar-role" onClick={() => openPicker(true)} title="Change the role this console is set up for">
        Role: {role ? roleLabels[role].name : 'not chosen'}
      </button>
    </nav>
  );
}
