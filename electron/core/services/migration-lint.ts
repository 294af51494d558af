import { type migrationLintContract } from '../../../shared/contract/migration-lint';
import { lintMigration } from '../migrations/lint/lint-migration';
import { allRuleInfo } from '../migrations/lint/rules';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';

/** Lints any migration text (the workbench's editor, a file on disk); needs no connection. */
export function migrationLintHandlers(_deps: CoreDeps): HandlersFor<typeof migrationLintContract> {
  return {
    'migrations.lint': async ({ upSql, downSql, name, transaction, lockTimeoutByRunner }) => {
      const findings = await lintMigration({ upSql, downSql, name, transaction, lockTimeoutByRunner });
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity]++;
      return { findings, counts };
    },
    'migrations.lintRules': async () => ({ rules: allRuleInfo.map(({ id, severity, title, why }) => ({ id, severity, title, why })) }),
  };
}
