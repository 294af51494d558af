import type { MigrationDraft } from '../../../shared/contract/insights';
import { quoteIdent, quoteQualified } from '../../../shared/domain/quote-ident';

const MAX_NAME_BYTES = 63;

/** PostgreSQL's own style of index name (table_col1_col2_idx), cut to 63 bytes like the server does. */
export function indexNameFor(table: string, columns: string[]): string {
  const name = `${table}_${columns.join('_')}_idx`;
  const bytes = new TextEncoder().encode(name);
  if (bytes.length <= MAX_NAME_BYTES) return name;
  // Keep the "_idx" suffix visible; cut the middle on a character boundary.
  let cut = `${table}_${columns.join('_')}`;
  while (new TextEncoder().encode(`${cut}_idx`).length > MAX_NAME_BYTES) cut = cut.slice(0, -1);
  return `${cut}_idx`;
}

/** snake_case name for the migration file: lower-case letters, digits and underscores only. */
export function migrationName(...parts: string[]): string {
  return parts
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
}

/** pg_get_indexdef's `CREATE [UNIQUE] INDEX name ON …` as the CONCURRENTLY form (no lock on writes). */
export function concurrentIndexDef(definition: string): string {
  return definition.replace(
    /^CREATE (UNIQUE )?INDEX /,
    (_m, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX CONCURRENTLY IF NOT EXISTS `,
  );
}

const nonTxNote = 'CONCURRENTLY cannot run inside a transaction block: apply this migration without a wrapping transaction.';

export function draftAddFkIndex(findingId: string, schema: string, table: string, columns: string[]): MigrationDraft {
  const name = indexNameFor(table, columns);
  return {
    findingId,
    suggestedName: migrationName('add_index', table, ...columns),
    upSql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdent(name)}\n    ON ${quoteQualified(schema, table)} (${columns.map(quoteIdent).join(', ')});\n`,
    downSql: `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, name)};\n`,
    nonTransactional: true,
    notes: [nonTxNote, 'Building the index reads the whole table and takes a while on large tables; writes continue meanwhile.'],
  };
}

export function draftDropIndex(
  findingId: string,
  schema: string,
  index: string,
  definition: string,
  reason: string,
  partitioned = false,
): MigrationDraft {
  const standbys = 'Check the standbys too: index usage is counted per server, and a replica’s queries may need this index.';
  if (partitioned)
    // Neither DROP INDEX CONCURRENTLY nor CREATE INDEX CONCURRENTLY accepts a partitioned index.
    return {
      findingId,
      suggestedName: migrationName('drop_index', index),
      upSql: `-- ${reason}\nDROP INDEX IF EXISTS ${quoteQualified(schema, index)};\n`,
      downSql: `${definition.replace(/^CREATE (UNIQUE )?INDEX /, (_m, u: string | undefined) => `CREATE ${u ?? ''}INDEX IF NOT EXISTS `)};\n`,
      nonTransactional: false,
      notes: [
        'A partitioned index is dropped (and rebuilt) with all its partitions at once, without CONCURRENTLY: the tables are locked meanwhile.',
        standbys,
      ],
    };
  return {
    findingId,
    suggestedName: migrationName('drop_index', index),
    upSql: `-- ${reason}\nDROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, index)};\n`,
    downSql: `${concurrentIndexDef(definition)};\n`,
    nonTransactional: true,
    notes: [nonTxNote, standbys],
  };
}

export function draftRebuildInvalid(findingId: string, schema: string, index: string, definition: string): MigrationDraft {
  return {
    findingId,
    suggestedName: migrationName('rebuild_index', index),
    upSql: `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, index)};\n${concurrentIndexDef(definition)};\n`,
    downSql: `-- The old index was invalid (never used by queries); going back means not having it.\nDROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, index)};\n`,
    nonTransactional: true,
    notes: [
      nonTxNote,
      'If the build failed because of duplicate values (a unique index), fix the data first or the rebuild fails the same way.',
    ],
  };
}

export function draftUuidColumn(findingId: string, schema: string, table: string, column: string, originalType: string): MigrationDraft {
  const target = quoteQualified(schema, table);
  const col = quoteIdent(column);
  return {
    findingId,
    suggestedName: migrationName('change', table, column, 'to_uuid'),
    upSql: `ALTER TABLE ${target}\n    ALTER COLUMN ${col} TYPE uuid USING ${col}::uuid;\n`,
    downSql: `ALTER TABLE ${target}\n    ALTER COLUMN ${col} TYPE ${originalType} USING ${col}::text;\n`,
    nonTransactional: false,
    notes: [
      'Rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (no reads or writes meanwhile): plan a maintenance window for large tables.',
      'Fails if any value is not a valid UUID — the check used sampled statistics only.',
      'Foreign keys to or from this column must change type together; views using it must be recreated.',
    ],
  };
}
