import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ticketsContract, ValidateOutput } from '../../../shared/contract/tickets';
import { parseQrInput, recordedInput } from '../../../shared/domain/qr-input';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import firstScanSql from '../sql/tickets/first-scan.sql?raw';
import listEventsSql from '../sql/tickets/list-events.sql?raw';
import listGatesSql from '../sql/tickets/list-gates.sql?raw';
import { isPgDatabaseError } from '../db/pg-errors';
import { preparedName } from '../db/pooler';
import { gateStatements, type ValidateRow } from '../ticketz/gate-statements';
import { ScanBatcher } from '../ticketz/scan-batcher';
import { containsPattern, onTicketzSchema } from '../ticketz/schema-errors';

const eventNotFound = () =>
  new RpcError('NOT_FOUND', 'That event does not exist in this database (deleted, or another database?). Pick the event again.');

/**
 * Gate validation. A scan is one prepared statement (validate.sql): parsed and planned once per
 * pooled session (node-postgres `name:`), one round trip, one commit. Scans that arrive while the
 * gate's statements are all busy leave together in validate-batch.sql (ScanBatcher: group
 * commit). The same statement writes the scan's validation row and its audit entry
 * (ticketz_console.audit_log), so both commit with the acceptance and no scan pays a second
 * transaction or fsync. A role that cannot write the audit table gets the statements without that
 * entry, and each scan is recorded in the local audit log instead.
 */
export function ticketsHandlers(deps: CoreDeps): HandlersFor<typeof ticketsContract> {
  return {
    'tickets.listEvents': async ({ connectionId, search, limit }) => {
      const pool = await deps.pools.get(connectionId);
      const { rows } = await onTicketzSchema(pool, 'ticketing', () =>
        pool.query<{ id: string; title: string; status: string; start_time: Date; venue: string; city: string }>(listEventsSql, [
          search?.trim() ? containsPattern(search.trim()) : null,
          limit,
        ]),
      );
      return {
        events: rows.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          startTime: r.start_time.toISOString(),
          venue: r.venue,
          city: r.city,
        })),
      };
    },

    'tickets.listGates': async ({ connectionId, eventId }) => {
      const pool = await deps.pools.get(connectionId);
      const { rows } = await onTicketzSchema(pool, 'ticketing', () => pool.query<{ gate: string; scans: string }>(listGatesSql, [eventId]));
      return { gates: rows };
    },

    'tickets.validate': async ({ connectionId, eventId, qrHash, gate, staff }) => {
      const pool = await deps.pools.get(connectionId);
      const scan = { eventId, input: qrHash, gate, staff };
      return onTicketzSchema(pool, 'ticketing', async () => {
        try {
          return await validate(deps, connectionId, pool, scan);
        } catch (err) {
          if (!failedOnAuditTable(err)) throw err;
          // the audit table went away or the privilege was revoked since we asked: ask again, once
          deps.audit.forgetWritable(pool);
          return validate(deps, connectionId, pool, scan);
        }
      });
    },
  };
}

interface Gate {
  statements: ReturnType<typeof gateStatements>;
  batcher: ScanBatcher<ValidateRow>;
  /** Whether the statements write each scan's audit entry themselves. */
  audited: boolean;
}

const gates = new WeakMap<pg.Pool, Map<boolean, Gate>>();

/**
 * Gate statements in flight per pool. Two: one batch commits while the next one forms. Measured
 * with 16 scanners (bench/ops/RESULTS.md): 1, 2 and 4 in flight gave 0.8x, 0.82x and 0.55x of
 * pgbench's throughput; more slots mean smaller batches, so more statements and commits per scan.
 * A pool of one session gets one.
 */
const maxScanStatements = (pool: pg.Pool) => Math.max(1, Math.min(2, (pool.options.max ?? 5) - 1));

async function gateFor(deps: CoreDeps, connectionId: string, pool: pg.Pool): Promise<Gate> {
  const audited = await deps.audit.tableWritable(connectionId, pool);
  let forms = gates.get(pool);
  if (!forms) gates.set(pool, (forms = new Map()));
  let gate = forms.get(audited);
  if (!gate) {
    const statements = gateStatements(pool, audited ? { osUser: deps.audit.osUser, host: deps.audit.hostName } : undefined);
    gate = { statements, batcher: new ScanBatcher(statements, maxScanStatements(pool)), audited };
    forms.set(audited, gate);
  }
  return gate;
}

