import type { TypeName } from 'libpg-query';
import { nameFromList, statementAs, typeInfo, unwrapAll } from '../../../sql-parser/ast';
import { typedColumns } from '../statements';
import { ident, renderType } from '../sql-text';
import type { LintRule, LintStatement, RuleHit } from '../types';

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
    const flag = (statement: LintStatement, typeName: TypeName | undefined, what: string, location: number | undefined) => {
      const type = typeInfo(typeName);
      if (type.name !== 'bpchar' || (type.schema !== undefined && type.schema !== 'pg_catalog')) return;
      hits.push({
        statement,
        location: location ?? typeName?.location,
        message: `${what} is ${renderType(typeName)}.`,
        safeRewrite: `${what.split(' ').at(-1)} text${type.isArray ? '[]' : ''}${type.mods[0] ? ` -- with CHECK (char_length(…) = ${type.mods[0]}) if the length is fixed` : ''}`,
      });
    };
    const column = (c: { colname?: string; typeName?: TypeName }) => `Column ${ident(c.colname ?? '')}`;
    // CREATE TABLE, ADD COLUMN, ALTER COLUMN … TYPE (shared with the other type rules), then composite types and domains.
    for (const site of typedColumns(ctx.up.statements)) flag(site.statement, site.column.typeName, column(site.column), site.column.typeName?.location);
    for (const statement of ctx.up.statements) {
      const composite = statementAs(statement, 'CompositeTypeStmt');
      for (const c of unwrapAll(composite?.coldeflist, 'ColumnDef')) flag(statement, c.typeName, column(c), c.typeName?.location);
      const domain = statementAs(statement, 'CreateDomainStmt');
      if (domain) flag(statement, domain.typeName, `Domain ${nameFromList(domain.domainname).name}`, domain.typeName?.location);
    }
    return hits;
  },
};
