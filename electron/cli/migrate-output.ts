import type { MigrationPlan, MigrationsStatus } from '../../shared/contract/migrations';
import type { EngineEvent, RanStep } from '../core/migrations/engine';

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

export function formatStatus(status: MigrationsStatus): string[] {
  const lines = [`Migrations in ${status.dir}:`, ''];
  if (status.migrations.length === 0) lines.push('  (none found)');
  else {
    const rows = status.migrations.map((m) => [
      m.version || 'R',
      m.name,
      m.status,
      m.hasDown ? 'yes' : 'no',
      when(m.appliedAt),
      m.appliedBy ?? '',
    ]);
    const rendered = table(['Version', 'Name', 'Status', 'Down', 'Applied at', 'Applied by'], rows);
    lines.push(`  ${rendered[0]}`);
    status.migrations.forEach((m, i) => {
      lines.push(`  ${rendered[i + 1]}`);
      for (const flag of m.flags) if (flag.code !== 'no_down' && flag.code !== 'repeatable') lines.push(`      ! ${flag.message}`);
    });
  }
  const pending = status.migrations.filter((m) => m.status === 'pending' || m.status === 'out_of_order').length;
  const drift = status.migrations.filter((m) => m.status === 'drift').length;
  lines.push(
    '',
    `${status.migrations.filter((m) => m.status === 'applied').length} applied, ${pending} pending${drift ? `, ${drift} DRIFTED` : ''}.`,
  );
  if (status.flywayHistory.length > 0)
    lines.push(`Flyway history rows: ${status.flywayHistory.length} (shown above as applied by flyway).`);
  for (const warning of status.warnings) lines.push(`Warning: ${warning}`);
  for (const index of status.invalidIndexes)
    lines.push(`INVALID index ${index.schema}.${index.name} on ${index.table} (a failed CREATE INDEX CONCURRENTLY?). Fix: ${index.fix}`);
  return lines;
}

export function formatPlan(plan: MigrationPlan): string[] {
  const verb = plan.direction === 'up' ? 'apply' : 'roll back';
  const lines: string[] = [];
  if (plan.steps.length === 0) lines.push(`Nothing to ${verb}.`);
  else {
    lines.push(`${plan.direction} would ${verb} ${plan.steps.length} migration${plan.steps.length === 1 ? '' : 's'}, in this order:`);
    for (const step of plan.steps) {
      const how = step.transactional ? 'one transaction' : 'partly outside a transaction';
      lines.push(
        `  ${step.version}  ${step.name}  (${step.file}: ${step.statements} statement${step.statements === 1 ? '' : 's'}, ${how})`,
      );
      for (const n of step.nonTransactional) lines.push(`      line ${n.line}: ${n.reason}`);
    }
  }
  if (plan.blockers.length > 0) {
    lines.push('', 'It would not run, because:');
    for (const b of plan.blockers) lines.push(`  - ${b.message}`);
  }
  return lines;
}

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function formatRan(direction: 'up' | 'down', ran: RanStep[]): string {
  if (ran.length === 0) return direction === 'up' ? 'Nothing to apply: the database is up to date.' : 'Nothing to roll back.';
  const total = ran.reduce((sum, r) => sum + r.durationMs, 0);
  return `${direction === 'up' ? 'Applied' : 'Rolled back'} ${ran.length} migration${ran.length === 1 ? '' : 's'} in ${seconds(total)}.`;
}

/** Progress for people, on stderr: one line per migration, and the statements that run outside a transaction. */
export function printEvent(event: EngineEvent, write: (line: string) => void): void {
  switch (event.type) {
    case 'lock-wait':
      write(event.message);
      break;
    case 'step-start':
      write(`${event.step.direction === 'up' ? '→' : '←'} ${event.step.version} ${event.step.name} (${event.step.file})`);
      break;
    case 'statement':
      if (event.outsideTransaction) write(`    line ${event.line}: ${event.summary}  [outside a transaction]`);
      break;
    case 'step-done':
      write(`  ✓ ${event.step.version} ${event.step.name} ${seconds(event.durationMs)}`);
      break;
    case 'lock-acquired':
      break;
  }
}
