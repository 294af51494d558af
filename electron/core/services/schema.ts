import type { schemaContract } from '../../../shared/contract/schema';
import { quoteIdent } from '../../../shared/domain/quote-ident';
import { describeExtension } from '../catalog/describe-extension';
import { describeFunction, describeView } from '../catalog/describe-routine';
import { describeSequence } from '../catalog/describe-sequence';
import { describeTable, readTableCatalog } from '../catalog/describe-table';
import { describeType } from '../catalog/describe-type';
import { CATALOG_LIMITS, DATA_LIMITS, withCatalogRead } from '../db/catalog-read';
import { filteredFrom, orderByOf } from '../catalog/data-query';
import { countRows, loadDataSource, readTablePage } from '../catalog/table-data';
import { tableDdl } from '../catalog/table-ddl';
import { listObjects, listSchemas, searchObjects } from '../catalog/tree';
import type { CoreDeps } from '../deps';
import { streamExport } from '../export/stream-export';
import type { HandlersFor } from '../rpc/dispatcher';

/** An export may take minutes; it only must not wait long for a lock. */
const EXPORT_LIMITS = { lockTimeoutMs: 2_000, statementTimeoutMs: 0 };

export function schemaHandlers(deps: CoreDeps): HandlersFor<typeof schemaContract> {
  const catalog = async <T>(connectionId: string, work: Parameters<typeof withCatalogRead<T>>[1]) =>
    withCatalogRead(await deps.pools.get(connectionId), work, CATALOG_LIMITS);

  return {
    'schema.listSchemas': async ({ connectionId, includeSystem }) => ({
      schemas: await catalog(connectionId, (c) => listSchemas(c, includeSystem)),
    }),
    'schema.listObjects': async ({ connectionId, ...req }) => catalog(connectionId, (c) => listObjects(c, req)),
    'schema.search': async ({ connectionId, query, includeSystem, limit }) =>
      catalog(connectionId, (c) => searchObjects(c, query, includeSystem, limit)),
    'schema.describeTable': async ({ connectionId, schema, name }) => catalog(connectionId, (c) => describeTable(c, schema, name)),
    'schema.tableDdl': async ({ connectionId, schema, name }) =>
      catalog(connectionId, async (c) => ({ ddl: tableDdl(schema, name, await readTableCatalog(c, schema, name)) })),
    'schema.describeView': async ({ connectionId, schema, name }) => catalog(connectionId, (c) => describeView(c, schema, name)),
    'schema.describeFunction': async ({ connectionId, schema, name, args }) =>
      catalog(connectionId, (c) => describeFunction(c, schema, name, args)),
    'schema.describeSequence': async ({ connectionId, schema, name }) => catalog(connectionId, (c) => describeSequence(c, schema, name)),
    'schema.describeType': async ({ connectionId, schema, name }) => catalog(connectionId, (c) => describeType(c, schema, name)),
    'schema.describeExtension': async ({ connectionId, name }) => catalog(connectionId, (c) => describeExtension(c, name)),
    'schema.tableData': async ({ connectionId, after, limit, ...query }) =>
      withCatalogRead(
        await deps.pools.get(connectionId),
        async (c) => readTablePage(c, await loadDataSource(c, query.schema, query.name), { connectionId, ...query }, after, limit),
        DATA_LIMITS,
      ),
    'schema.countRows': async ({ connectionId, exact, ...query }) =>
      withCatalogRead(
        await deps.pools.get(connectionId),
        async (c) => countRows(c, await loadDataSource(c, query.schema, query.name), { connectionId, ...query }, exact),
        DATA_LIMITS,
      ),
    'schema.exportData': async ({ connectionId, format, taskId, ...query }) =>
      withCatalogRead(
        await deps.pools.get(connectionId),
        async (c) => {
          const request = { connectionId, ...query };
          const source = await loadDataSource(c, query.schema, query.name);
          const estimate = await countRows(c, source, request, false);
          const { from, where, values } = filteredFrom(source, request);
          const columns = source.columns.map((col) => quoteIdent(col.name)).join(', ');
          return streamExport(c, {
            dataDir: deps.dataDir,
            events: deps.events,
            registry: deps.exports,
            connectionId,
            taskId,
            label: `${query.schema}.${query.name}`,
            format,
            text: `SELECT ${columns} FROM ${from} ${where} ${orderByOf(source, request)}`,
            values,
            expectedRows: Number(estimate.count) || null,
            copyable: true,
          });
        },
        EXPORT_LIMITS,
      ),
  };
}
