import type pg from 'pg';
import typeNamesSql from '../sql/query/type-names.sql?raw';

// The built-in types people see most, so most results need no catalog round trip
// (oids from src/include/catalog/pg_type.dat; they never change).
const BUILT_IN: Record<number, string> = {
  16: 'boolean',
  17: 'bytea',
  18: '"char"',
  19: 'name',
  20: 'bigint',
  21: 'smallint',
  23: 'integer',
  25: 'text',
  26: 'oid',
  114: 'json',
  142: 'xml',
  700: 'real',
  701: 'double precision',
  1042: 'character',
  1043: 'character varying',
  1082: 'date',
  1083: 'time without time zone',
  1114: 'timestamp without time zone',
  1184: 'timestamp with time zone',
  1186: 'interval',
  1266: 'time with time zone',
  1700: 'numeric',
  2950: 'uuid',
  3802: 'jsonb',
  869: 'inet',
  650: 'cidr',
  1009: 'text[]',
  1007: 'integer[]',
  1016: 'bigint[]',
  2249: 'record',
  2278: 'void',
};

/** Type names by oid for one connection; user types are looked up once on another pooled session. */
export class TypeNames {
  private readonly cache = new Map<number, string>();

  async resolve(pool: pg.Pool, oids: number[]): Promise<Map<number, string>> {
    const missing = [...new Set(oids)].filter((oid) => BUILT_IN[oid] === undefined && !this.cache.has(oid));
    if (missing.length) {
      const { rows } = await pool
        .query<{ oid: number; name: string }>(typeNamesSql, [missing])
        .catch(() => ({ rows: [] as { oid: number; name: string }[] }));
      for (const r of rows) this.cache.set(r.oid, r.name);
    }
    return new Map(oids.map((oid) => [oid, BUILT_IN[oid] ?? this.cache.get(oid) ?? `oid ${oid}`]));
  }
}
