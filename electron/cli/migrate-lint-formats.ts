import path from 'node:path';
import { allRuleInfo } from '../core/migrations/lint/rules';
import type { Finding } from '../core/migrations/lint/types';

/** What the CI formats need of a linted migration. */
export interface LintedFiles {
  upFile: string;
  downFile: string | null;
  findings: Finding[];
}

/** The file a finding is in, as a path relative to the working directory (where CI checks out the repository), with `/`. */
function findingPath(dir: string, m: LintedFiles, f: Finding): string {
  const file = f.script === 'down' ? (m.downFile ?? m.upFile) : m.upFile;
  return path.relative(process.cwd(), path.join(dir, file)).split(path.sep).join('/');
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads (github/codeql-action/upload-sarif):
 * one run, the rules with their explanation, one result per finding with its file, line and column.
 */
export function toSarif(dir: string, migrations: LintedFiles[], version: string): object {
  const used = new Set(migrations.flatMap((m) => m.findings.map((f) => f.ruleId)));
  const rules = allRuleInfo.filter((r) => used.has(r.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ticketz-console migrate lint',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.why },
              defaultConfiguration: { level: sarifLevel[r.severity] },
            })),
          },
        },
        results: migrations.flatMap((m) =>
          m.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: sarifLevel[f.severity],
            message: { text: `${f.message}\nSafe rewrite:\n${f.safeRewrite}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: findingPath(dir, m, f) },
                  region: { startLine: f.line, startColumn: f.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** GitHub Actions workflow commands: escaping of messages and of properties (actions/toolkit, command.ts). */
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** One `::error file=…,line=…,col=…,title=…::message` line per finding: GitHub shows them as PR annotations. */
export function toGithubAnnotations(dir: string, migrations: LintedFiles[]): string[] {
  return migrations.flatMap((m) =>
    m.findings.map(
      (f) =>
        `::${command[f.severity]} file=${escapeProperty(findingPath(dir, m, f))},line=${f.line},col=${f.column},title=${escapeProperty(`${f.ruleId}: ${f.title}`)}::${escapeData(`${f.message}\nWhy: ${f.why}\nSafe rewrite:\n${f.safeRewrite}`)}`,
    ),
  );
}
