import type { SessionRow } from '../../../../shared/contract/insights';

export interface TreeNode {
  session: SessionRow;
  children: TreeNode[];
}

/**
 * The blocking tree from pg_blocking_pids: roots are sessions that block others without being
 * blocked themselves (the ones to look at first); each child waits on its parent. A session
 * blocked by several appears under each of them.
 */
export function blockingTree(sessions: SessionRow[]): TreeNode[] {
  const byPid = new Map(sessions.map((s) => [s.pid, s]));
  const waitersOf = new Map<number, SessionRow[]>();
  for (const s of sessions) for (const b of s.blockedBy) waitersOf.set(b, [...(waitersOf.get(b) ?? []), s]);
  const build = (s: SessionRow, seen: Set<number>): TreeNode => ({
    session: s,
    children: (waitersOf.get(s.pid) ?? []).filter((w) => !seen.has(w.pid)).map((w) => build(w, new Set([...seen, w.pid]))),
  });
  const roots = [...waitersOf.keys()]
    .map((pid) => byPid.get(pid))
    .filter((s): s is SessionRow => s !== undefined && s.blockedBy.every((b) => !byPid.has(b)));
  return roots.map((r) => build(r, new Set([r.pid])));
}
