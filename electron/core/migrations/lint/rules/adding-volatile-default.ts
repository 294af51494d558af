import type { Node } from 'libpg-query';
import { strings, typeInfo, walk } from '../../../sql-parser/ast';
import { serialTypes } from '../column-types';
import { columnSites, defaultOf } from '../statements';
import { ident, qualified, renderType } from '../sql-text';
import type { LintRule, RuleHit } from '../types';

/**
 * Since PostgreSQL 11, ADD COLUMN with a non-volatile DEFAULT only records the value in the
 * catalog; a volatile default (and an identity or stored generated column) still rewrites the
 * table (ALTER TABLE reference page, "Notes").
 */
const volatileFunctions = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setval',
  'txid_current',
  'pg_current_xact_id',
]);

/** Built-ins marked STABLE or IMMUTABLE (pg_proc.provolatile), common in defaults. */
const nonVolatileFunctions = new Set([
  'now',
  'statement_timestamp',
  'transaction_timestamp',
  'current_setting',
  'to_timestamp',
  'to_date',
  'make_date',
  'make_timestamp',
  'make_timestamptz',
  'make_interval',
  'date_trunc',
  'lower',
  'upper',
  'length',
  'json_build_object',
  'jsonb_build_object',
  'json_build_array',
  'jsonb_build_array',
  'array_fill',
  'timezone',
]);

type Verdict = { kind: 'volatile' | 'unknown'; name: string } | undefined;

function defaultVerdict(expr: Node | undefined): Verdict {
  let verdict: Verdict;
  walk(expr, (tag, fields) => {
    if (tag !== 'FuncCall') return;
    const name = strings(fields.funcname as Node[]).at(-1) ?? '';
    if (volatileFunctions.has(name)) verdict = { kind: 'volatile', name };
    else if (!nonVolatileFunctions.has(name) && !verdict) verdict = { kind: 'unknown', name };
  });
  return verdict;
}



export const addingVolatileDefault: LintRule = {
  id: 'adding-volatile-default',
  severity: 'error',
  title: 'Column added with a volatile default',
  why:
    'A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval() — also serial, identity and stored generated columns) ' +
    'must be computed for every existing row, so ADD COLUMN rewrites the whole table and its indexes under ACCESS EXCLUSIVE: ' +
    'no reads or writes until it finishes. A constant or STABLE default (now(), a literal) is only recorded in the catalog.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const site of columnSites(ctx.up.statements)) {
      if (!site.added || ctx.isNewTable(site.statement, site.table)) continue;
      const table = qualified(site.table);
      const column = ident(site.column.colname ?? '');
      const type = typeInfo(site.column.typeName);
      const plainType = serialTypes.has(type.name) ? (type.name.startsWith('big') || type.name === 'serial8' ? 'bigint' : 'integer') : renderType(site.column.typeName);
      const twoStep = (fill: string) =>
        [
          `ALTER TABLE ${table} ADD COLUMN ${column} ${plainType};`,
          `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${fill}; -- applies to new rows only, no rewrite`,
          `UPDATE ${table} SET ${column} = ${fill} WHERE ${column} IS NULL AND <batch range>; -- backfill in batches`,
        ].join('\n');
      const generated = site.constraints.find((c) => c.contype === 'CONSTR_GENERATED' || c.contype === 'CONSTR_IDENTITY');
      if (serialTypes.has(type.name) || generated?.contype === 'CONSTR_IDENTITY') {
        hits.push({
          statement: site.statement,
          location: site.column.location,
          message: `Column ${column} (${serialTypes.has(type.name) ? type.name : 'identity'}) is added to ${table}: every existing row needs a sequence value, so the table is rewritten.`,
          safeRewrite: `${twoStep(`nextval('<sequence>')`)}\n-- then attach the sequence (ALTER SEQUENCE … OWNED BY) or convert to identity in a later migration`,
        });
        continue;
      }
      if (generated) {
        hits.push({
          statement: site.statement,
          location: generated.location,
          message: `Stored generated column ${column} is added to ${table}: its value is computed for every row, rewriting the table.`,
          safeRewrite: `${twoStep('<expression>')}\n-- keep it current with a trigger, or add the generated column while the table is small`,
        });
        continue;
      }
      const verdict = defaultVerdict(defaultOf(site.constraints)?.raw_expr);
      if (!verdict) continue;
      hits.push({
        statement: site.statement,
        location: defaultOf(site.constraints)?.location,
        severity: verdict.kind === 'volatile' ? 'error' : 'warning',
        message:
          verdict.kind === 'volatile'
            ? `Column ${column} is added to ${table} with the volatile default ${verdict.name}(): the table is rewritten.`
            : `Column ${column} is added to ${table} with a default calling ${verdict.name}(); if that function is VOLATILE the table is rewritten (check pg_proc.provolatile).`,
        safeRewrite: twoStep(`${verdict.name}(…)`),
      });
    }
    return hits;
  },
};
