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

/**
 * A character column that most likely holds UUIDs (seed 003: IDs stored as String(255)):
 * 36 or 32 characters long, named like a uuid/guid, defaulting to a UUID generator, or a key
 * column (id, *_id, primary key, foreign key).
 */
export function looksLikeUuidAsText(site: ColumnLike): boolean {
  const type = typeInfo(site.column.typeName);
  if (!characterTypes.has(type.name) || type.isArray) return false;
  const name = (site.column.colname ?? '').toLowerCase();
  const length = type.mods[0];
  if (length === 36 || length === 32) return true;
  if (/(^|_)(uuid|guid)$/.test(name)) return true;
  if (site.constraints.some((c) => c.contype === 'CONSTR_DEFAULT' && callsUuidFunction(c.raw_expr))) return true;
  const keyName = name === 'id' || name.endsWith('_id');
  const key = site.primaryKey || site.constraints.some((c) => c.contype === 'CONSTR_FOREIGN');
  return keyName && key;
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
