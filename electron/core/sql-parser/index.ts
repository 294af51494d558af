export { loadSqlParser, splitSql, sqlParser, SqlParseError, type AstNode, type SqlStatement } from './split-sql';
export { statementAt } from './statement-at';
