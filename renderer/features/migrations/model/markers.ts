import type { LintFinding } from '../../../../shared/contract/migration-lint';

/** 1-based line and column of `text` to a string offset (clamped to the text). */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/** A finding as a Monaco marker: from its line:column to the end of the token (or the line). */
export function findingMarker(text: string, finding: LintFinding) {
  const start = offsetAt(text, finding.line, finding.column);
  const lineEnd = text.indexOf('\n', start);
  const rest = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
  const token = /^\S+/.exec(rest)?.[0].length ?? 1;
  return { start, end: Math.max(start + token, start + 1), message: `${finding.ruleId}: ${finding.message}`, severity: finding.severity };
}
