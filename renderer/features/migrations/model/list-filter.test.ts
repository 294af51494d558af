import { describe, expect, it } from 'vitest';
import type { MigrationRow } from '../../../../shared/contract/migrations';
import { countStatuses, filterMigrations } from './list-filter';
import { findingMarker, offsetAt } from './markers';

const row = (version: string, status: MigrationRow['status'], hasDown = true, name = `m${version}`): MigrationRow => ({
  version,
  name,
  status,
  hasDown,
  format: 'up-down',
  upFile: `${version}_${name}.up.sql`,
  downFile: hasDown ? `${version}_${name}.down.sql` : null,
  appliedAt: null,
  appliedBy: status === 'applied' ? 'ada (ada)' : null,
  durationMs: null,
  checksum: null,
  appliedChecksum: null,
  flags: [],
});

describe('migration list filter', () => {
  const rows = [row('1', 'applied'), row('2', 'pending', false, 'add_index'), row('3', 'drift')];
  it('filters by status, with "no rollback script" as a state of its own', () => {
    expect(filterMigrations(rows, { status: 'pending', search: '' }).map((r) => r.version)).toEqual(['2']);
    expect(filterMigrations(rows, { status: 'no_down', search: '' }).map((r) => r.version)).toEqual(['2']);
    expect(filterMigrations(rows, { status: 'all', search: '' })).toHaveLength(3);
  });
  it('searches every word in version, name, file and who applied it', () => {
    expect(filterMigrations(rows, { status: 'all', search: 'ADD index' }).map((r) => r.version)).toEqual(['2']);
    expect(filterMigrations(rows, { status: 'all', search: 'ada' }).map((r) => r.version)).toEqual(['1']);
  });
  it('counts states', () => {
    expect(countStatuses(rows)).toEqual({ applied: 1, pending: 1, no_down: 1, drift: 1 });
  });
});

describe('lint markers', () => {
  const text = 'SELECT 1;\nALTER TABLE t ADD COLUMN c int;\n';
  it('turns line:column into an offset', () => {
    expect(offsetAt(text, 1, 1)).toBe(0);
    expect(offsetAt(text, 2, 7)).toBe(16);
    expect(offsetAt(text, 9, 1)).toBe(text.length);
  });
  it('underlines the token at the finding', () => {
    const marker = findingMarker(text, { ruleId: 'r', severity: 'warning', title: '', message: 'm', why: '', safeRewrite: '', script: 'up', statementIndex: 1, line: 2, column: 1, excerpt: '' });
    expect(text.slice(marker.start, marker.end)).toBe('ALTER');
    expect(marker.message).toBe('r: m');
  });
});
