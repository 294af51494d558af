import type pg from 'pg';
import type { ValidationOutcome } from '../../../shared/contract/tickets';
import { preparedName } from '../db/pooler';
import logInvalidSql from '../sql/tickets/log-invalid.sql?raw';
import validateBatchSql from '../sql/tickets/validate-batch.sql?raw';
import validateSql from '../sql/tickets/validate.sql?raw';
import type { GateScan, ScanStatements } from './scan-batcher';

export interface ValidateRow {
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

/** Who the audit entries written by the statements name; undefined: the statements write none. */
export interface AuditIdentity {
  osUser: string;
  host: string;
}

const AUDIT_BLOCK = /^-- audit:begin\n[\s\S]*?^-- audit:end\n/m;

/**
 * A gate statement without its `audited` CTE (the lines between `-- audit:begin` and
 * `-- audit:end`), for a role that cannot write the console's audit table. The audit parameters
 * are the statement's last ones, so the rest keep their numbers.
 */
export function withoutAudit(sql: string): string {
  if (!AUDIT_BLOCK.test(sql)) throw new Error('gate statement without an audit block');
  return sql.replace(AUDIT_BLOCK, '');
}

const unaudited = {
  validate: withoutAudit(validateSql),
  batch: withoutAudit(validateBatchSql),
  invalid: withoutAudit(logInvalidSql),
};

/**
 * The gate's prepared statements on one pool, in their audited form (each scan's audit entry in
 * the scan's own statement and commit) or not. Prepared names differ per form, because a
 * session's prepared statement keeps the text it was first prepared with. Behind a pooler the
 * statements go unnamed (parsed per execution): a transaction pooler hands each transaction to
 * any server session, where a named statement may not exist (PgBouncer before 1.21).
 */
export function gateStatements(
  pool: pg.Pool,
  audit: AuditIdentity | undefined,
): ScanStatements<ValidateRow> & {
  logInvalid(eventId: string, raw: string, gate: string, staff: string): Promise<Date | undefined>;
} {
  const form = audit ? 'audited' : 'plain';
  const auditValues = audit ? [audit.osUser, audit.host] : [];
  return {
    one: async (scan) => {
      const { rows } = await pool.query<ValidateRow>({
        name: preparedName(pool, `ticketz.tickets.validate.${form}`),
        text: audit ? validateSql : unaudited.validate,
        values: [scan.hash, scan.eventId, scan.raw, scan.gate, scan.staff, ...auditValues],
      });
      return rows[0];
    },
    many: async (scans) => {
      const column = <K extends keyof GateScan>(key: K) => scans.map((scan) => scan[key]);
      const { rows } = await pool.query<ValidateRow>({
        name: preparedName(pool, `ticketz.tickets.validate-batch.${form}`),
        text: audit ? validateBatchSql : unaudited.batch,
        values: [column('hash'), column('eventId'), column('raw'), column('gate'), column('staff'), ...auditValues],
      });
      const byOrd = new Map(rows.map((row) => [row.ord, row]));
      return scans.map((_, i) => {
        const row = byOrd.get(i + 1);
        return row?.outcome ? row : undefined;
      });
    },
    logInvalid: async (eventId, raw, gate, staff) => {
      const { rows } = await pool.query<{ validated_at: Date }>({
        name: preparedName(pool, `ticketz.tickets.log-invalid.${form}`),
        text: audit ? logInvalidSql : unaudited.invalid,
        values: [eventId, raw, gate, staff, ...auditValues],
      });
      return rows[0]?.validated_at;
    },
  };
}
