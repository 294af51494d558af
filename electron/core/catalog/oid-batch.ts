import type pg from 'pg';

/**
 * Several catalog questions about one relation in ONE round trip: the statements go to the server
 * as one simple-protocol message and come back as one result each, in order. A table page asks
 * eight such questions; sent one after another they cost eight round trips (and, with a pooled
 * session, eight waits for its turn), which is most of the page's time on a fast server.
 *
 * The simple protocol takes no bound parameters, so the one value is written into the text; it
 * is the relation's oid as the server returned it (resolve-relation.sql), checked to be digits,
 * never user input. Each statement uses it as `$1::oid`. The separator has a line of its own, so a
 * statement ending in a -- comment cannot swallow it.
 */
export async function queriesForOid(
  client: Pick<pg.ClientBase, 'query'>,
  oid: string,
  statements: readonly string[],
): Promise<pg.QueryResult[]> {
  if (!/^\d+$/.test(oid)) throw new Error(`Not an oid: ${oid}`);
  const text = statements.map((sql) => sql.replaceAll('$1::oid', `${oid}::oid`).trim().replace(/;$/, '')).join('\n;\n');
  const results = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
  const list = Array.isArray(results) ? results : [results];
  if (list.length !== statements.length) throw new Error(`Expected ${statements.length} results, got ${list.length}`);
  return list;
}
