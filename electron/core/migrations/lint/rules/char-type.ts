import type { ColumnDef, TypeName } from 'libpg-query';
import { nameFromList, statementAs, typeInfo, unwrap, walk } from '../../../sql-parser/ast';
import { ident, renderType } from '../sql-text';
import type { LintRule, LintStatement, RuleHit } from '../types';

/** The statements that define or retype columns, or define a domain (walking every tree would cost more than the rule). */
const COLUMN_KINDS = new Set(['CreateStmt', 'AlterTableStmt', 'CompositeTypeStmt', 'CreateDomainStmt', 'CreateTableAsStmt']);

/** squawk's ban-char-field; PostgreSQL docs 8.3: char(n) pads with spaces and is no faster than text. */
export const charType: LintRule = {
  id: 'char-type',
  severity: 'warning',
  title: 'char / character / char(n), arrays included',
  why:
    'char(n) (also written character, char, bpchar) pads values with spaces to n characters and strips them again in some ' +
    'operations but not others, so comparisons, LIKE, length() and application code disagree about what is stored; it is no ' +
    'faster than text in PostgreSQL. Use text, with a CHECK on char_length when the length matters.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of ctx.up.statements) {
      if (!COLUMN_KINDS.has(statement.kind)) continue;
      const flag = (typeName: TypeName | undefined, what: string, location: number | undefined) => {
        const type = typeInfo(typeName);
        if (type.name !== 'bpchar' || (type.schema !== undefined && type.schema !== 'pg_catalog')) return;
        hits.push({
          statement,
          location: location ?? typeName?.location,
          message: `${what} is ${renderType(typeName)}.`,
          safeRewrite: `${what.split(' ').at(-1)} text${type.isArray ? '[]' : ''}${type.mods[0] ? ` -- with CHECK (char_length(…) = ${type.mods[0]}) if the length is fixed` : ''}`,
        });
      };
      columnDefs(statement).forEach((c) => flag(c.typeName, `Column ${ident(c.colname ?? '')}`, c.typeName?.location));
      const domain = statementAs(statement, 'CreateDomainStmt');
      if (domain) flag(domain.typeName, `Domain ${nameFromList(domain.domainname).name}`, domain.typeName?.location);
    }
    return hits;
  },
};

/** Column definitions anywhere in a statement: CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE, composite types. */
function columnDefs(statement: LintStatement): ColumnDef[] {
  const found: ColumnDef[] = [];
  walk(statement.node, (tag, fields) => {
    if (tag === 'ColumnDef') found.push(fields as ColumnDef);
    const retyped = tag === 'AlterTableCmd' && fields.subtype === 'AT_AlterColumnType' ? unwrap(fields.def, 'ColumnDef') : undefined;
    if (!retyped) return;
    found.push({ ...retyped, colname: typeof fields.name === 'string' ? fields.name : '' });
    return false;
  });
  return found;
}
