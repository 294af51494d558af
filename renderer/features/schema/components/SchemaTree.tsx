import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ObjectKind, ObjectSummary, SchemaSummary } from '../../../../shared/contract/schema';
import { ErrorView } from '../../../components/ErrorView';
import { navigate } from '../../../lib/hash-route';
import { groupId, useTreeGroups, type GroupState, type TreeGroup } from '../api/list-objects';
import { useSchemas } from '../api/list-schemas';
import { objectPath, type ObjectRef } from '../object-route';
import { formatCount } from '../../../../shared/domain/format';

const KIND_LABELS: [ObjectKind, string][] = [
  ['table', 'Tables'],
  ['view', 'Views'],
  ['matview', 'Materialized views'],
  ['function', 'Functions'],
  ['procedure', 'Procedures'],
  ['sequence', 'Sequences'],
  ['type', 'Types'],
  ['foreign-table', 'Foreign tables'],
  ['extension', 'Extensions'],
];

type Row =
  | { type: 'schema'; key: string; depth: number; schema: SchemaSummary; expanded: boolean }
  | { type: 'group'; key: string; depth: number; label: string; count: number; expanded: boolean }
  | { type: 'object'; key: string; depth: number; object: ObjectSummary; groupKey: string | undefined; expanded: boolean }
  | { type: 'more'; key: string; depth: number; groupKey: string }
  | { type: 'status'; key: string; depth: number; text: string; error?: unknown };

const ROW_HEIGHT = 24;

export const objectRefOf = (o: Pick<ObjectSummary, 'schema' | 'kind' | 'name' | 'args'>): ObjectRef => ({
  schema: o.schema,
  kind: o.kind,
  name: o.name,
  ...(o.args !== undefined ? { args: o.args } : {}),
});

/**
 * The lazy schema tree: schemas (one aggregate query), then one page of one kind per expanded
 * group, partitions under their parent; only the rows on screen are in the DOM.
 */