/** insufficient_privilege or undefined_table on the console's audit table. */
const failedOnAuditTable = (err: unknown) =>
  isPgDatabaseError(err) && (err.code === '42501' || err.code === '42P01') && /audit_log|ticketz_console/.test(err.message);

async function validate(
  deps: CoreDeps,
  connectionId: string,
  pool: pg.Pool,
  scan: { eventId: string; input: string; gate: string; staff: string },
): Promise<ValidateOutput> {
  const gate = await gateFor(deps, connectionId, pool);
  // the audited statements write the scan's entry in the scan's own commit: nothing to journal
  if (gate.audited) return decide(gate, pool, scan);
  // Otherwise the local journal holds the entry, on disk before the scan is sent: a crash between
  // the scan's commit and its answer leaves an entry with outcome unknown, never a scan without one.
  const where = `event ${scan.eventId} · gate ${scan.gate} · staff ${scan.staff}`;
  const kept = ' [kept locally: this role cannot write ticketz_console.audit_log]';
  const input = recordedInput(scan.input).slice(0, 100);
  const pending = await deps.audit.begin(connectionId, { action: 'ticket.validate', target: input, detail: `scan · ${where}${kept}` });
  const finish = (entry: { target: string; detail: string; outcome: 'succeeded' | 'failed'; error?: string }) =>
    deps.audit.finish(
      pending,
      { action: 'ticket.validate', durationMs: performance.now() - pending.started, ...entry },
      { localOnly: true },
    );
  try {
    const result = await decide(gate, pool, scan);
    await finish({ target: result.ticket?.id ?? input, detail: `${result.outcome} · ${where}${kept}`, outcome: 'succeeded' });
    return result;
  } catch (err) {
    await finish({
      target: input,
      detail: `scan · ${where}${kept}`,
      outcome: 'failed',
      error: err instanceof Error ? err.message : String(err),
    });
    throw err;
  }
}

async function decide(
  gate: Gate,
  pool: pg.Pool,
  scan: { eventId: string; input: string; gate: string; staff: string },
): Promise<ValidateOutput> {
  const parsed = parseQrInput(scan.input);
  const raw = recordedInput(scan.input);
  if (parsed.kind === 'invalid') {
    const validatedAt = await gate.statements.logInvalid(scan.eventId, raw, scan.gate, scan.staff);
    if (!validatedAt) throw eventNotFound();
    return { outcome: 'INVALID_INPUT', reason: parsed.reason, validatedAt: validatedAt.toISOString() };
  }
  const hash = parsed.kind === 'hash' ? parsed.hash : createHash('sha256').update(parsed.payload, 'utf8').digest('hex');
  const row = await gate.batcher.submit({ hash, eventId: scan.eventId, raw, gate: scan.gate, staff: scan.staff });
  if (!row?.outcome) throw eventNotFound();
  const result: ValidateOutput = { outcome: row.outcome, validatedAt: row.validated_at.toISOString() };
  if (row.ticket_id && row.attendee !== null) {
    result.ticket = {
      id: row.ticket_id,
      attendee: row.attendee,
      section: row.section ?? '',
      sectionType: row.section_type ?? '',
      seat: row.row_label !== null && row.number_label !== null ? { row: row.row_label, number: row.number_label } : null,
      tier: row.tier ?? '',
      status: row.ticket_status ?? '',
    };
  }
  if (row.outcome === 'ALREADY_USED') {
    if (row.raced && row.ticket_id) {
      // Lost the race to a scan that committed after our snapshot: read what it wrote.
      const { rows: first } = await pool.query<{ scanned_at: Date | null; gate: string | null }>({
        name: preparedName(pool, 'ticketz.tickets.first-scan'),
        text: firstScanSql,
        values: [row.ticket_id],
      });
      if (first[0]?.scanned_at) {
        result.firstScan = { at: first[0].scanned_at.toISOString(), gate: first[0].gate };
        if (result.ticket) result.ticket.status = 'USED';
      }
    } else if (row.first_scan_at) {
      result.firstScan = { at: row.first_scan_at.toISOString(), gate: row.first_scan_gate };
    }
  }
  return result;
}
