import type { ClientBase } from 'pg';
import type { RoleWrites } from '../../../shared/contract/connections';
import readOnlyRoleStatementsSql from '../sql/connection/read-only-role-statements.sql?raw';
import roleWritesSql from '../sql/connection/role-writes.sql?raw';

interface RoleWritesRow {
  superuser: boolean;
  can_create_roles: boolean;
  write_all_data: boolean;
  writable_tables: string;
  creatable_schemas: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the connected role may change by itself: the console's read-only mode is the only guard when this is non-empty. */
export async function readRoleWrites(client: ClientBase): Promise<RoleWrites> {
  const { rows } = await client.query<RoleWritesRow>(roleWritesSql);
  const row = rows[0];
  const reasons: string[] = [];
  if (row?.superuser) reasons.push('superuser');
  // pg_has_role is true for a superuser whatever it is granted: name membership only for other roles.
  if (!row?.superuser && row?.write_all_data) reasons.push('member of pg_write_all_data');
  const tables = Number(row?.writable_tables ?? 0);
  const schemas = Number(row?.creatable_schemas ?? 0);
  if (!row?.superuser && tables > 0) reasons.push(`may write ${plural(tables, 'table', 'tables')}`);
  if (!row?.superuser && schemas > 0) reasons.push(`may create objects in ${plural(schemas, 'schema', 'schemas')}`);
  return { canWrite: reasons.length > 0, reasons, canCreateRoles: row?.can_create_roles === true };
}

/**
 * Creates a login role that reads everything and writes nothing, in one transaction on `client`.
 * Returns the statements run, with the password masked (for the audit log).
 */
export async function createReadOnlyRole(client: ClientBase, role: string, password: string): Promise<string[]> {
  await client.query('BEGIN /* ticketz-console */');
  try {
    const { rows } = await client.query<{ statement: string }>(readOnlyRoleStatementsSql, [role, password]);
    for (const { statement } of rows) await client.query(statement);
    await client.query('COMMIT /* ticketz-console */');
    return rows.map((r, i) => (i === 0 ? r.statement.replace(/PASSWORD .*$/s, 'PASSWORD …') : r.statement));
  } catch (err) {
    await client.query('ROLLBACK /* ticketz-console */').catch(() => undefined);
    throw err;
  }
}
