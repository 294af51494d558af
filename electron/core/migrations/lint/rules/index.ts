import type { LintRule } from '../types';
import { charType } from './char-type';
import { detachPartitionNonConcurrently } from './detach-partition-non-concurrently';
import { domainCheckConstraint } from './domain-check-constraint';
import { dropDatabase } from './drop-database';
import { dropNotNull } from './drop-not-null';
import { enumValueOrdering } from './enum-value-ordering';
import { identifierTooLong } from './identifier-too-long';
import { missingStatementTimeout } from './missing-statement-timeout';
import { preferRobustStatements } from './prefer-robust-statements';
import { reindexNonConcurrently } from './reindex-non-concurrently';
import { addingNotNullColumn } from './adding-not-null-column';
import { addingUniqueConstraint } from './adding-unique-constraint';
import { addingVolatileDefault } from './adding-volatile-default';
import { changingColumnType } from './changing-column-type';
import { concurrentlyInTransaction } from './concurrently-in-transaction';
import { constraintMissingNotValid } from './constraint-missing-not-valid';
import { createIndexNonConcurrently } from './create-index-non-concurrently';
import { downDoesNotUndoUp } from './down-does-not-undo-up';
import { dropIndexNonConcurrently } from './drop-index-non-concurrently';
import { droppingColumn } from './dropping-column';
import { droppingTable } from './dropping-table';
import { missingDownScript } from './missing-down-script';
import { missingLockTimeout } from './missing-lock-timeout';
import { nonTransactionalMixed } from './non-transactional-mixed';
import { preferBigintKeys } from './prefer-bigint-keys';
import { preferIdentity } from './prefer-identity';
import { preferText } from './prefer-text';
import { preferTimestamptz } from './prefer-timestamptz';
import { renamingColumn } from './renaming-column';
import { renamingTable } from './renaming-table';
import { setNotNullWithoutCheck } from './set-not-null-without-check';
import { transactionControl } from './transaction-control';
import { truncateCascade } from './truncate-cascade';
import { uuidAsVarchar } from './uuid-as-varchar';

/**
 * A rollback in production takes the same locks as a migration: a lock rule reads the up script
 * as `ctx.up`, so it runs once more with the down script in that place. Its findings point into
 * the down file (each statement knows its script).
 */
function alsoOnDown(rule: LintRule): LintRule {
  return { ...rule, check: (ctx) => [...rule.check(ctx), ...(ctx.down ? rule.check({ ...ctx, up: ctx.down }) : [])] };
}

/**
 * Every lint rule, in the order findings are reported for one statement. Each lives in its own
 * file with fixtures in ../fixtures/<rule-id>/ (bad.sql must be flagged, good.sql must not).
 */
export const lintRules: LintRule[] = [
  // Locks and table rewrites, in the up and the down script
  ...[
    addingNotNullColumn,
    addingVolatileDefault,
    createIndexNonConcurrently,
    dropIndexNonConcurrently,
    reindexNonConcurrently,
    detachPartitionNonConcurrently,
    constraintMissingNotValid,
    setNotNullWithoutCheck,
    addingUniqueConstraint,
    changingColumnType,
    domainCheckConstraint,
    missingLockTimeout,
    missingStatementTimeout,
  ].map(alsoOnDown),
  // Transactions
  concurrentlyInTransaction,
  nonTransactionalMixed,
  transactionControl,
  preferRobustStatements,
  // Breaking changes and data loss
  renamingColumn,
  renamingTable,
  droppingColumn,
  droppingTable,
  truncateCascade,
  dropNotNull,
  dropDatabase,
  enumValueOrdering,
  identifierTooLong,
  // Type choices
  preferBigintKeys,
  preferIdentity,
  preferText,
  charType,
  uuidAsVarchar,
  preferTimestamptz,
  // Rollback
  missingDownScript,
  downDoesNotUndoUp,
];

type MetaRule = Pick<LintRule, 'id' | 'severity' | 'title' | 'why'>;

/** Findings lintMigration itself reports; they cannot be suppressed. */
export const metaRules = {
  syntaxError: {
    id: 'syntax-error',
    severity: 'error',
    title: 'SQL does not parse',
    why: 'PostgreSQL would reject the script at this position, so the migration fails before it changes anything after it.',
  },
  invalidIgnore: {
    id: 'invalid-lint-ignore',
    severity: 'error',
    title: 'lint-ignore without a rule or a reason',
    why: 'A suppression must name the rule it silences and say why that is safe here, so the next reader can judge the decision.',
  },
  unusedIgnore: {
    id: 'unused-lint-ignore',
    severity: 'info',
    title: 'lint-ignore that suppresses nothing',
    why: 'A stale suppression hides the next real finding of that rule on this statement.',
  },
} satisfies Record<string, MetaRule>;

export const allRuleInfo: MetaRule[] = [...lintRules, ...Object.values(metaRules)];
