import type { LintFinding } from '../../../../shared/contract/migration-lint';
import type { QualifiedName } from '../../sql-parser/ast';
import type { SqlStatement } from '../../sql-parser';
import type { PriorSchema } from './prior-schema';

export type Severity = LintFinding['severity'];
export type ScriptKind = LintFinding['script'];
/** What a rule reports, as the contract carries it (shared/contract/migration-lint.ts). */
export type Finding = LintFinding;

/**
 * How the runner treats a script: 'auto' (this console's engine): one transaction unless a
 * statement cannot run inside one; 'always': always one transaction (dbmate, diesel by
 * default); 'never': statement by statement (dbmate `transaction:false`).
 */
export type TransactionMode = 'auto' | 'always' | 'never';

export interface LintInput {
  upSql: string;
  /** undefined: the migration has no down script. */
  downSql?: string | undefined;
  /** For messages, e.g. `0007_add_ticket_price`. */
  name?: string;
  transaction?: TransactionMode;
  /** The runner sets lock_timeout itself (this console's engine does), so scripts need not. */
  lockTimeoutByRunner?: boolean;
  /** 1-based line of the file where the script begins (a dbmate section starts below its marker). */
  upFirstLine?: number;
  downFirstLine?: number;
  /** What earlier migrations of the folder left; lintMigration reads it, then applies this up script to it. */
  priorSchema?: PriorSchema;
}

export interface LintStatement extends SqlStatement {
  /** 0-based position in its script. */
  index: number;
  script: ScriptKind;
  /** 1-based line and column (in the file) of a parse-tree `location` inside this statement. */
  positionOf(location: number | undefined): { line: number; column: number };
  /** The statement's source text from one parse-tree location to another (or to its end). */
  textAt(from: number | undefined, to?: number): string;
}

export interface LintScript {
  kind: ScriptKind;
  sql: string;
  statements: LintStatement[];
}

export interface LintContext {
  name: string;
  up: LintScript;
  /** undefined when the migration has no down script. */
  down: LintScript | undefined;
  transaction: TransactionMode;
  lockTimeoutByRunner: boolean;
  /** Whether `table` was created by a statement of `script` before `statement` (so it is new, empty and unseen). */
  isNewTable(statement: LintStatement, table: QualifiedName): boolean;
  /** Whether the statement runs inside a transaction block: an explicit BEGIN … COMMIT, or the runner's. */
  inTransaction(statement: LintStatement): boolean;
  /** Whether the runner wraps this script in one transaction (see TransactionMode). */
  runnerWraps(script: ScriptKind): boolean;
  /** The earlier migrations' columns, when the folder is linted in order. */
  priorSchema: PriorSchema | undefined;
}

/** What a rule reports; lintMigration adds the rule's id, severity, why, and the position. */
export interface RuleHit {
  statement: LintStatement;
  /** A parse-tree location inside the statement to point at (defaults to the statement's start). */
  location?: number | undefined;
  message: string;
  safeRewrite: string;
  /** Overrides the rule's severity for this hit. */
  severity?: Severity;
  /** Overrides the rule's explanation for this hit. */
  why?: string;
}

/** A hit with no statement: about the migration as a whole (e.g. its down script is missing). */
export interface ScriptHit {
  script: ScriptKind;
  message: string;
  safeRewrite: string;
  severity?: Severity;
  why?: string;
}

export interface LintRule {
  /** kebab-case, stable: used in `-- lint-ignore:` comments and in CI output. */
  id: string;
  severity: Severity;
  title: string;
  /** Why the pattern is dangerous; every finding carries it. */
  why: string;
  check(ctx: LintContext): Array<RuleHit | ScriptHit>;
}
