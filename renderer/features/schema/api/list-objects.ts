import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { ObjectKind, ObjectSummary } from '../../../../shared/contract/schema';
import type { OutputOf } from '../../../../shared/contract';
import { connKeys } from '../../../lib/query-keys';
import { rpc } from '../../../lib/rpc';

export const TREE_PAGE_SIZE = 500;

export interface TreeGroup {
  schema: string;
  kind: ObjectKind;
  /** List the partitions of this table instead of the schema's objects. */
  parent?: string | undefined;
  /** How many pages the user has scrolled into. */
  pages: number;
}

type ObjectPage = OutputOf<'schema.listObjects'>;

export const listObjects = (connectionId: string, group: TreeGroup, after: string | undefined) =>
  rpc.call('schema.listObjects', {
    connectionId,
    schema: group.schema,
    kind: group.kind,
    ...(group.parent ? { parent: group.parent } : {}),
    ...(after ? { after } : {}),
    limit: TREE_PAGE_SIZE,
  });

export const groupId = (g: Pick<TreeGroup, 'schema' | 'kind' | 'parent'>) => JSON.stringify([g.schema, g.kind, g.parent ?? null]);

const pageKey = (connectionId: string, g: TreeGroup, page: number) =>
  connKeys.scoped(connectionId, 'schema', 'objects', g.schema, g.kind, g.parent ?? null, page);

export interface GroupState {
  objects: ObjectSummary[];
  total: number | undefined;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
}

/**
 * One level of the tree per expanded group, a page (500 names) at a time: page n is fetched with
 * the keyset cursor page n-1 returned, so only what the user scrolls to is ever read.
 */
export function useTreeGroups(connectionId: string, groups: TreeGroup[]): Map<string, GroupState> {
  const client = useQueryClient();
  const specs = groups.flatMap((group) =>
    Array.from({ length: group.pages }, (_, page) => {
      const previous = page === 0 ? undefined : client.getQueryData<ObjectPage>(pageKey(connectionId, group, page - 1));
      return { group, page, after: previous?.next ?? undefined, enabled: page === 0 || Boolean(previous?.next) };
    }),
  );
  const results = useQueries({
    queries: specs.map((s) => ({
      queryKey: pageKey(connectionId, s.group, s.page),
      queryFn: () => listObjects(connectionId, s.group, s.after),
      enabled: s.enabled,
      staleTime: 60_000,
    })),
  });
  const byGroup = new Map<string, GroupState>();
  specs.forEach((s, i) => {
    const id = groupId(s.group);
    const result = results[i]!;
    const state = byGroup.get(id) ?? { objects: [], total: undefined, hasMore: false, loading: false, error: null };
    if (result.data) {
      state.objects = state.objects.concat(result.data.objects);
      state.total ??= result.data.total;
      state.hasMore = result.data.next !== null;
    }
    if (result.isPending && s.enabled) state.loading = true;
    if (result.error) state.error = result.error;
    byGroup.set(id, state);
  });
  return byGroup;
}
