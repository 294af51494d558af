import { sameName, statementAs, walk } from '../../../sql-parser/ast';
import { alterCommandsOf } from '../statements';
import { describeObject, sameObject, schemaChanges, type SchemaChange, type SchemaObject } from '../schema-changes';
import { ident, qualified } from '../sql-text';
import type { LintContext, LintRule, LintStatement, RuleHit } from '../types';

/** The objects that disappear with the relation they are on (and partitions with their partitioned table). */
const onTable = new Set(['column', 'constraint', 'index', 'trigger', 'policy', 'table']);
const relations = new Set(['table', 'materialized view', 'view']);

function notNullBefore(ctx: LintContext, column: SchemaObject): boolean | undefined {
  return column.table ? ctx.priorSchema?.isNotNull(column.table, column.name.name) : undefined;
}

function droppedByDown(object: SchemaObject, down: SchemaChange[]): boolean {
  return down.some((d) => {
    if (d.op !== 'drop') return false;
    if (sameObject(d.object, object)) return true;
    if (relations.has(d.object.kind) && object.table && onTable.has(object.kind) && sameName(d.object.name, object.table)) return true;
    // Dropping a column drops the constraints and indexes on it.
    if (d.object.kind === 'column' && object.table && d.object.table && sameName(d.object.table, object.table) && object.columns?.includes(d.object.name.name)) return true;
    if (d.object.kind === 'schema') return object.name.schema === d.object.name.name || object.table?.schema === d.object.name.name;
    return false;
  });
}

