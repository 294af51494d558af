/**
 * Puts a named CTE in front of a question that opens `WITH /* ticketz-console *\/ …`, for one
 * question asked over two sources that cannot share a statement: bloat's column statistics come
 * from pg_statistic or from the pg_stats view, and a statement that merely names pg_statistic fails
 * for a role without SELECT on it, however the planner prunes. Both parts stay whole .sql files
 * that parse on their own; only the console's own files are joined, never input.
 */
const HEAD = /^WITH \/\* ticketz-console \*\/ /m;
const NAME = /^[a-z_][a-z0-9_]*$/;

export function withCte(template: string, name: string, body: string): string {
  if (!NAME.test(name)) throw new Error(`Bad CTE name: ${name}`);
  if (!HEAD.test(template)) throw new Error(`A CTE goes in front of a query that opens "WITH /* ticketz-console */ "; ${name} got another`);
  const inner = body.trim();
  if (inner.endsWith(';')) throw new Error(`The body of CTE ${name} must be a single statement without a semicolon`);
  // The body's closing parenthesis on its own line: a trailing `--` comment cannot swallow it.
  return template.replace(HEAD, (head) => `${head}${name} AS (\n${inner}\n),\n`);
}
