import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMigrationsDir } from '../core/migrations/default-dir';
import { discoverMigrations } from '../core/migrations/discover';
import { lintMigration } from '../core/migrations/lint/lint-migration';
import { PriorSchema } from '../core/migrations/lint/prior-schema';
import type { Finding, TransactionMode } from '../core/migrations/lint/types';
import { helpFlag, packageVersion, withUsage } from './common';
import { EXIT, UsageError } from './exit-codes';
import { toGithubAnnotations, toSarif } from './migrate-lint-formats';
import { assertMigrationsFolder } from './migrate-dir';

export const migrateLintUsage = `Usage: ticketz-console migrate lint [--dir D] [--format text|json|sarif|github] [--strict-lock-timeout]

Checks every migration of a folder for changes that lock or rewrite big tables, lose data,
break running code or cannot be rolled back. Exits with ${EXIT.lintFailed} when any finding is an error.
  --dir D                  the migrations folder (default: the package's migrations/)
  --format F               text (default); json: {"migrations": [{"version", "name", "upFile", "downFile", "findings": [...]}]};
                           sarif: SARIF 2.1.0 for GitHub code scanning; github: ::error/::warning annotations
                           for pull requests (file paths relative to the working directory)
  --json                   the same as --format json
  --strict-lock-timeout    require SET lock_timeout in each file (for migrations other tools run too;
                           \`ticketz-console migrate\` sets lock_timeout itself)

Silence one finding with a comment above the statement, giving the reason:
  -- lint-ignore: <rule-id> <why this is safe here>
or for a whole file:  -- lint-ignore-file: <rule-id> <why>`;

const LINT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface MigrationSource {
  version: string;
  name: string;
  upFile: string;
  upSql: string;
  downFile?: string;
  downSql?: string;
  transaction: TransactionMode;
  /** 1-based line of the file where the script starts (dbmate keeps up and down in one file). */
  upFirstLine?: number;
  downFirstLine?: number;
}

export interface LintedMigration {
  version: string;
  name: string;
  upFile: string;
  downFile: string | null;
  findings: Finding[];
}

/** The folder's migrations, as the engine discovers them (every supported format, with dbmate/diesel transaction options). */
export function discoverForLint(dir: string): MigrationSource[] {
  return discoverMigrations(dir).migrations.map((m) => ({
    version: m.version || 'R',
    name: m.name,
    upFile: m.up.file,
    upSql: m.up.sql,
    upFirstLine: m.up.firstLine,
    ...(m.down ? { downFile: m.down.file, downSql: m.down.sql, downFirstLine: m.down.firstLine } : {}),
    transaction: m.up.transaction ? 'auto' : 'never',
  }));
}

export async function lintSources(sources: MigrationSource[], options: { lockTimeoutByRunner: boolean }): Promise<LintedMigration[]> {
  const result: LintedMigration[] = [];
  // In version order, so a rule can see what the earlier migrations left.
  const priorSchema = new PriorSchema();
  for (const s of sources) {
    const findings = await lintMigration({
      upSql: s.upSql,
      downSql: s.downSql,
      name: `${s.version}_${s.name}`,
      transaction: s.transaction,
      lockTimeoutByRunner: options.lockTimeoutByRunner,
      upFirstLine: s.upFirstLine,
      downFirstLine: s.downFirstLine,
      priorSchema,
    });
    result.push({ version: s.version, name: s.name, upFile: s.upFile, downFile: s.downFile ?? null, findings });
  }
  return result;
}

export function lintDirectory(dir: string, options = { lockTimeoutByRunner: true }): Promise<LintedMigration[]> {
  return lintSources(discoverForLint(dir), options);
}

function formatText(migrations: LintedMigration[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const m of migrations) {
    for (const f of m.findings) {
      counts[f.severity]++;
      const file = f.script === 'down' ? (m.downFile ?? m.upFile) : m.upFile;
      lines.push(`${file}:${f.line}:${f.column}  ${f.severity}  ${f.ruleId}  ${f.message}`);
      lines.push(`    why: ${f.why}`);
      lines.push(`    safe rewrite:`, ...f.safeRewrite.split('\n').map((l) => `      ${l}`), '');
    }
  }
  const total = counts.error + counts.warning + counts.info;
  lines.push(
    total === 0
      ? `No findings in ${migrations.length} migration${migrations.length === 1 ? '' : 's'}.`
      : `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info in ${migrations.length} migration${migrations.length === 1 ? '' : 's'}.`,
  );
  return lines.join('\n');
}

/** `migrate lint`: the engine's `migrate` command calls this for its `lint` subcommand. */
export async function runMigrateLint(argv: string[]): Promise<number> {
  const { values } = withUsage(migrateLintUsage, () =>
    parseArgs({
      args: argv,
      strict: true,
      options: {
        ...helpFlag,
        dir: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        'strict-lock-timeout': { type: 'boolean' },
      },
    }),
  );
  if (values.help) {
    console.log(migrateLintUsage);
    return EXIT.ok;
  }
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!LINT_FORMATS.includes(format as (typeof LINT_FORMATS)[number]))
    throw new UsageError(`--format takes one of ${LINT_FORMATS.join(', ')}; got "${format}".\n\n${migrateLintUsage}`);
  if (values.json && values.format && values.format !== 'json') throw new UsageError('Give --json or --format, not both.');
  const dir = path.resolve(values.dir ?? defaultMigrationsDir());
  assertMigrationsFolder(dir);
  const migrations = await lintDirectory(dir, { lockTimeoutByRunner: !values['strict-lock-timeout'] });
  if (format === 'sarif') console.log(JSON.stringify(toSarif(dir, migrations, packageVersion()), null, 2));
  else if (format === 'github') {
    const lines = toGithubAnnotations(dir, migrations);
    if (lines.length > 0) console.log(lines.join('\n'));
  } else if (format === 'json')
    console.log(
      JSON.stringify(
        { migrations: migrations.map(({ version, name, upFile, downFile, findings }) => ({ version, name, upFile, downFile, findings })) },
        null,
        2,
      ),
    );
  else console.log(formatText(migrations));
  return migrations.some((m) => m.findings.some((f) => f.severity === 'error')) ? EXIT.lintFailed : EXIT.ok;
}
