import type { Constraint, Node } from 'libpg-query';
import { nameFromList, rangeVarName, sameName, strings, unwrap, unwrapAll, walk, type QualifiedName } from '../../sql-parser/ast';
import { alterCommandsOf } from './statements';
import type { LintStatement } from './types';

/**
 * What a script does to the schema, object by object, so the down script can be compared with
 * the up script statically (down-does-not-undo-up). Dynamic reversibility (apply up, down, diff
 * the catalog) is the migration engine's verify.
 */

export type ObjectKind =
  | 'table'
  | 'view'
  | 'materialized view'
  | 'index'
  | 'sequence'
  | 'column'
  | 'constraint'
  | 'schema'
  | 'extension'
  | 'type'
  | 'domain'
  | 'function'
  | 'trigger'
  | 'policy';

export interface SchemaObject {
  kind: ObjectKind;
  name: QualifiedName;
  /** The table a column, constraint, index, trigger or policy belongs to; for a partition, its partitioned table. */
  table?: QualifiedName;
  /** The columns a constraint or index is on: dropping any of them drops it too. */
  columns?: string[];
}

export type SchemaChange = { statement: LintStatement; location?: number | undefined; object: SchemaObject } & (
  | { op: 'create'; orReplace: boolean }
  | { op: 'drop' }
  | { op: 'rename'; newName: string }
  | { op: 'retype' }
  | { op: 'set-not-null' }
  | { op: 'drop-not-null' }
  | { op: 'add-enum-value'; value: string }
);

const dropKinds: Partial<Record<string, ObjectKind>> = {
  OBJECT_TABLE: 'table',
  OBJECT_FOREIGN_TABLE: 'table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_SCHEMA: 'schema',
  OBJECT_EXTENSION: 'extension',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'domain',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_ROUTINE: 'function',
  OBJECT_TRIGGER: 'trigger',
  OBJECT_POLICY: 'policy',
  OBJECT_COLUMN: 'column',
  OBJECT_TABCONSTRAINT: 'constraint',
};

/** PostgreSQL's default constraint names (ChooseConstraintName): t_pkey, t_a_b_key, t_a_fkey. */
function constraintName(table: QualifiedName, c: Constraint, column?: string): string | undefined {
  if (c.conname) return c.conname;
  const keys = column ? [column] : strings(c.contype === 'CONSTR_FOREIGN' ? c.fk_attrs : c.keys);
  const join = (suffix: string) => [table.name, ...keys, suffix].join('_').slice(0, 63);
  if (c.contype === 'CONSTR_PRIMARY') return `${table.name}_pkey`.slice(0, 63);
  if (c.contype === 'CONSTR_UNIQUE') return join('key');
  if (c.contype === 'CONSTR_FOREIGN') return join('fkey');
  return undefined; // CHECK names depend on the expression; unnamed ones are not tracked
}

/** The columns a constraint names or its CHECK expression reads. */
function constraintColumns(c: Constraint): string[] {
  const columns = [...strings(c.keys), ...strings(c.fk_attrs)];
  walk(c.raw_expr, (tag, fields) => {
    if (tag === 'ColumnRef') columns.push(strings(fields.fields as Node[]).at(-1) ?? '');
  });
  return columns;
}

/** A name given as a list of String nodes, where the last part names an object on the table the others name. */
function onTable(items: Node[] | undefined): { table: QualifiedName; name: string } {
  const parts = strings(items);
  return { table: nameFromList(parts.slice(0, -1).map((sval) => ({ String: { sval } }))), name: parts.at(-1) ?? '' };
}

