import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf, discoverMigrations } from './discover';
import { MigrationError } from './errors';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const discover = (format: string) => discoverMigrations(path.join(fixtures, format));
const summary = (format: string) =>
  discover(format).migrations.map((m) => ({ version: m.version, name: m.name, format: m.format, up: m.up.file, down: m.down?.file ?? null }));

describe('discoverMigrations', () => {
  it('reads golang-migrate up/down pairs, sorting 10 after 2; a missing down is allowed', () => {
    expect(summary('up-down')).toEqual([
      { version: '1', name: 'create_users', format: 'up-down', up: '1_create_users.up.sql', down: '1_create_users.down.sql' },
      { version: '2', name: 'add_users_name', format: 'up-down', up: '2_add_users_name.up.sql', down: '2_add_users_name.down.sql' },
      { version: '10', name: 'add_users_email_index', format: 'up-down', up: '10_add_users_email_index.up.sql', down: null },
    ]);
  });

  it("reads this project's NNNN_verb_object pairs and sqlx's timestamped pairs", () => {
    expect(summary('ticketz').map((m) => [m.version, m.name, m.down])).toEqual([
      ['0001', 'create_catalog', '0001_create_catalog.down.sql'],
      ['0002', 'add_genre_slug', '0002_add_genre_slug.down.sql'],
    ]);
    expect(summary('sqlx').map((m) => [m.version, m.format, m.down !== null])).toEqual([
      ['20240115120000', 'up-down', true],
      ['20240201093000', 'up-down', true],
    ]);
  });

  it('reads Flyway V/U scripts with dotted versions and lists R__ as repeatable, last', () => {
    const found = discover('flyway').migrations;
    expect(found.map((m) => [m.version, m.name, m.down?.file ?? null, m.repeatable])).toEqual([
      ['1', 'create venues', null, false],
      ['1.1', 'add venue city', null, false],
      ['1_2', 'add venue capacity', null, false],
      ['1.10', 'add venue country', 'U1.10__add_venue_country.sql', false],
      ['2', 'create venue view', 'U2__create_venue_view.sql', false],
      ['', 'venue summary', null, true],
    ]);
  });

  it('reads dbmate files: both sections from one file, with their transaction option and lines', () => {
    const [events, index, check] = discover('dbmate').migrations;
    expect(events).toMatchObject({ version: '20240101000000', name: 'create_events', format: 'dbmate' });
    expect(events!.up.sql).toContain('CREATE TABLE events');
    expect(events!.up.sql).not.toContain('DROP TABLE');
    expect(events!.down!.sql.trim()).toBe('DROP TABLE events;');
    expect(events!.down!.firstLine).toBe(9);
    expect(index!.up.transaction).toBe(false);
    expect(index!.down!.transaction).toBe(false);
    expect(check!.up.transaction).toBe(true);
  });

  it('reads diesel folders, including version 0 and metadata.toml run_in_transaction = false', () => {
    const found = discover('diesel').migrations;
    expect(found.map((m) => [m.version, m.name, m.up.file, m.down?.file, m.up.transaction])).toEqual([
      ['00000000000000', 'diesel_initial_setup', '00000000000000_diesel_initial_setup/up.sql', '00000000000000_diesel_initial_setup/down.sql', true],
      ['2024-01-15-120000', 'create_orders', '2024-01-15-120000_create_orders/up.sql', '2024-01-15-120000_create_orders/down.sql', true],
      ['2024-02-01-090000', 'index_orders', '2024-02-01-090000_index_orders/up.sql', '2024-02-01-090000_index_orders/down.sql', false],
    ]);
  });

  it('reads plain numbered files without rollback and warns about unnumbered .sql files', () => {
    const discovery = discover('plain');
    expect(discovery.migrations.map((m) => [m.version, m.name, m.format, m.down])).toEqual([
      ['001', 'create_seats', 'plain', undefined],
      ['002', 'seed-seats', 'plain', undefined],
      ['010', 'seat_rows', 'plain', undefined],
    ]);
    expect(discovery.warnings).toEqual([expect.stringContaining('notes.sql was ignored')]);
  });

  it('checksums are sha256 of the script, blind to CRLF line endings', () => {
    expect(checksumOf('SELECT 1;\r\nSELECT 2;\r\n')).toBe(checksumOf('SELECT 1;\nSELECT 2;\n'));
    expect(checksumOf('SELECT 1;')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses two migrations with one version, and a missing folder, with what to do', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mig-dup-'));
    writeFileSync(path.join(dir, 'V1__a.sql'), 'SELECT 1;');
    writeFileSync(path.join(dir, 'V1.0__b.sql'), 'SELECT 2;');
    expect(() => discoverMigrations(dir)).toThrow(/Two migrations share version/);
    expect(() => discoverMigrations(path.join(dir, 'nope'))).toThrow(MigrationError);
  });

  it('warns about a rollback script without its migration', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mig-orphan-'));
    writeFileSync(path.join(dir, '3_x.down.sql'), 'SELECT 1;');
    const discovery = discoverMigrations(dir);
    expect(discovery.migrations).toEqual([]);
    expect(discovery.warnings).toEqual([expect.stringContaining('3_x.down.sql was ignored: it is a rollback script without its migration')]);
  });
});
