import type { SessionState } from '../../../shared/contract/query-session';

/** 75_000 → "1:15", 3_725_000 → "1:02:05": how long a transaction has been open. */
export function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A transaction is open on the session (healthy or failed): leaving would roll it back. */
export function hasOpenTransaction(state: SessionState | undefined): boolean {
  return state?.status === 'transaction' || state?.status === 'failed';
}

/** The tab's transaction in a few words, e.g. "In transaction 1:15 · 3 statements · changed data". */
export function describeSession(state: SessionState, now: number): string {
  const count = `${state.statements} statement${state.statements === 1 ? '' : 's'}`;
  const age = state.since ? elapsed(now - Date.parse(state.since)) : '';
  const changed = state.wrote ? ' · changed data' : '';
  switch (state.status) {
    case 'idle':
      return 'Idle — the next statement opens a transaction';
    case 'transaction':
      return `In ${state.readOnly ? 'read-only ' : ''}transaction ${age} · ${count}${changed}`;
    case 'failed':
      return `Failed — current transaction is aborted — Roll back to continue (${count}${changed})`;
    case 'closed':
      return 'Closed';
  }
}

/** The line a confirmation lists for a tab whose transaction would be rolled back. */
export function atStakeLine(title: string, state: SessionState, now: number): string {
  return `${title}: ${describeSession(state, now)}`;
}
