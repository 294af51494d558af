import type pg from 'pg';
import type { SessionRow } from '../../../shared/contract/insights';
import { iso } from '../db/catalog-read';
import sessionsSql from '../sql/activity/sessions.sql?raw';
import waitingSql from '../sql/locks/waiting.sql?raw';

interface RawSession {
  pid: number;
  database: string | null;
  role: string | null;
  application: string;
  client: string | null;
  backend_type: string;
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
  backend_start: Date | null;
  xact_start: Date | null;
  query_start: Date | null;
  state_change: Date | null;
  duration_ms: string | number | null;
  xact_ms: string | number | null;
  query: string;
  is_self: boolean;
}

export interface RawWait {
  pid: number;
  locktype: string;
  mode: string;
  object: string;
  blocked_by: number[];
}

const CONSOLE_MARKER = '/* ticketz-console */';
const toNum = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Joins sessions with lock waits and sets the highlights: long-running (active beyond the
 * threshold), idle in transaction, blocked (waits on someone), blocking (someone waits on it).
 */
export function buildSessions(raw: RawSession[], waits: RawWait[], longRunningMs: number): SessionRow[] {
  const waitOf = new Map(waits.map((w) => [w.pid, w]));
  const blockers = new Set(waits.flatMap((w) => w.blocked_by));
  return raw.map((s) => {
    const wait = waitOf.get(s.pid);
    const durationMs = toNum(s.duration_ms);
    const flags: SessionRow['flags'] = [];
    if (s.state === 'active' && !s.is_self && durationMs !== null && durationMs >= longRunningMs) flags.push('long-running');
    if (s.state?.startsWith('idle in transaction')) flags.push('idle-in-transaction');
    if (wait && wait.blocked_by.length > 0) flags.push('blocked');
    if (blockers.has(s.pid)) flags.push('blocking');
    return {
      pid: s.pid,
      database: s.database,
      role: s.role,
      application: s.application,
      client: s.client,
      backendType: s.backend_type,
      state: s.state,
      waitEventType: s.wait_event_type,
      waitEvent: s.wait_event,
      backendStart: iso(s.backend_start),
      xactStart: iso(s.xact_start),
      queryStart: iso(s.query_start),
      stateChange: iso(s.state_change),
      durationMs,
      xactMs: toNum(s.xact_ms),
      query: s.query,
      blockedBy: wait?.blocked_by ?? [],
      waitingFor: wait ? `${wait.mode} on ${wait.object}` : null,
      isConsole: s.application.startsWith('ticketz-console') || s.query.includes(CONSOLE_MARKER),
      isSelf: s.is_self,
      flags,
    };
  });
}

export async function readActivity(client: pg.ClientBase, includeIdle: boolean, longRunningMs: number) {
  const { rows: raw } = await client.query<RawSession>(sessionsSql, [includeIdle]);
  const { rows: waits } = await client.query<RawWait>(waitingSql);
  const self = raw.find((s) => s.is_self);
  return {
    sessions: buildSessions(raw, waits, longRunningMs),
    at: new Date().toISOString(),
    ownPid: self?.pid ?? 0,
  };
}
