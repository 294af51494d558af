import type { MigrationSources } from '../../../../shared/contract/migration-workbench';
import { ErrorView } from '../../../components/ErrorView';
import { useLint } from '../api/lint';
import { FindingsList } from './FindingsList';

/** The linter's findings for both scripts, with counts per severity. */
export function LintTab({ connectionId, sources }: { connectionId: string; sources: MigrationSources }) {
  const lint = useLint(connectionId, sources.upFile, sources.upSql, sources.downSql, sources.transaction);
  if (lint.error) return <ErrorView title="Could not lint" error={lint.error} />;
  if (!lint.data) return <p className="muted">Linting…</p>;
  const { counts } = lint.data;
  return (
    <div className="lint-tab">
      <p className="muted">
        {counts.error} error(s), {counts.warning} warning(s), {counts.info} note(s). Suppress a reasoned exception with <code>-- lint-ignore: rule-id reason</code>.
      </p>
      <FindingsList findings={lint.data.findings} files={{ up: sources.upFile, down: sources.downFile }} />
    </div>
  );
}
