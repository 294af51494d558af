import type pg from 'pg';
import type { FunctionDescription, ViewDescription } from '../../../shared/contract/schema';
import { quoteQualifiedIfNeeded } from '../../../shared/domain/quote-ident';
import { RpcError } from '../../../shared/rpc/rpc-error';
import functionDefinitionSql from '../sql/schema/function-definition.sql?raw';
import resolveFunctionSql from '../sql/schema/resolve-function.sql?raw';
import viewColumnsSql from '../sql/schema/view-columns.sql?raw';
import viewDefinitionSql from '../sql/schema/view-definition.sql?raw';
import viewDependenciesSql from '../sql/schema/view-dependencies.sql?raw';
import { resolveRelation } from './describe-table';

const relkindNames: Record<string, string> = { r: 'table', p: 'table', v: 'view', m: 'matview', f: 'foreign-table', S: 'sequence' };

/** A view or materialized view: its query, columns, and what it reads and is read by. */
export async function describeView(client: pg.ClientBase, schema: string, name: string): Promise<ViewDescription> {
  const header = await resolveRelation(client, schema, name, ['v', 'm']);
  const oid = [header.oid];
  const def = (
    await client.query<{ definition: string; options: string[]; size_bytes: string | null; populated: boolean }>(viewDefinitionSql, oid)
  ).rows[0];
  if (!def) throw new RpcError('NOT_FOUND', `${schema}.${name} disappeared while it was being read; refresh.`);
  const columns = (await client.query<{ name: string; type: string }>(viewColumnsSql, oid)).rows;
  const deps = (
    await client.query<{ direction: 'uses' | 'used_by'; schema: string; name: string; relkind: string }>(viewDependenciesSql, oid)
  ).rows;
  const matview = header.relkind === 'm';
  const withOptions = def.options.length ? ` WITH (${def.options.join(', ')})` : '';
  const body = def.definition.trim().replace(/;$/, '');
  const ddl = `CREATE ${matview ? 'MATERIALIZED ' : ''}VIEW ${quoteQualifiedIfNeeded(schema, name)}${withOptions} AS\n${body}${matview && !def.populated ? '\nWITH NO DATA' : ''};\n`;
  const dep = (d: (typeof deps)[number]) => ({ schema: d.schema, name: d.name, kind: relkindNames[d.relkind] ?? d.relkind });
  return {
    schema,
    name,
    kind: matview ? 'matview' : 'view',
    owner: header.owner,
    comment: header.comment,
    definition: def.definition,
    ddl,
    columns,
    uses: deps.filter((d) => d.direction === 'uses').map(dep),
    usedBy: deps.filter((d) => d.direction === 'used_by').map(dep),
    populated: matview ? def.populated : null,
    sizeBytes: def.size_bytes,
  };
}

interface FunctionRow {
  prokind: string;
  args: string;
  full_args: string;
  returns: string | null;
  language: string;
  volatility: string;
  strict: boolean;
  security_definer: boolean;
  parallel: string;
  owner: string;
  comment: string | null;
  source: string | null;
  definition: string | null;
}

const kinds: Record<string, FunctionDescription['kind']> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
const volatilities: Record<string, FunctionDescription['volatility']> = { i: 'immutable', s: 'stable', v: 'volatile' };
const parallels: Record<string, FunctionDescription['parallel']> = { s: 'safe', r: 'restricted', u: 'unsafe' };

/** A function or procedure, named by schema, name and identity arguments (overloads differ there). */
export async function describeFunction(client: pg.ClientBase, schema: string, name: string, args: string): Promise<FunctionDescription> {
  const found = (await client.query<{ oid: string }>(resolveFunctionSql, [schema, name, args])).rows[0];
  if (!found)
    throw new RpcError(
      'NOT_FOUND',
      `There is no function ${schema}.${name}(${args}): it may have been dropped or changed. Refresh the tree.`,
    );
  const r = (await client.query<FunctionRow>(functionDefinitionSql, [found.oid])).rows[0];
  if (!r) throw new RpcError('NOT_FOUND', `${schema}.${name}(${args}) disappeared while it was being read; refresh.`);
  return {
    schema,
    name,
    kind: kinds[r.prokind] ?? 'function',
    args: r.args,
    signature: `${quoteQualifiedIfNeeded(schema, name)}(${r.full_args})`,
    returns: r.returns,
    language: r.language,
    volatility: volatilities[r.volatility] ?? 'volatile',
    strict: r.strict,
    securityDefiner: r.security_definer,
    parallel: parallels[r.parallel] ?? 'unsafe',
    owner: r.owner,
    comment: r.comment,
    source: r.source,
    definition: r.definition,
  };
}
