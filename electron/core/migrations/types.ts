import type { MigrationFormat } from '../../../shared/contract/migrations';

/** One SQL script of a migration (its up or its down), as read from disk. */
export interface MigrationScript {
  /** Absolute path of the file. */
  path: string;
  /** The path relative to the migrations folder, for messages. */
  file: string;
  sql: string;
  /** sha256 (hex) of the script with line endings normalized to \n. */
  checksum: string;
  /** 1-based line of `path` where `sql` begins (a dbmate section starts below its marker). */
  firstLine: number;
  /** False when the format's own option says so (dbmate `transaction:false`, diesel `run_in_transaction = false`). */
  transaction: boolean;
}

export interface DiscoveredMigration {
  /** As written in the file name: `0001`, `1.2`, `2024-01-15-120000`. */
  version: string;
  /** versionKey(version): how it matches history rows. */
  key: string;
  name: string;
  format: MigrationFormat;
  up: MigrationScript;
  down?: MigrationScript;
  /** Flyway `R__` scripts: listed, never run by this engine. */
  repeatable: boolean;
}

export interface Discovery {
  dir: string;
  /** Sorted by version; repeatables last. */
  migrations: DiscoveredMigration[];
  /** Files that looked like migrations but were not understood, and other oddities worth showing. */
  warnings: string[];
}

/** A row of ticketz_console.schema_migrations. */
export interface HistoryRow {
  version: string;
  name: string;
  checksum: string;
  downChecksum: string | null;
  appliedAt: Date;
  appliedRole: string;
  appliedOsUser: string;
  durationMs: number;
}

/** A row of Flyway's own flyway_schema_history, shown as applied by Flyway. */
export interface FlywayRow {
  installedRank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installedBy: string;
  installedOn: Date;
  executionTimeMs: number;
  success: boolean;
}
