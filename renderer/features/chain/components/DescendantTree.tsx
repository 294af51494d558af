import { useState } from 'react';
import type { Descendant } from '../../../../shared/contract/chain';
import { ErrorView } from '../../../components/ErrorView';
import { useChildren } from '../api/descendants';
import { formatCount, formatDate } from '../../../../shared/domain/format';

/** One level of the tree, a page at a time; each child expands when asked (never the whole subtree). */
export function DescendantTree({ connectionId, rootId }: { connectionId: string; rootId: string }) {
  return (
    <ul className="chain-tree" role="tree" aria-label="Descendants">
      <Children connectionId={connectionId} parentId={rootId} />
    </ul>
  );
}

function Children({ connectionId, parentId }: { connectionId: string; parentId: string }) {
  const children = useChildren(connectionId, parentId);
  if (children.isPending) return <li className="muted">Loading…</li>;
  if (children.error)
    return (
      <li>
        <ErrorView title="Could not read the children" error={children.error} />
      </li>
    );
  const rows = children.data.pages.flatMap((p) => p.rows);
  return (
    <>
      {rows.length === 0 && <li className="muted">No children.</li>}
      {rows.map((r) => (
        <Node key={r.id} connectionId={connectionId} node={r} />
      ))}
      {children.hasNextPage && (
        <li>
          <button onClick={() => void children.fetchNextPage()} disabled={children.isFetchingNextPage}>
            {children.isFetchingNextPage ? 'Loading…' : 'More children'}
          </button>
        </li>
      )}
    </>
  );
}

function Node({ connectionId, node }: { connectionId: string; node: Descendant }) {
  const [open, setOpen] = useState(false);
  const count = Number(node.directChildren);
  return (
    <li role="treeitem" aria-expanded={count > 0 ? open : undefined} aria-label={node.username}>
      <span className="chain-tree-row">
        {count > 0 ? (
          <button
            className="chain-tree-toggle"
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.username}`}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="chain-tree-toggle" />
        )}
        <span className={node.deleted ? 'chain-deleted' : undefined}>{node.username}</span>
        <span className="muted small">
          #{node.chainPosition} · {formatCount(count)} {count === 1 ? 'child' : 'children'} · joined {formatDate(node.attachedAt)}
          {node.deleted ? ' · deleted' : ''}
        </span>
      </span>
      {open && (
        <ul role="group">
          <Children connectionId={connectionId} parentId={node.id} />
        </ul>
      )}
    </li>
  );
}
