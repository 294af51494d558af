/**
 * Things a connection switch, a disconnect or a profile change would silently lose — the SQL
 * editor's open transactions in Manual mode. A feature registers a guard; the code that switches
 * or disconnects (another feature, the shell) asks `confirmLeave` first, so neither has to know
 * the other.
 */
export interface LeaveGuard {
  /** One line per thing at stake on this connection (empty: nothing to ask about). */
  check(connectionId: string): Promise<string[]>;
  /** The user agreed (or nothing was at stake): give it all back on the server now. */
  release(connectionId: string): Promise<void>;
}

const guards = new Set<LeaveGuard>();

export function registerLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** The question put to the user; exported for its test. */
export function leaveQuestion(action: string, lines: string[]): string {
  const one = lines.length === 1;
  return `${action} rolls back ${one ? 'an open transaction' : `${lines.length} open transactions`} in the SQL editor:\n\n${lines
    .map((l) => `• ${l}`)
    .join('\n')}\n\nNothing of ${one ? 'it' : 'them'} will be committed. Continue?`;
}

/**
 * Asks before `action` (e.g. "Switching connection") when a guard has something at stake on the
 * connection being left; on yes (or when nothing is at stake) every guard releases it. Resolves
 * false when the user says no: the caller does nothing.
 */
export async function confirmLeave(
  connectionId: string | undefined,
  action: string,
  ask: (question: string) => boolean = (q) => window.confirm(q),
): Promise<boolean> {
  if (!connectionId || guards.size === 0) return true;
  const all = [...guards];
  const lines = (await Promise.all(all.map((g) => g.check(connectionId).catch(() => [] as string[])))).flat();
  if (lines.length > 0 && !ask(leaveQuestion(action, lines))) return false;
  await Promise.all(all.map((g) => g.release(connectionId).catch(() => undefined)));
  return true;
}
