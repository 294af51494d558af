import type { ColumnDef, Constraint, Node } from 'libpg-query';
import { strings, typeInfo, walk } from '../../sql-parser/ast';

/** Type judgments shared by the type-choice rules (prefer-text, uuid-as-varchar, key types). */

const characterTypes = new Set(['varchar', 'bpchar', 'text']);
const uuidFunctions = /^(gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|uuidv[47])$/;

export interface ColumnLike {
  column: ColumnDef;
  constraints: Constraint[];
  primaryKey: boolean;
}

function callsUuidFunction(expr: Node | undefined): boolean {
  let found = false;
  walk(expr, (tag, fields) => {
    if (tag === 'FuncCall' && uuidFunctions.test(strings(fields.funcname as Node[]).at(-1) ?? '')) found = true;
  });
  return found;
}

const UUID_LITERAL = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** A CHECK that tests the UUID shape: `~ '^[0-9a-f]{8}-…'`. */
const UUID_PATTERN = /\[0-9a-f(?:A-F)?\]\{8\}/i;

/** String constants anywhere below a node (defaults, CHECK expressions). */
function stringConstants(expr: Node | undefined): string[] {
  const found: string[] = [];
  walk(expr, (tag, fields) => {
    const sval = tag === 'A_Const' ? (fields.sval as { sval?: string } | undefined)?.sval : undefined;
    if (sval !== undefined) found.push(sval);
  });
  return found;
}

/**
 * A character column whose name or values look like UUIDs: named uuid/guid (or *_uuid),
 * exactly 36 characters long (the text form), defaulting to a UUID generator or to a UUID
 * literal, or checked against the UUID pattern. A key named id or *_id is not enough: those
 * hold slugs, e-mail addresses and external references as often as UUIDs.
 */
export function looksLikeUuidAsText(site: ColumnLike): boolean {
  const type = typeInfo(site.column.typeName);
  if (!characterTypes.has(type.name) || type.isArray) return false;
  const name = (site.column.colname ?? '').toLowerCase();
  if (type.mods[0] === 36) return true;
  if (/(^|_)(uuid|guid)s?$/.test(name)) return true;
  const defaults = site.constraints.filter((c) => c.contype === 'CONSTR_DEFAULT');
  if (defaults.some((c) => callsUuidFunction(c.raw_expr) || stringConstants(c.raw_expr).some((v) => UUID_LITERAL.test(v)))) return true;
  return site.constraints.some((c) => c.contype === 'CONSTR_CHECK' && stringConstants(c.raw_expr).some((v) => UUID_PATTERN.test(v)));
}

/** varchar(n), char, char(n): the types prefer-text reports. */
export function boundedCharacterType(column: ColumnDef): { name: 'varchar' | 'bpchar'; length: number | undefined } | undefined {
  const type = typeInfo(column.typeName);
  if (type.schema !== 'pg_catalog' || type.isArray) return undefined;
  if (type.name === 'varchar' && type.mods.length > 0) return { name: 'varchar', length: type.mods[0] };
  if (type.name === 'bpchar') return { name: 'bpchar', length: type.mods[0] };
  return undefined;
}

export const smallIntegerTypes = new Set(['int2', 'int4', 'serial', 'serial4', 'smallserial', 'serial2']);
export const serialTypes = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