function dropObjects(removeType: string, objects: Node[]): SchemaObject[] {
  const kind = dropKinds[removeType];
  if (!kind) return [];
  return objects.map((o): SchemaObject => {
    if (kind === 'schema' || kind === 'extension') return { kind, name: { name: unwrap(o, 'String')?.sval ?? '' } };
    if (kind === 'type' || kind === 'domain') return { kind, name: nameFromList(unwrap(o, 'TypeName')?.names) };
    if (kind === 'function') return { kind, name: nameFromList(unwrap(o, 'ObjectWithArgs')?.objname) };
    if (kind === 'trigger' || kind === 'policy') {
      const { table, name } = onTable(unwrap(o, 'List')?.items);
      return { kind, name: { name }, table };
    }
    return { kind, name: nameFromList(unwrap(o, 'List')?.items) };
  });
}

function alterTableChanges(statement: LintStatement): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const { table, cmd } of alterCommandsOf(statement)) {
    const column = (name: string | undefined): SchemaObject => ({ kind: 'column', name: { name: name ?? '' }, table });
    switch (cmd.subtype) {
      case 'AT_AddColumn': {
        const def = unwrap(cmd.def, 'ColumnDef');
        changes.push({ statement, location: def?.location, op: 'create', orReplace: false, object: column(def?.colname) });
        break;
      }
      case 'AT_DropColumn':
        changes.push({ statement, op: 'drop', object: column(cmd.name) });
        break;
      case 'AT_AlterColumnType':
        changes.push({ statement, op: 'retype', object: column(cmd.name) });
        break;
      case 'AT_SetNotNull':
        changes.push({ statement, op: 'set-not-null', object: column(cmd.name) });
        break;
      case 'AT_DropNotNull':
        changes.push({ statement, op: 'drop-not-null', object: column(cmd.name) });
        break;
      case 'AT_AddConstraint': {
        const c = unwrap(cmd.def, 'Constraint');
        const name = c ? constraintName(table, c) : undefined;
        if (c && name) changes.push({ statement, location: c.location, op: 'create', orReplace: false, object: { kind: 'constraint', name: { name }, table, columns: constraintColumns(c) } });
        break;
      }
      case 'AT_DropConstraint':
        changes.push({ statement, op: 'drop', object: { kind: 'constraint', name: { name: cmd.name ?? '' }, table } });
        break;
      default:
        break;
    }
  }
  return changes;
}

function renameChange(statement: LintStatement): SchemaChange | undefined {
  const stmt = statement.node as { renameType?: string; relation?: Parameters<typeof rangeVarName>[0]; subname?: string; newname?: string; object?: Node };
  const kind = dropKinds[stmt.renameType ?? ''];
  if (!kind || !stmt.newname) return undefined;
  const relation = stmt.relation ? rangeVarName(stmt.relation) : undefined;
  let object: SchemaObject;
  if ((kind === 'column' || kind === 'constraint' || kind === 'trigger' || kind === 'policy') && relation) object = { kind, name: { name: stmt.subname ?? '' }, table: relation };
  else if (kind === 'schema') object = { kind, name: { name: stmt.subname ?? '' } };
  else if (kind === 'function') object = { kind, name: nameFromList(unwrap(stmt.object, 'ObjectWithArgs')?.objname) };
  else if (kind === 'type' || kind === 'domain') object = { kind, name: nameFromList(unwrap(stmt.object, 'List')?.items) };
  else if (relation) object = { kind, name: relation };
  else return undefined;
  return { statement, location: stmt.relation?.location, op: 'rename', newName: stmt.newname, object };
}

