import { rangeVarName, statementAs, type QualifiedName } from '../../sql-parser/ast';

/** The table a statement creates, if any (CREATE TABLE, CREATE TABLE AS, CREATE MATERIALIZED VIEW, SELECT INTO). */
export function createdTable(statement: { kind: string; node: unknown }): QualifiedName | undefined {
  const create = statementAs(statement, 'CreateStmt');
  if (create) return rangeVarName(create.relation);
  const createAs = statementAs(statement, 'CreateTableAsStmt');
  if (createAs?.into?.rel) return rangeVarName(createAs.into.rel);
  const selectInto = statementAs(statement, 'SelectStmt')?.intoClause?.rel;
  return selectInto ? rangeVarName(selectInto) : undefined;
}
