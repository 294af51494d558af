import { navigate } from '../../lib/hash-route';
import { routes } from '../routes';

export function Sidebar({ current }: { current: string }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Ticketz Console</div>
      <ul>
        {routes.map((r) => (
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
    </nav>
  );
}
