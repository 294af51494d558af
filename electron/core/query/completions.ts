import type pg from 'pg';
import type { CompletionItem } from '../../../shared/contract/query';
import completeColumnsSql from '../sql/query/complete-columns.sql?raw';
import completeFunctionsSql from '../sql/query/complete-functions.sql?raw';
import completeRelationsSql from '../sql/query/complete-relations.sql?raw';
import completeSchemasSql from '../sql/query/complete-schemas.sql?raw';

export interface CompletionRequest {
  kind: 'schemas' | 'relations' | 'columns' | 'functions';
  schema?: string | undefined;
  relation?: string | undefined;
  prefix: string;
  limit: number;
}

const relationKinds: Record<string, CompletionItem['kind']> = { r: 'table', p: 'table', v: 'view', m: 'matview', f: 'foreign-table' };

/** One level of names for the editor: the renderer asks for what the text around the cursor needs. */
export async function completions(client: pg.ClientBase, req: CompletionRequest): Promise<CompletionItem[]> {
  const schema = req.schema ?? null;
  switch (req.kind) {
    case 'schemas': {
      const { rows } = await client.query<{ name: string }>(completeSchemasSql, [req.prefix, req.limit]);
      return rows.map((r) => ({ name: r.name, kind: 'schema', detail: 'schema' }));
    }
    case 'relations': {
      const { rows } = await client.query<{ name: string; relkind: string; schema: string }>(completeRelationsSql, [
        schema,
        req.prefix,
        req.limit,
      ]);
      return rows.map((r) => ({ name: r.name, kind: relationKinds[r.relkind] ?? 'table', detail: r.schema }));
    }
    case 'columns': {
      if (!req.relation) return [];
      const { rows } = await client.query<{ name: string; type: string }>(completeColumnsSql, [
        schema,
        req.relation,
        req.prefix,
        req.limit,
      ]);
      return rows.map((r) => ({ name: r.name, kind: 'column', detail: r.type }));
    }
    case 'functions': {
      const { rows } = await client.query<{ name: string; prokind: string; args: string; returns: string | null }>(completeFunctionsSql, [
        schema,
        req.prefix,
        req.limit,
      ]);
      return rows.map((r) => ({
        name: r.name,
        kind: r.prokind === 'p' ? 'procedure' : 'function',
        detail: `(${r.args})${r.returns ? ` → ${r.returns}` : ''}`,
      }));
    }
  }
}
