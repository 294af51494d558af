import { navigate } from '../../lib/hash-route';
import { roleLabels, useRole } from '../../lib/role-store';
import { routesFor } from '../routes';

export function Sidebar({ current }: { current: string }) {
  const role = useRole((s) => s.role);
  const openPicker = useRole((s) => s.openPicker);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Ticketz Console</div>
      <ul>
        {routesFor(role).map((r) => (
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
        ))}
      </ul>
      <button className="sidebar-role" onClick={() => openPicker(true)} title="Change the role this console is set up for">
        Role: {role ? roleLabels[role].name : 'not chosen'}
      </button>
    </nav>
  );
}
