import type { scanSync } from 'libpg-query';
import { byteToCharIndex, lineColumnAt } from '../../sql-parser/byte-offsets';
import type { LintScript } from './types';
import { sqlParser } from '../../sql-parser';

/**
 * Suppression comments inside a migration:
 *
 *   -- lint-ignore: <rule-id>[, <rule-id> …] <reason>
 *       applies to the next statement; written inside a statement, or after it on the line where
 *       it ends (`DROP TABLE t; -- lint-ignore: …`), it applies to that statement;
 *   -- lint-ignore-file: <rule-id>[, <rule-id> …] <reason>
 *       applies to the whole script it is in (also the whole-migration findings such as a
 *       missing down script, which belong to the up script).
 *
 * Block comments work too. The reason is required: a suppression is a decision someone made, and
 * the next reader needs to know why. One without a reason, or naming an unknown rule, suppresses
 * nothing and is itself reported (invalid-lint-ignore); one that suppresses nothing is reported
 * as unused-lint-ignore.
 */
export interface Suppression {
  ruleIds: string[];
  reason: string;
  /** The statement it applies to; null for a file-wide suppression or a comment after the last statement. */
  statementIndex: number | null;
  fileWide: boolean;
  line: number;
  column: number;
  text: string;
}

const directive = /^(?:--|\/\*)\s*lint-ignore(-file)?\s*:\s*([\s\S]*?)\s*(?:\*\/)?\s*$/;
const idList = /^([a-z0-9][a-z0-9-]*(?:\s*,\s*[a-z0-9][a-z0-9-]*)*)(?:\s+([\s\S]*))?$/i;

interface Comment {
  text: string;
  index: number;
}

function commentsIn(text: string, offset: number): Comment[] {
  if (!/lint-ignore/.test(text)) return [];
  const toChar = byteToCharIndex(text);
  const parser = sqlParser(); // loaded by parseScript; outside the try, so a missing parser is not "no comments"
  let tokens: ReturnType<typeof scanSync>['tokens'];
  try {
    tokens = parser.scanSync(text).tokens;
  } catch {
    return [];
  }
  return tokens
    .filter((t) => t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
    .map((t) => ({ text: text.slice(toChar(t.start), toChar(t.end)), index: offset + toChar(t.start) }));
}

/** Where the SQL between statements resumes after a COPY … FROM stdin data block (`\.` line). */
function afterCopyData(sql: string, from: number): number {
  const end = /^\\\.[ \t]*$/m.exec(sql.slice(from));
  return end ? from + end.index + end[0].length : from;
}

export function findSuppressions(script: LintScript, firstLine = 1): Suppression[] {
  const found: Suppression[] = [];
  const add = (comment: Comment, statementIndex: number | null) => {
    const match = directive.exec(comment.text.trim());
    if (!match) return;
    const fileWide = match[1] !== undefined;
    const body = idList.exec(match[2] ?? '');
    const { line, column } = lineColumnAt(script.sql, comment.index);
    found.push({
      ruleIds: body?.[1]?.split(',').map((id) => id.trim()) ?? [],
      reason: (body?.[2] ?? '').trim(),
      statementIndex: fileWide ? null : statementIndex,
      fileWide,
      line: line + firstLine - 1,
      column,
      text: comment.text.trim(),
    });
  };
  let gapStart = 0;
  const inGap = (end: number, next: number | null) => {
    const previous = script.statements[(next ?? script.statements.length) - 1];
    for (const c of commentsIn(script.sql.slice(gapStart, end), gapStart)) {
      const sameLineAsPrevious = previous !== undefined && !script.sql.slice(previous.end, c.index).includes('\n');
      add(c, sameLineAsPrevious ? previous.index : next);
    }
  };
  script.statements.forEach((statement, i) => {
    inGap(statement.start, i);
    for (const c of commentsIn(statement.text, statement.start)) add(c, i);
    gapStart = statement.copyData !== undefined ? afterCopyData(script.sql, statement.end) : statement.end;
  });
  inGap(script.sql.length, null);
  return found;
}
