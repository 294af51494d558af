/** What the text before the cursor asks to complete; pure, so it is unit-tested. */

export interface TableRef {
  schema?: string | undefined;
  name: string;
  alias?: string | undefined;
}

export interface CompletionContext {
  /** `x.` before the cursor: a schema, a table or an alias. */
  qualifier?: string | undefined;
  /** The partial word being typed. */
  prefix: string;
  /** Tables named after FROM / JOIN / UPDATE / INTO in the statement, with their aliases. */
  tables: TableRef[];
}

const NOT_ALIASES = new Set(
  'where join left right inner outer full cross on using group order limit offset set values returning union except intersect having window natural lateral as and or for'.split(
    ' ',
  ),
);

const unquote = (id: string) => (id.startsWith('"') ? id.slice(1, -1).replaceAll('""', '"') : id.toLowerCase());

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const TABLE_REF = new RegExp(
  String.raw`\b(?:from|join|update|into)\s+(${IDENT})(?![\w$])(?:\s*\.\s*(${IDENT})|(?!\s*\.))(?:\s+(?:as\s+)?(${IDENT}))?`,
  'gi',
);

export function tablesIn(statement: string): TableRef[] {
  const refs: TableRef[] = [];
  for (const m of statement.matchAll(TABLE_REF)) {
    const [first, second, alias] = [m[1]!, m[2], m[3]];
    const aliasName = alias && !NOT_ALIASES.has(alias.toLowerCase()) ? unquote(alias) : undefined;
    refs.push(second ? { schema: unquote(first), name: unquote(second), alias: aliasName } : { name: unquote(first), alias: aliasName });
  }
  return refs;
}

export function completionContext(beforeCursor: string, statement: string): CompletionContext {
  const qualified = new RegExp(String.raw`(${IDENT})\.("?[\w$]*)$`).exec(beforeCursor);
  const tables = tablesIn(statement);
  if (qualified) return { qualifier: unquote(qualified[1]!), prefix: qualified[2]!.replace(/^"/, ''), tables };
  return { prefix: /[\w$]*$/.exec(beforeCursor)?.[0] ?? '', tables };
}

/** The table a qualifier names: an alias first, then a table name. */
export function tableForQualifier(context: CompletionContext): TableRef | undefined {
  if (!context.qualifier) return undefined;
  const q = context.qualifier;
  return context.tables.find((t) => t.alias === q) ?? context.tables.find((t) => t.name === q);
}
