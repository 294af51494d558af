import type { LintRule } from '../types';
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
 * Every lint rule, in the order findings are reported for one statement. Each lives in its own
 * file with fixtures in ../fixtures/<rule-id>/ (bad.sql must be flagged, good.sql must not).
 */
export const lintRules: LintRule[] = [
  // Locks and table rewrites
  addingNotNullColumn,
  addingVolatileDefault,
  createIndexNonConcurrently,
  dropIndexNonConcurrently,
  constraintMissingNotValid,
  setNotNullWithoutCheck,
  addingUniqueConstraint,
  changingColumnType,
  missingLockTimeout,
  // Transactions
  concurrentlyInTransaction,
  nonTransactionalMixed,
  transactionControl,
  // Breaking changes and data loss
  renamingColumn,
  renamingTable,
  droppingColumn,
  droppingTable,
  truncateCascade,
  // Type choices
  preferBigintKeys,
  preferIdentity,
  preferText,
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
