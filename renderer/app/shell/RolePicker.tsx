import { roleLabels, roles, useRole } from '../../lib/role-store';

/**
 * First run: who is using the console? Shown until a role is picked; reopened from the sidebar or
 * the command palette to change it. Every page stays reachable whatever the choice.
 */
export function RolePicker() {
  const role = useRole((s) => s.role);
  const open = useRole((s) => s.pickerOpen);
  const setRole = useRole((s) => s.setRole);
  const openPicker = useRole((s) => s.openPicker);
  if (role !== undefined && !open) return null;
  return (
    <div className="palette-backdrop">
      <div className="role-picker" role="dialog" aria-modal="true" aria-labelledby="role-picker-title">
        <h2 id="role-picker-title">{role ? 'Change your role' : 'Welcome — what do you use Ticketz Console for?'}</h2>
        <p className="muted">This orders the navigation for you and sets safe defaults. All pages stay reachable; change it any time.</p>
        <div className="role-options">
          {roles.map((r) => (
            <button
              key={r}
              className={r === role ? 'role-option primary' : 'role-option'}
              onClick={() => setRole(r)}
              autoFocus={r === (role ?? 'dba')}
            >
              <strong>{roleLabels[r].name}</strong>
              <span>{roleLabels[r].blurb}</span>
            </button>
          ))}
        </div>
        {role && (
          <button className="role-cancel" onClick={() => openPicker(false)}>
            Keep {roleLabels[role].name}
          </button>
        )}
      </div>
    </div>
  );
}