function createChange(statement: LintStatement): SchemaChange[] {
  const n = statement.node as Record<string, unknown>;
  const create = (object: SchemaObject, orReplace = false, location?: number): SchemaChange[] => [{ statement, location, op: 'create', orReplace, object }];
  switch (statement.kind) {
    case 'CreateStmt': {
      const table = rangeVarName(n.relation as never);
      const constraints = unwrapAll(n.tableElts as Node[], 'Constraint').flatMap((c) => {
        const name = constraintName(table, c);
        return name ? create({ kind: 'constraint', name: { name }, table }) : [];
      });
      // A partition (CREATE TABLE … PARTITION OF p) goes away with its partitioned table.
      const parent = n.partbound ? unwrapAll(n.inhRelations as Node[], 'RangeVar')[0] : undefined;
      return [...create(parent ? { kind: 'table', name: table, table: rangeVarName(parent) } : { kind: 'table', name: table }), ...constraints];
    }
    case 'CreateTableAsStmt': {
      const into = unwrap({ IntoClause: n.into }, 'IntoClause');
      return create({ kind: n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', name: rangeVarName(into?.rel) });
    }
    case 'ViewStmt':
      return create({ kind: 'view', name: rangeVarName(n.view as never) }, n.replace === true);
    case 'IndexStmt': {
      if (typeof n.idxname !== 'string') return []; // an unnamed index gets a generated name the down script cannot know
      const table = rangeVarName(n.relation as never);
      const columns = unwrapAll(n.indexParams as Node[], 'IndexElem').map((e) => e.name ?? '');
      return create({ kind: 'index', name: table.schema ? { schema: table.schema, name: n.idxname } : { name: n.idxname }, table, columns });
    }
    case 'CreateSeqStmt':
      return create({ kind: 'sequence', name: rangeVarName(n.sequence as never) });
    case 'CreateSchemaStmt':
      return create({ kind: 'schema', name: { name: String(n.schemaname ?? '') } });
    case 'CreateExtensionStmt':
      return create({ kind: 'extension', name: { name: String(n.extname ?? '') } });
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return create({ kind: 'type', name: nameFromList(n.typeName as Node[]) });
    case 'CompositeTypeStmt':
      return create({ kind: 'type', name: rangeVarName(n.typevar as never) });
    case 'CreateDomainStmt':
      return create({ kind: 'domain', name: nameFromList(n.domainname as Node[]) });
    case 'CreateFunctionStmt':
      return create({ kind: 'function', name: nameFromList(n.funcname as Node[]) }, n.replace === true);
    case 'CreateTrigStmt':
      return create({ kind: 'trigger', name: { name: String(n.trigname ?? '') }, table: rangeVarName(n.relation as never) }, n.replace === true);
    case 'CreatePolicyStmt':
      return create({ kind: 'policy', name: { name: String(n.policy_name ?? '') }, table: rangeVarName(n.table as never) });
    default:
      return [];
  }
}

export function schemaChanges(statements: LintStatement[]): SchemaChange[] {
  return statements.flatMap((statement): SchemaChange[] => {
    switch (statement.kind) {
      case 'AlterTableStmt':
        return alterTableChanges(statement);
      case 'DropStmt': {
        const n = statement.node as { removeType?: string; objects?: Node[] };
        return dropObjects(n.removeType ?? '', n.objects ?? []).map((object) => ({ statement, op: 'drop' as const, object }));
      }
      case 'RenameStmt': {
        const change = renameChange(statement);
        return change ? [change] : [];
      }
      case 'AlterEnumStmt': {
        const n = statement.node as { typeName?: Node[]; newVal?: string; oldVal?: string };
        return n.newVal && !n.oldVal ? [{ statement, op: 'add-enum-value', value: n.newVal, object: { kind: 'type', name: nameFromList(n.typeName) } }] : [];
      }
      default:
        return createChange(statement);
    }
  });
}

export function sameObject(a: SchemaObject, b: SchemaObject): boolean {
  const kindsMatch = a.kind === b.kind || (a.kind === 'type' && b.kind === 'domain') || (a.kind === 'domain' && b.kind === 'type');
  if (!kindsMatch || !sameName(a.name, b.name)) return false;
  if (a.table && b.table) return sameName(a.table, b.table);
  return true;
}

export function describeObject(o: SchemaObject): string {
  const name = o.name.schema ? `${o.name.schema}.${o.name.name}` : o.name.name;
  const table = o.table ? `${o.table.schema ? `${o.table.schema}.` : ''}${o.table.name}` : undefined;
  if (o.kind === 'column') return `column ${table}.${name}`;
  if (o.kind === 'table' && table) return `partition ${name} of ${table}`;
  return table ? `${o.kind} ${name} on ${table}` : `${o.kind} ${name}`;
}
