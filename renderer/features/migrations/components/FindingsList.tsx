import type { LintFinding } from '../../../../shared/contract/migration-lint';

/** Lint findings with rule, severity, where (script line:column, statement), why and the safe rewrite. */
export function FindingsList({ findings, files }: { findings: LintFinding[]; files: { up: string; down: string | null } }) {
  if (findings.length === 0) return <p className="migrations-lint-clean">No lint findings: the linter's rules pass.</p>;
  return (
    <ul className="migrations-lint-findings" aria-label="Lint findings">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${f.script}-${f.line}-${f.column}-${i}`} className={`migrations-lint-finding level-${f.severity}`} aria-label={`${f.ruleId} at ${f.script} ${f.line}:${f.column}`}>
          <div className="migrations-lint-finding-head">
            <span className={`badge level-${f.severity}`}>{f.severity}</span>
            <code>{f.ruleId}</code>
            <span className="migrations-lint-finding-pos">
              {(f.script === 'up' ? files.up : files.down) ?? f.script}:{f.line}:{f.column}
              {f.statementIndex !== null && ` · statement ${f.statementIndex + 1}`}
            </span>
            <strong>{f.title}</strong>
          </div>
          <p>{f.message}</p>
          {f.excerpt && <pre className="migrations-lint-finding-excerpt">{f.excerpt}</pre>}
          <details>
            <summary>Why, and the safe rewrite</summary>
            <p>{f.why}</p>
            <pre className="migrations-lint-finding-rewrite">{f.safeRewrite}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
