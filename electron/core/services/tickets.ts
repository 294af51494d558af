import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ticketsContract, ValidateOutput, ValidationOutcome } from '../../../shared/contract/tickets';
import { parseQrInput, recordedInput } from '../../../shared/domain/qr-input';
import { RpcError } from '../../../shared/rpc/rpc-error';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import firstScanSql from '../sql/tickets/first-scan.sql?raw';
import listEventsSql from '../sql/tickets/list-events.sql?raw';
import listGatesSql from '../sql/tickets/list-gates.sql?raw';
import logInvalidSql from '../sql/tickets/log-invalid.sql?raw';
import validateBatchSql from '../sql/tickets/validate-batch.sql?raw';
import validateSql from '../sql/tickets/validate.sql?raw';
import { ScanBatcher, type GateScan } from '../ticketz/scan-batcher';
import { containsPattern, onTicketzSchema } from '../ticketz/schema-errors';

interface ValidateRow {
  /** validate-batch.sql only: the scan's place in the batch (1-based). */
  ord?: number;
  /** Null only from validate-batch.sql, for a scan whose event does not exist. */
  outcome: ValidationOutcome | null;
  raced: boolean | null;
  validated_at: Date;
  ticket_id: string | null;
  attendee: string | null;
  section: string | null;
  section_type: string | null;
  row_label: string | null;
  number_label: string | null;
  tier: string | null;
  ticket_status: string | null;
  first_scan_at: Date | null;
  first_scan_gate: string | null;
}

const eventNotFound = () =>
  new RpcError('NOT_FOUND', 'That event does not exist in this database (deleted, or another database?). Pick the event again.');

/**
 * Gate validation. A scan is one prepared statement (validate.sql): parsed and planned once per
 * pooled session (node-postgres `name:`), one round trip, one commit. Scans that arrive while the
 * gate's statements are all busy leave together in validate-batch.sql (ScanBatcher: group
 * commit). The validation row written in that statement is the record of the scan; nothing else
 * is written per scan (no audit_log row: that would be a second transaction and a second fsync on
 * the hot path).
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
      return onTicketzSchema(pool, 'ticketing', () => validate(pool, { eventId, input: qrHash, gate, staff }));
    },
  };
}

const batchers = new WeakMap<pg.Pool, ScanBatcher<ValidateRow>>();

/**
 * Gate statements in flight per pool. Two: one batch commits while the next one forms. Measured
 * with 16 scanners (bench/ops/RESULTS.md): 1, 2 and 4 in flight gave 0.8x, 0.82x and 0.55x of
 * pgbench's throughput; more slots mean smaller batches, so more statements and commits per scan.
 * A pool of one session gets one.
 */
const maxScanStatements = (pool: pg.Pool) => Math.max(1, Math.min(2, (pool.options.max ?? 5) - 1));

function batcherFor(pool: pg.Pool): ScanBatcher<ValidateRow> {
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = new ScanBatcher<ValidateRow>(
      {
        one: async (scan) => {
          const { rows } = await pool.query<ValidateRow>({
            name: 'ticketz.tickets.validate',
            text: validateSql,
            values: [scan.hash, scan.eventId, scan.raw, scan.gate, scan.staff],
          });
          return rows[0];
        },
        many: async (scans) => {
          const column = <K extends keyof GateScan>(key: K) => scans.map((scan) => scan[key]);
          const { rows } = await pool.query<ValidateRow>({
            name: 'ticketz.tickets.validate-batch',
            text: validateBatchSql,
            values: [column('hash'), column('eventId'), column('raw'), column('gate'), column('staff')],
          });
          const byOrd = new Map(rows.map((row) => [row.ord, row]));
          return scans.map((_, i) => {
            const row = byOrd.get(i + 1);
            return row?.outcome ? row : undefined;
          });
        },
      },
      maxScanStatements(pool),
    );
    batchers.set(pool, batcher);
  }
  return batcher;
}

async function validate(pool: pg.Pool, scan: { eventId: string; input: string; gate: string; staff: string }): Promise<ValidateOutput> {
  const parsed = parseQrInput(scan.input);
  const raw = recordedInput(scan.input);
  if (parsed.kind === 'invalid') {
    const { rows } = await pool.query<{ validated_at: Date }>({
      name: 'ticketz.tickets.log-invalid',
      text: logInvalidSql,
      values: [scan.eventId, raw, scan.gate, scan.staff],
    });
    if (!rows[0]) throw eventNotFound();
    return { outcome: 'INVALID_INPUT', reason: parsed.reason, validatedAt: rows[0].validated_at.toISOString() };
  }
  const hash = parsed.kind === 'hash' ? parsed.hash : createHash('sha256').update(parsed.payload, 'utf8').digest('hex');
  const row = await batcherFor(pool).submit({ hash, eventId: scan.eventId, raw, gate: scan.gate, staff: scan.staff });
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
        name: 'ticketz.tickets.first-scan',
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
