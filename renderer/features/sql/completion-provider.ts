import type { QueryClient } from '@tanstack/react-query';
import type { CompletionItem } from '../../../shared/contract/query';
import { quoteIdentIfNeeded } from '../../../shared/domain/quote-ident';
import { monaco } from '../../components/monaco/monaco';
import { completionsOptions, type CompletionRequest } from './api/completions';
import { completionContext, tableForQualifier } from './completion-context';

const KEYWORDS = (
  'SELECT FROM WHERE JOIN LEFT JOIN INNER JOIN ON GROUP BY ORDER BY HAVING LIMIT OFFSET INSERT INTO VALUES UPDATE SET DELETE RETURNING ' +
  'WITH AS DISTINCT AND OR NOT NULL IS IN EXISTS BETWEEN LIKE ILIKE CASE WHEN THEN ELSE END CREATE TABLE INDEX VIEW ALTER DROP ' +
  'EXPLAIN ANALYZE BEGIN COMMIT ROLLBACK COUNT'
).split(' ');

const kinds = {
  schema: monaco.languages.CompletionItemKind.Module,
  table: monaco.languages.CompletionItemKind.Class,
  view: monaco.languages.CompletionItemKind.Interface,
  matview: monaco.languages.CompletionItemKind.Interface,
  'foreign-table': monaco.languages.CompletionItemKind.Class,
  column: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
  procedure: monaco.languages.CompletionItemKind.Method,
} satisfies Record<CompletionItem['kind'], monaco.languages.CompletionItemKind>;

/** Which connection the editor completes for; set by the SQL page, read by the one provider. */
let target: { connectionId: string; client: QueryClient } | undefined;
let registered = false;

export function setCompletionTarget(next: typeof target): void {
  target = next;
}

/**
 * One Monaco provider for 'pgsql' (providers are global), asking the server only for the level
 * the cursor needs — schemas, the relations of one schema or of the search_path, the columns of
 * the tables in the statement, functions by prefix — each answer cached by React Query.
 */
export function registerSqlCompletion(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('pgsql', {
    triggerCharacters: ['.'],
    async provideCompletionItems(model, position) {
      if (!target) return { suggestions: [] };
      const { connectionId, client } = target;
      const ask = (request: CompletionRequest) =>
        client
          .fetchQuery(completionsOptions(connectionId, request))
          .then((r) => r.items)
          .catch(() => [] as CompletionItem[]);
      const offset = model.getOffsetAt(position);
      const text = model.getValue();
      // The statement around the cursor, roughly (between semicolons), for its FROM list.
      const start = text.lastIndexOf(';', offset - 1) + 1;
      const endAt = text.indexOf(';', offset);
      const statement = text.slice(start, endAt < 0 ? text.length : endAt);
      const context = completionContext(text.slice(start, offset), statement);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const prefix = context.prefix;

      const table = tableForQualifier(context);
      const asked = context.qualifier
        ? table
          ? [ask({ kind: 'columns', schema: table.schema, relation: table.name, prefix })]
          : [ask({ kind: 'relations', schema: context.qualifier, prefix }), ask({ kind: 'functions', schema: context.qualifier, prefix })]
        : [
            ask({ kind: 'schemas', prefix }),
            ask({ kind: 'relations', prefix }),
            prefix.length >= 2 ? ask({ kind: 'functions', prefix, limit: 200 }) : Promise.resolve([]),
            ...context.tables.slice(0, 6).map((t) => ask({ kind: 'columns', schema: t.schema, relation: t.name, prefix })),
          ];
      const items = (await Promise.all(asked)).flat();
      const seen = new Set<string>();
      const suggestions: monaco.languages.CompletionItem[] = [];
      for (const item of items) {
        const key = `${item.kind}:${item.name}:${item.detail}`;
        if (seen.has(key)) continue;
        seen.add(key);
        suggestions.push({
          label: { label: item.name, description: item.detail },
          kind: kinds[item.kind],
          insertText: safeName(item.name),
          range,
          sortText: `${item.kind === 'column' ? 0 : item.kind === 'table' || item.kind === 'view' ? 1 : 2}${item.name}`,
        });
      }
      if (!context.qualifier) {
        for (const kw of KEYWORDS) {
          if (kw.toLowerCase().startsWith(prefix.toLowerCase()))
            suggestions.push({ label: kw, kind: monaco.languages.CompletionItemKind.Keyword, insertText: kw, range, sortText: `3${kw}` });
        }
      }
      return { suggestions };
    },
  });
}

function safeName(name: string): string {
  try {
    return quoteIdentIfNeeded(name);
  } catch {
    return name;
  }
}
