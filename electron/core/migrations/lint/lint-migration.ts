import { SqlParseError } from '../../sql-parser';
import { buildContext, parseScript } from './context';
import { lintRules, metaRules } from './rules';
import { shorten } from './sql-text';
import { findSuppressions, type Suppression } from './suppressions';
import type { Finding, LintInput, LintRule, LintScript, RuleHit, ScriptHit, ScriptKind } from './types';

const severityOrder = { error: 0, warning: 1, info: 2 } as const;
const downRules = new Set(['missing-down-script', 'down-does-not-undo-up']);

function toFinding(rule: Pick<LintRule, 'id' | 'severity' | 'title' | 'why'>, hit: RuleHit | ScriptHit, firstLine: Record<ScriptKind, number>): Finding {
  const base = {
    ruleId: rule.id,
    severity: hit.severity ?? rule.severity,
    title: rule.title,
    message: hit.message,
    why: hit.why ?? rule.why,
    safeRewrite: hit.safeRewrite,
  };
  if ('statement' in hit) {
    const { line, column } = hit.statement.positionOf(hit.location);
    return { ...base, script: hit.statement.script, statementIndex: hit.statement.index, line, column, excerpt: shorten(hit.statement.text) };
  }
  return { ...base, script: hit.script, statementIndex: null, line: firstLine[hit.script], column: 1, excerpt: '' };
}

function syntaxFinding(script: ScriptKind, err: SqlParseError, firstLine: number): Finding {
  const rule = metaRules.syntaxError;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    message: `The ${script} script does not parse: ${err.message.replace(/ \(line \d+, column \d+\)$/, '')}.`,
    why: rule.why,
    safeRewrite: 'Fix the SQL at this position; nothing else in this script was checked.',
    script,
    statementIndex: null,
    line: err.line + firstLine - 1,
    column: err.column,
    excerpt: '',
  };
}

async function parseOrReport(kind: ScriptKind, sql: string, firstLine: number, findings: Finding[]): Promise<LintScript | undefined> {
  try {
    return await parseScript(kind, sql, firstLine);
  } catch (err) {
    if (!(err instanceof SqlParseError)) throw err;
    findings.push(syntaxFinding(kind, err, firstLine));
    return undefined;
  }
}

/** Applies suppressions to findings; returns what is left plus findings about the suppressions themselves. */
function applySuppressions(findings: Finding[], suppressions: Array<Suppression & { script: ScriptKind }>): Finding[] {
  const known = new Set(lintRules.map((r) => r.id));
  const valid = suppressions.filter((s) => s.reason !== '' && s.ruleIds.length > 0 && s.ruleIds.every((id) => known.has(id)));
  const used = new Set<Suppression>();
  const kept = findings.filter((f) => {
    const by = valid.find((s) => s.script === f.script && s.ruleIds.includes(f.ruleId) && (s.fileWide || (s.statementIndex !== null && s.statementIndex === f.statementIndex)));
    if (by) used.add(by);
    return !by;
  });
  for (const s of suppressions) {
    const unknown = s.ruleIds.filter((id) => !known.has(id));
    const base = { script: s.script, statementIndex: s.statementIndex, line: s.line, column: s.column, excerpt: s.text };
    if (s.ruleIds.length === 0 || unknown.length > 0 || s.reason === '') {
      const rule = metaRules.invalidIgnore;
      const problem =
        s.ruleIds.length === 0
          ? 'names no rule'
          : unknown.length > 0
            ? `names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}`
            : 'gives no reason';
      kept.push({
        ...base,
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title,
        message: `This lint-ignore ${problem}, so it suppresses nothing.`,
        why: rule.why,
        safeRewrite: '-- lint-ignore: <rule-id> <why this is safe here>',
      });
    } else if (!used.has(s)) {
      const rule = metaRules.unusedIgnore;
      kept.push({
        ...base,
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title,
        message: `Nothing here triggers ${s.ruleIds.join(', ')}${s.fileWide ? ' in this script' : s.statementIndex === null ? ' (no statement follows it)' : ''}.`,
        why: rule.why,
        safeRewrite: 'Remove the comment, or move it to the statement it is meant for.',
      });
    }
  }
  return kept;
}

/**
 * Lints one migration: its up script and, when present, its down script. Async because the
 * parser (WebAssembly) loads on first use. A script that does not parse yields one syntax-error
 * finding at the error's position, and no other findings for that script.
 */
export async function lintMigration(input: LintInput, rules: LintRule[] = lintRules): Promise<Finding[]> {
  const firstLine = { up: input.upFirstLine ?? 1, down: input.downFirstLine ?? 1 };
  const findings: Finding[] = [];
  const up = await parseOrReport('up', input.upSql, firstLine.up, findings);
  const down = input.downSql === undefined ? undefined : await parseOrReport('down', input.downSql, firstLine.down, findings);
  if (!up) return findings;
  // A down script that does not parse is reported; the up script is still checked, without the rules that compare the two.
  const downBroken = input.downSql !== undefined && !down;
  const active = downBroken ? rules.filter((r) => !downRules.has(r.id)) : rules;

  const ctx = buildContext({
    name: input.name ?? 'migration',
    up,
    down,
    transaction: input.transaction ?? 'auto',
    lockTimeoutByRunner: input.lockTimeoutByRunner ?? false,
    priorSchema: input.priorSchema,
  });
  for (const rule of active) for (const hit of rule.check(ctx)) findings.push(toFinding(rule, hit, firstLine));
  input.priorSchema?.apply(up.statements);

  const suppressions = [
    ...findSuppressions(up, firstLine.up).map((s) => ({ ...s, script: 'up' as const })),
    ...(down ? findSuppressions(down, firstLine.down).map((s) => ({ ...s, script: 'down' as const })) : []),
  ];
  return applySuppressions(findings, suppressions).sort(
    (a, b) =>
      (a.script === b.script ? 0 : a.script === 'up' ? -1 : 1) || a.line - b.line || a.column - b.column || severityOrder[a.severity] - severityOrder[b.severity],
  );
}
