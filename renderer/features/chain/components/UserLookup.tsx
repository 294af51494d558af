import { useState } from 'react';
import type { ChainUser } from '../../../../shared/contract/chain';
import { ErrorView } from '../../../components/ErrorView';
import { Field } from '../../../components/Field';
import { useFindUsers } from '../api/find-users';
import { useUserPath } from '../api/user-path';
import { DescendantTree } from './DescendantTree';
import { formatDate } from '../../../../shared/domain/format';

/** Find a chain user; see the path up to the root and the tree below, expanded on demand. */
export function UserLookup({ connectionId }: { connectionId: string }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<ChainUser | undefined>();
  const found = useFindUsers(connectionId, q);
  return (
    <section className="chain-user-lookup" aria-label="Chain user look-up">
      <h3>User look-up</h3>
      <form
        className="order-search"
        role="search"
        aria-label="Find a chain user"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
          setChosen(undefined);
        }}
      >
        <Field label="Username, email, #position or id" className="grow">
          <input value={text} maxLength={320} onChange={(e) => setText(e.target.value)} />
        </Field>
        <button type="submit" className="primary">
          Find
        </button>
      </form>
      {found.error && <ErrorView title="The look-up failed" error={found.error} />}
      {found.data && found.data.users.length === 0 && <p className="muted">No chain user matches.</p>}
      {found.data && found.data.users.length > 0 && !chosen && (
        <ul className="chain-user-matches">
          {found.data.users.map((u) => (
            <li key={u.id}>
              <button onClick={() => setChosen(u)}>
                {u.username}{' '}
                <span className="muted">
                  #{u.chainPosition} · depth {u.depth}
                </span>
                {u.deleted && <span className="muted"> (deleted)</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && <ChosenUser connectionId={connectionId} user={chosen} onClear={() => setChosen(undefined)} />}
    </section>
  );
}

function ChosenUser({ connectionId, user, onClear }: { connectionId: string; user: ChainUser; onClear: () => void }) {
  const path = useUserPath(connectionId, user.id);
  return (
    <div className="chosen-user">
      <p>
        <strong>{user.username}</strong> {user.displayName && <span className="muted">{user.displayName}</span>} · #{user.chainPosition} ·
        depth {user.depth} · joined {formatDate(user.joinedAt)} <button onClick={onClear}>Back to results</button>
      </p>
      <h4>Path to the root</h4>
      {path.error && <ErrorView title="Could not read the path" error={path.error} />}
      {path.data && (
        <ol className="chain-path" aria-label="Path to the root">
          {[...path.data.path].reverse().map((u) => (
            <li key={u.id} className={u.deleted ? 'chain-deleted' : undefined}>
              {u.username}
              {u.deleted ? ' (deleted)' : ''}
            </li>
          ))}
          {path.data.truncated && <li className="muted">… (path cut at {path.data.path.length} steps)</li>}
        </ol>
      )}
      <h4>Descendants</h4>
      <DescendantTree connectionId={connectionId} rootId={user.id} />
    </div>
  );
}
