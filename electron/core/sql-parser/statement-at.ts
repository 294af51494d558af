import type { SqlStatement } from './split-sql';

/**
 * The statement an editor cursor is in (or just after, when the cursor sits past its
 * semicolon on the same line), as "run statement at cursor" needs.
 */
export function statementAt(statements: SqlStatement[], cursorIndex: number): SqlStatement | undefined {
  let candidate: SqlStatement | undefined;
  for (const s of statements) {
    if (cursorIndex >= s.start && cursorIndex <= s.end) return s;
    if (s.start <= cursorIndex) candidate = s;
  }
  return candidate;
}
