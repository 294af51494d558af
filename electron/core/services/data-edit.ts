import type { dataEditContract, EditInfo } from '../../../shared/contract/data-edit';
import { quoteIdent, quoteQualified } from '../../../shared/domain/quote-ident';
import { RpcError } from '../../../shared/rpc/rpc-error';
import { audited } from '../audit/audit-log';
import { CATALOG_LIMITS, readOnlyRead } from '../catalog/catalog-read';
import { runChanges, type ApplyOutcome } from '../data-edit/apply-changes';
import { readEditInfo } from '../data-edit/edit-info';
import { withCatalogRead } from '../db/catalog-read';
import type { CoreDeps } from '../deps';
import type { HandlersFor } from '../rpc/dispatcher';
import { profileResolver } from './connections';

/** Row edits must not queue behind a migration's lock for long, nor run unbounded. */
const EDIT_LIMITS = { readOnly: false, lockTimeoutMs: 5_000, statementTimeoutMs: 60_000 };

/** Columns whose values make a good label for a referenced row, by name, before any text column. */
const LABEL_NAMES = ['name', 'title', 'label', 'email', 'display_name', 'username', 'code'];

function labelColumn(info: EditInfo, keyColumn: string): string | null {
  const texts = info.columns.filter((c) => c.kind === 'text' && c.name !== keyColumn);
  return (LABEL_NAMES.map((n) => texts.find((c) => c.name === n)).find(Boolean) ?? texts[0])?.name ?? null;
}

/** Rolls the edit's transaction back and reaches the audit log as a failure that names the conflicts. */
class ConflictsFound extends Error {
  constructor(readonly outcome: ApplyOutcome) {
    super(`${outcome.conflicts.length} row(s) changed or were deleted since they were read; nothing was applied`);
  }
}

export function dataEditHandlers(deps: CoreDeps): HandlersFor<typeof dataEditContract> {
  const resolve = profileResolver(deps);
  const profileOf = (connectionId: string) => {
    const { fields } = resolve(connectionId);
    return { production: fields.environment === 'production', readOnly: fields.readOnly };
  };
  const NO_PROFILE = { production: false, readOnly: false };

  return {
    'data.editInfo': async ({ connectionId, schema, table }) =>
      readOnlyRead(await deps.pools.get(connectionId), CATALOG_LIMITS, (c) => readEditInfo(c, schema, table, profileOf(connectionId))),

    'data.lookupReferenced': async ({ connectionId, schema, table, column, search, limit }) =>
      readOnlyRead(await deps.pools.get(connectionId), CATALOG_LIMITS, async (c) => {
        const info = await readEditInfo(c, schema, table, NO_PROFILE);
        const ref = info.columns.find((col) => col.name === column)?.references;
        if (!ref) throw new RpcError('BAD_REQUEST', `${schema}.${table}.${column} is not a single-column foreign key.`);
        const target = await readEditInfo(c, ref.schema, ref.table, NO_PROFILE);
        const label = labelColumn(target, ref.column);
        const value = `${quoteIdent(ref.column)}::text`;
        const labelExpr = label ? `${quoteIdent(label)}::text` : 'NULL::text';
        const { rows } = await c.query<{ value: string; label: string | null }>({
          text: `SELECT /* ticketz-console */ ${value} AS value, ${labelExpr} AS label
                 FROM ${quoteQualified(ref.schema, ref.table)}
                 WHERE $1 = '' OR ${value} ILIKE $1 || '%' OR ${labelExpr} ILIKE '%' || $1 || '%'
                 ORDER BY ${quoteIdent(ref.column)}
                 LIMIT $2`,
          values: [search, limit],
        });
        return { options: rows, labelColumn: label };
      }),

    'data.applyChanges': async ({ connectionId, schema, table, changes, confirmDatabase }) => {
      const pool = await deps.pools.get(connectionId);
      const info = await withCatalogRead(pool, (c) => readEditInfo(c, schema, table, profileOf(connectionId)), CATALOG_LIMITS);
      if (info.confirmAbove !== null && changes.length > info.confirmAbove && confirmDatabase !== info.database)
        throw new RpcError(
          'BAD_REQUEST',
          `This is a production connection and the change touches ${changes.length} rows (more than ${info.confirmAbove}): type the database name "${info.database}" to confirm.`,
        );
      const target = quoteQualified(schema, table);
      const staged = changes.reduce((n, c) => ({ ...n, [c.op]: (n[c.op] ?? 0) + 1 }), {} as Record<string, number>);
      const detail = `Staged: ${['update', 'insert', 'delete'].map((op) => `${staged[op] ?? 0} ${op}`).join(', ')}`;
      try {
        return await audited(deps.audit, connectionId, { action: 'data.edit', target, detail }, () =>
          withCatalogRead(
            pool,
            async (c) => {
              const result = await runChanges(c, info, changes);
              // Thrown inside the transaction so it is rolled back: nothing of a conflicting set is kept.
              if (result.conflicts.length) throw new ConflictsFound(result);
              return result;
            },
            EDIT_LIMITS,
          ),
        );
      } catch (err) {
        if (err instanceof ConflictsFound) return err.outcome;
        throw err;
      }
    },
  };
}