/** Whether a statement drops with CASCADE (DROP … CASCADE, ALTER TABLE … DROP COLUMN … CASCADE). */
function cascades(statement: LintStatement): boolean {
  const drop = statementAs(statement, 'DropStmt');
  if (drop) return drop.behavior === 'DROP_CASCADE';
  return alterCommandsOf(statement).some(({ cmd }) => cmd.behavior === 'DROP_CASCADE' && (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint'));
}

/** Every name a statement mentions: relations, columns, types, functions (lower-case as the parser leaves them). */
function namesIn(statement: LintStatement): Set<string> {
  const names = new Set<string>();
  walk(statement.node, (tag, fields) => {
    if (tag === 'RangeVar' && typeof fields.relname === 'string') names.add(fields.relname);
    if (tag === 'String' && typeof fields.sval === 'string') names.add(fields.sval);
  });
  return names;
}

/**
 * An object the up script made that depends on something the down script drops with CASCADE (a
 * view on the table, a trigger on the function, a column of the type): PostgreSQL drops it too.
 * Seen from the text: the up statement names the dropped object (and, for a column, its table).
 */
function droppedByCascade(change: SchemaChange, down: SchemaChange[]): boolean {
  const dropped = down.filter((d) => d.op === 'drop' && cascades(d.statement));
  if (dropped.length === 0) return false;
  const names = namesIn(change.statement);
  return dropped.some((d) => names.has(d.object.name.name) && (d.object.kind !== 'column' || (d.object.table !== undefined && names.has(d.object.table.name))));
}

function createdByDown(object: SchemaObject, down: SchemaChange[]): boolean {
  return down.some((d) => d.op === 'create' && sameObject(d.object, object));
}

function columnChangedBack(change: SchemaChange, down: SchemaChange[], op: SchemaChange['op']): boolean {
  return droppedByDown(change.object, down) || down.some((d) => d.op === op && sameObject(d.object, change.object));
}

/** Up changes that still stand at the end of the up script (created-then-dropped objects cancel out; renames carry names forward). */
function netChanges(up: SchemaChange[]): SchemaChange[] {
  return up.flatMap((change, i): SchemaChange[] => {
    const later = up.slice(i + 1);
    if (change.op !== 'create') return [change];
    let object = change.object;
    for (const next of later) {
      if (!sameObject(next.object, object)) continue;
      if (next.op === 'drop') return [];
      if (next.op === 'rename') object = { ...object, name: { ...object.name, name: next.newName } };
    }
    return [{ ...change, object }];
  });
}

const dropVerb: Record<SchemaObject['kind'], string> = {
  table: 'DROP TABLE',
  view: 'DROP VIEW',
  'materialized view': 'DROP MATERIALIZED VIEW',
  index: 'DROP INDEX',
  sequence: 'DROP SEQUENCE',
  column: 'DROP COLUMN',
  constraint: 'DROP CONSTRAINT',
  schema: 'DROP SCHEMA',
  extension: 'DROP EXTENSION',
  type: 'DROP TYPE',
  domain: 'DROP DOMAIN',
  function: 'DROP FUNCTION',
  trigger: 'DROP TRIGGER',
  policy: 'DROP POLICY',
};

/** The statement the down script is missing, as concretely as the up script allows. */
function undoSql(change: SchemaChange): string {
  const o = change.object;
  const name = qualified(o.name);
  const table = o.table ? qualified(o.table) : '';
  const col = ident(o.name.name);
  switch (change.op) {
    case 'create':
      if (o.kind === 'column' || o.kind === 'constraint') return `ALTER TABLE ${table} ${dropVerb[o.kind]} ${col};`;
      if (o.kind === 'trigger' || o.kind === 'policy') return `${dropVerb[o.kind]} ${col} ON ${table};`;
      return `${dropVerb[o.kind]} ${name};`;
    case 'drop':
      return `-- re-create ${describeObject(o)} as it was before this migration (copy its definition from the migration that created it)`;
    case 'rename': {
      const renamed = ident(change.newName);
      if (o.kind === 'column') return `ALTER TABLE ${table} RENAME COLUMN ${renamed} TO ${col};`;
      if (o.kind === 'constraint') return `ALTER TABLE ${table} RENAME CONSTRAINT ${renamed} TO ${col};`;
      if (o.kind === 'trigger') return `ALTER TRIGGER ${renamed} ON ${table} RENAME TO ${col};`;
      const keyword = o.kind === 'materialized view' ? 'MATERIALIZED VIEW' : o.kind.toUpperCase();
      return `ALTER ${keyword} ${o.name.schema ? `${ident(o.name.schema)}.` : ''}${renamed} RENAME TO ${col};`;
    }
    case 'retype':
      return `ALTER TABLE ${table} ALTER COLUMN ${col} TYPE <its previous type>;`;
    case 'set-not-null':
      return `ALTER TABLE ${table} ALTER COLUMN ${col} DROP NOT NULL;`;
    case 'drop-not-null':
      return `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL;`;
    default:
      return '';
  }
}

function action(change: SchemaChange): string {
  const what = describeObject(change.object);
  switch (change.op) {
    case 'create':
      return `creates ${what}`;
    case 'drop':
      return `drops ${what}`;
    case 'rename':
      return `renames ${what} to ${change.newName}`;
    case 'retype':
      return `changes the type of ${what}`;
    case 'set-not-null':
      return `sets NOT NULL on ${what}`;
    case 'drop-not-null':
      return `drops NOT NULL of ${what}`;
    default:
      return `changes ${what}`;
  }
}

const reverseOf: Record<string, string> = {
  create: 'drop it',
  drop: 're-create it',
  rename: 'rename it back',
  retype: 'change the type back',
  'set-not-null': 'DROP NOT NULL',
  'drop-not-null': 'SET NOT NULL again',
};

export const downDoesNotUndoUp: LintRule = {
  id: 'down-does-not-undo-up',
  severity: 'warning',
  title: 'Down script does not undo the up script',
  why:
    'A down script that leaves objects of the up script behind (or does not restore what it dropped or renamed) makes a rollback ' +
    'fail half-way, or succeed and leave a schema that matches no version: the next up then fails on objects that already exist. ' +
    'This is a static comparison of object names; the engine\'s verify runs up and down on a scratch database to prove it.',
  check(ctx) {
    const hits: RuleHit[] = [];
    if (!ctx.down || ctx.down.statements.length === 0) return hits; // missing-down-script reports that
    const down = schemaChanges(ctx.down.statements);
    for (const change of netChanges(schemaChanges(ctx.up.statements))) {
      const what = describeObject(change.object);
      let undone: boolean;
      switch (change.op) {
        case 'create':
          undone = droppedByDown(change.object, down) || (change.orReplace && createdByDown(change.object, down));
          break;
        case 'drop':
          undone = createdByDown(change.object, down);
          break;
        case 'rename': {
          const renamed = { ...change.object, name: { ...change.object.name, name: change.newName } };
          undone = down.some((d) => d.op === 'rename' && sameObject(d.object, renamed) && d.newName === change.object.name.name) || droppedByDown(renamed, down);
          break;
        }
        case 'retype':
          undone = columnChangedBack(change, down, 'retype');
          break;
        // Where the earlier migrations say the column already was NOT NULL (or nullable), the change is a no-op to undo.
        case 'set-not-null':
          undone = columnChangedBack(change, down, 'drop-not-null') || notNullBefore(ctx, change.object) === true;
          break;
        case 'drop-not-null':
          undone = columnChangedBack(change, down, 'set-not-null') || notNullBefore(ctx, change.object) === false;
          break;
        case 'add-enum-value':
          if (!droppedByDown(change.object, down))
            hits.push({
              statement: change.statement,
              severity: 'info',
              message: `Value '${change.value}' is added to ${what}; PostgreSQL cannot remove an enum value, so the down script cannot undo this.`,
              safeRewrite: 'Accept it (an unused enum value is harmless), or re-create the type without the value in the down script.',
            });
          continue;
      }
      if (undone || droppedByCascade(change, down)) continue;
      hits.push({
        statement: change.statement,
        location: change.location,
        message: `The up script ${action(change)}; the down script does not ${reverseOf[change.op]}.`,
        safeRewrite: `-- in the down script (which undoes the up script in reverse order):\n${undoSql(change)}`,
      });
    }
    return hits;
  },
};