export function SchemaTree({ connectionId, selected }: { connectionId: string; selected: string | undefined }) {
  const [showSystem, setShowSystem] = useState(false);
  const schemas = useSchemas(connectionId, showSystem);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(['schema:public']));
  const [pages, setPages] = useState<Map<string, number>>(() => new Map());
  const scrollRef = useRef<HTMLDivElement>(null);

  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const loadMore = (key: string) => setPages((prev) => new Map(prev).set(key, (prev.get(key) ?? 1) + 1));

  const openGroups: TreeGroup[] = [];
  for (const key of expanded) {
    if (!key.startsWith('[')) continue;
    const [schema, kind, parent] = JSON.parse(key) as [string, ObjectKind, string | null];
    openGroups.push({ schema, kind, parent: parent ?? undefined, pages: pages.get(key) ?? 1 });
  }
  const groups = useTreeGroups(connectionId, openGroups);

  const rows = flatten(schemas.data?.schemas ?? [], expanded, groups);
  // TanStack Virtual returns functions React Compiler cannot memoize; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  if (schemas.error) return <ErrorView error={schemas.error} title="Could not list the schemas" />;
  return (
    <div className="schema-tree">
      <label className="schema-tree-option">
        <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.target.checked)} /> Show pg_catalog and
        information_schema
      </label>
      {schemas.isPending && <p className="muted">Loading schemas…</p>}
      <div className="schema-tree-scroll" ref={scrollRef} role="tree" aria-label="Schema objects">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.key}
                className="schema-tree-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, paddingLeft: 6 + row.depth * 14 }}
              >
                <TreeRowView row={row} selected={selected} onToggle={toggle} onMore={loadMore} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function TreeRowView({
  row,
  selected,
  onToggle,
  onMore,
}: {
  row: Row;
  selected: string | undefined;
  onToggle: (key: string) => void;
  onMore: (key: string) => void;
}) {
  switch (row.type) {
    case 'schema':
      return (
        <button
          className="schema-tree-item"
          role="treeitem"
          aria-expanded={row.expanded}
          onClick={() => onToggle(row.key)}
          title={row.schema.comment ?? undefined}
        >
          <span className="schema-twisty">{row.expanded ? '▾' : '▸'}</span> <strong>{row.schema.name}</strong>
        </button>
      );
    case 'group':
      return (
        <button className="schema-tree-item" role="treeitem" aria-expanded={row.expanded} onClick={() => onToggle(row.key)}>
          <span className="schema-twisty">{row.expanded ? '▾' : '▸'}</span> {row.label}{' '}
          <span className="muted">{formatCount(row.count)}</span>
        </button>
      );
    case 'object': {
      const path = objectPath(objectRefOf(row.object));
      const o = row.object;
      return (
        <span className="schema-tree-object">
          {row.groupKey ? (
            <button
              className="schema-twisty-button"
              aria-label={row.expanded ? 'Hide partitions' : 'Show partitions'}
              onClick={() => onToggle(row.groupKey!)}
            >
              {row.expanded ? '▾' : '▸'}
            </button>
          ) : (
            <span className="schema-twisty" />
          )}
          <a
            href={`#${path}`}
            role="treeitem"
            aria-selected={selected === path}
            className={`schema-tree-item${selected === path ? ' selected' : ''}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(path);
            }}
            title={o.comment ?? o.detail ?? undefined}
          >
            {o.name}
            {o.args !== undefined && <span className="muted">({o.args})</span>}
            {o.partitionCount !== undefined && <span className="badge">{formatCount(o.partitionCount)} partitions</span>}
          </a>
        </span>
      );
    }
    case 'more':
      return <LoadMore onVisible={() => onMore(row.groupKey)} />;
    case 'status':
      return row.error ? (
        <span className="status-error" title={row.error instanceof Error ? row.error.message : String(row.error)}>
          {row.text}
        </span>
      ) : (
        <span className="muted">{row.text}</span>
      );
  }
}

/** Rendered only when scrolled into view (virtualized), so mounting means "the user got here". */
function LoadMore({ onVisible }: { onVisible: () => void }) {
  const fired = useRef(false);
  useEffect(() => {
    if (fired.current) return;
    fired.current = true;
    onVisible();
  });
  return <span className="muted">Loading more…</span>;
}

function flatten(schemas: SchemaSummary[], expanded: Set<string>, groups: Map<string, GroupState>): Row[] {
  const rows: Row[] = [];
  const pushGroup = (key: string, depth: number) => {
    const state = groups.get(key);
    if (!state) return;
    for (const o of state.objects) {
      const partitioned = o.partitioning === 'partitioned' && (o.partitionCount ?? 0) > 0;
      const childKey = partitioned ? groupId({ schema: o.schema, kind: 'table', parent: o.name }) : undefined;
      const open = childKey !== undefined && expanded.has(childKey);
      rows.push({ type: 'object', key: `${key}/${o.name}/${o.args ?? ''}`, depth, object: o, groupKey: childKey, expanded: open });
      if (open && childKey) pushGroup(childKey, depth + 1);
    }
    if (state.error)
      rows.push({
        type: 'status',
        key: `${key}/error`,
        depth,
        text: `Could not load: ${state.error instanceof Error ? state.error.message : String(state.error)}`,
        error: state.error,
      });
    else if (state.loading) rows.push({ type: 'status', key: `${key}/loading`, depth, text: 'Loading…' });
    else if (state.hasMore) rows.push({ type: 'more', key: `${key}/more/${state.objects.length}`, depth, groupKey: key });
    else if (!state.objects.length) rows.push({ type: 'status', key: `${key}/empty`, depth, text: 'None' });
  };
  for (const schema of schemas) {
    const schemaKey = `schema:${schema.name}`;
    const open = expanded.has(schemaKey);
    rows.push({ type: 'schema', key: schemaKey, depth: 0, schema, expanded: open });
    if (!open) continue;
    for (const [kind, label] of KIND_LABELS) {
      const count = schema.counts[kind] ?? 0;
      if (!count) continue;
      const key = groupId({ schema: schema.name, kind });
      const groupOpen = expanded.has(key);
      rows.push({ type: 'group', key, depth: 1, label, count, expanded: groupOpen });
      if (groupOpen) pushGroup(key, 2);
    }
  }
  return rows;
}
