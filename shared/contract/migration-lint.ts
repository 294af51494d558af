import { z } from 'zod';
import { query } from './define';

/** The migration linter: rules in the spirit of squawk plus the team's own (seeds 000, 001, 003). */

export const lintSeverities = ['error', 'warning', 'info'] as const;

export const lintFindingSchema = z.object({
  /** kebab-case; also what `-- lint-ignore: <rule-id> <reason>` names. */
  ruleId: z.string(),
  severity: z.enum(lintSeverities),
  title: z.string(),
  message: z.string(),
  /** Why the pattern is dangerous. */
  why: z.string(),
  /** What to write instead (SQL where it can be concrete). */
  safeRewrite: z.string(),
  script: z.enum(['up', 'down']),
  /** 0-based statement index in its script; null for findings about the whole script. */
  statementIndex: z.number().int().nullable(),
  line: z.number().int(),
  column: z.number().int(),
  excerpt: z.string(),
});
export type LintFinding = z.infer<typeof lintFindingSchema>;

export const lintRuleInfoSchema = z.object({ id: z.string(), severity: z.enum(lintSeverities), title: z.string(), why: z.string() });

const script = z.string().max(10_000_000);

export const migrationLintContract = {
  'migrations.lint': query(
    'Check migration SQL (any text: up and optional down) for locks, rewrites, data loss, breaking changes and rollback gaps',
    z.object({
      upSql: script,
      /** Absent: the migration has no down script (itself a finding). */
      downSql: script.optional(),
      name: z.string().max(300).optional(),
      /** How the runner wraps the script: auto (this console: one transaction unless a statement cannot run in one), always, never. */
      transaction: z.enum(['auto', 'always', 'never']).default('auto'),
      /** This console's engine sets lock_timeout itself; false to require SET lock_timeout in the script. */
      lockTimeoutByRunner: z.boolean().default(true),
    }),
    z.object({
      findings: z.array(lintFindingSchema),
      counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    }),
  ),
  'migrations.lintRules': query(
    'Every lint rule with its severity and why the pattern is dangerous',
    z.object({}),
    z.object({ rules: z.array(lintRuleInfoSchema) }),
  ),
};
