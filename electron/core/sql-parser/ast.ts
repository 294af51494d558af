import type { Node, RangeVar, TypeName } from 'libpg-query';

/**
 * Typed access to libpg_query's JSON parse tree. Each node is wrapped as `{ Tag: {...fields} }`;
 * fields equal to their zero value (false, 0, empty) are omitted. Types come from @pgsql/types,
 * which libpg-query re-exports for the PostgreSQL 18 grammar.
 */

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
export type NodeTag = KeysOfUnion<Node>;
export type NodeOf<K extends NodeTag> = Extract<Node, Record<K, unknown>>[K];

/** The inner fields of `node` when it is a `tag` node. */
export function unwrap<K extends NodeTag>(node: unknown, tag: K): NodeOf<K> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  return (node as Record<string, unknown>)[tag] as NodeOf<K> | undefined;
}

/** The statement's own node when its kind is `tag` (SqlStatement keeps kind and node apart). */
export function statementAs<K extends NodeTag>(statement: { kind: string; node: unknown }, tag: K): NodeOf<K> | undefined {
  return statement.kind === tag ? (statement.node as NodeOf<K>) : undefined;
}

/** Every inner node of one tag in a list (e.g. the AlterTableCmds of an AlterTableStmt). */
export function unwrapAll<K extends NodeTag>(list: Node[] | undefined, tag: K): NodeOf<K>[] {
  const result: NodeOf<K>[] = [];
  for (const item of list ?? []) {
    const inner = unwrap(item, tag);
    if (inner) result.push(inner);
  }
  return result;
}

/** The values of a list of String nodes (qualified names, column lists). */
export function strings(list: Node[] | undefined): string[] {
  return (list ?? []).map((item) => unwrap(item, 'String')?.sval ?? '');
}

export interface QualifiedName {
  schema?: string;
  name: string;
}

export function rangeVarName(rv: RangeVar | undefined): QualifiedName {
  const name = rv?.relname ?? '';
  return rv?.schemaname ? { schema: rv.schemaname, name } : { name };
}

/** ['s', 't'] → s.t; a three-part name drops its database part. */
export function nameFromList(list: Node[] | undefined): QualifiedName {
  const parts = strings(list);
  const name = parts.at(-1) ?? '';
  const schema = parts.length >= 2 ? parts.at(-2) : undefined;
  return schema ? { schema, name } : { name };
}

/**
 * Whether two names can denote the same object. An unqualified name matches any schema: a
 * migration usually writes `users` for `public.users`, and search_path is unknown statically.
 */
export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  if (a.name !== b.name) return false;
  return a.schema === undefined || b.schema === undefined || a.schema === b.schema;
}

export interface TypeInfo {
  /** The type's own name, lower case as the parser normalizes it: int4, varchar, bpchar, uuid, serial … */
  name: string;
  schema?: string;
  /** Type modifiers as written: varchar(20) → [20]; numeric(10,2) → [10, 2]. */
  mods: number[];
  isArray: boolean;
}

export function typeInfo(typeName: TypeName | undefined): TypeInfo {
  const parts = strings(typeName?.names);
  const name = parts.at(-1) ?? '';
  const schema = parts.length >= 2 ? parts.at(-2) : undefined;
  const mods = (typeName?.typmods ?? []).map(intOf).filter((m): m is number => m !== undefined);
  const info: TypeInfo = { name, mods, isArray: (typeName?.arrayBounds?.length ?? 0) > 0 };
  if (schema) info.schema = schema;
  return info;
}

function intOf(mod: Node): number | undefined {
  const constant = unwrap(mod, 'A_Const');
  if (!constant) return undefined;
  // libpg_query omits zero values: `ival: {}` is 0.
  return constant.ival ? (constant.ival.ival ?? 0) : undefined;
}

/**
 * Depth-first walk over every node below `root`, calling `visit(tag, fields)` for each wrapped
 * node. Returning false from `visit` skips that node's children.
 */
export function walk(root: unknown, visit: (tag: string, fields: Record<string, unknown>) => boolean | void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const entries = Object.entries(value as Record<string, unknown>);
    const [first] = entries;
    // A wrapped node is an object with exactly one key whose name starts with an upper-case letter.
    if (entries.length === 1 && first && /^[A-Z]/.test(first[0]) && first[1] && typeof first[1] === 'object' && !Array.isArray(first[1])) {
      const fields = first[1] as Record<string, unknown>;
      if (visit(first[0], fields) === false) continue;
      stack.push(...Object.values(fields).reverse());
      continue;
    }
    stack.push(...Object.values(value as Record<string, unknown>).reverse());
  }
}
