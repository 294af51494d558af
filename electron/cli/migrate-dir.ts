import { existsSync, statSync } from 'node:fs';
import { discoverMigrations } from '../core/migrations/discover';
import { MigrationError } from '../core/migrations/errors';
import { UsageError } from './exit-codes';

/** What discovery understands, in the words of each tool's docs: named when a folder holds none of it. */
export const KNOWN_FORMATS = [
  'golang-migrate / sqlx / this project: 0001_name.up.sql with 0001_name.down.sql',
  'Flyway: V1__name.sql (undo U1__name.sql, repeatable R__name.sql)',
  'dbmate: 20240101120000_name.sql with -- migrate:up and -- migrate:down',
  'diesel: folders 2024-01-01-120000_name/ holding up.sql and down.sql',
  'plain numbered files: 0001_name.sql',
];

/**
 * A wrong --dir must fail CI, not pass it with "0 migrations": a missing folder, or one where no
 * file has the shape of any known format, is a usage error (exit 2) that names the formats.
 */
export function assertMigrationsFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`No migrations folder at ${dir}. Pass --dir with the folder that holds your .sql migrations.`);
  let found: number;
  let warnings: string[];
  try {
    ({
      migrations: { length: found },
      warnings,
    } = discoverMigrations(dir));
  } catch (err) {
    // Two files with one version and the like: the folder holds migrations, the engine says what is wrong.
    if (err instanceof MigrationError) return;
    throw err;
  }
  if (found > 0) return;
  const ignored =
    warnings.length > 0
      ? `\n\nFiles that looked like migrations but were not understood:\n${warnings
          .slice(0, 10)
          .map((w) => `  - ${w}`)
          .join('\n')}`
      : '';
  throw new UsageError(
    `No migrations found in ${dir}. Looked for these formats:\n${KNOWN_FORMATS.map((f) => `  - ${f}`).join('\n')}\nPass --dir with the folder that holds your migrations.${ignored}`,
  );
}
