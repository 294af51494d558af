import { useState } from 'react';
import type { RoleWrites } from '../../../../shared/contract/connections';
import { ErrorView } from '../../../components/ErrorView';
import { Field } from '../../../components/Field';
import { useCreateReadOnlyRole } from '../api/create-read-only-role';

/**
 * Least privilege, shown and offered: whether the role itself can write; on a read-only profile
 * that means only the console keeps it read-only. A saved writable profile whose role may create
 * roles is offered a read-only role and profile — the recommended setup for support and organizers.
 */
export function RoleWritesReport({
  roleWrites,
  profileReadOnly,
  savedId,
  profileName,
}: {
  roleWrites: RoleWrites;
  profileReadOnly: boolean;
  savedId: string | undefined;
  profileName: string;
}) {
  const [offerOpen, setOfferOpen] = useState(false);
  return (
    <div className="connections-role-writes wide" aria-label="Role privileges">
      {roleWrites.canWrite ? (
        <p>
          This role can write by itself ({roleWrites.reasons.join(', ')}).
          {profileReadOnly && <strong> Read-only is enforced by the console, not by the database.</strong>}
        </p>
      ) : (
        <p>This role cannot write: the database itself keeps this connection read-only.</p>
      )}
      {!profileReadOnly && roleWrites.canCreateRoles && savedId && (
        <>
          <p>
            Recommended for support staff and organizers: a role that can read everything and write nothing, with its own read-only profile.{' '}
            {!offerOpen && (
              <button type="button" onClick={() => setOfferOpen(true)}>
                Create a read-only role…
              </button>
            )}
          </p>
          {offerOpen && <ReadOnlyRoleForm connectionId={savedId} profileName={profileName} onDone={() => setOfferOpen(false)} />}
        </>
      )}
    </div>
  );
}

function ReadOnlyRoleForm({ connectionId, profileName, onDone }: { connectionId: string; profileName: string; onDone: () => void }) {
  const [role, setRole] = useState('support_readonly');
  const [password, setPassword] = useState('');
  const [name, setName] = useState(`${profileName} (read-only role)`);
  const create = useCreateReadOnlyRole();
  const submit = () => create.mutate({ connectionId, role, password, profileName: name });
  return (
    <div className="connections-role-form" role="group" aria-label="Create a read-only role">
      <Field label="Role name">
        <input value={role} onChange={(e) => setRole(e.target.value)} />
      </Field>
      <Field label="Role password (12+ characters)">
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field label="New profile name">
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <button type="button" className="primary" disabled={create.isPending || password.length < 12} onClick={submit}>
        {create.isPending ? 'Creating…' : 'Create role and profile'}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {create.data && (
        <p role="status">
          Created role {role} and the read-only profile “{create.data.profile.name}”. The change is in the audit log.
        </p>
      )}
      {create.error && <ErrorView title="Could not create the role" error={create.error} />}
    </div>
  );
}
