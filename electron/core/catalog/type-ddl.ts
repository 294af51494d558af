import type { TypeDescription } from '../../../shared/contract/schema-objects';
import { quoteIdentIfNeeded, quoteLiteral, quoteQualifiedIfNeeded } from '../../../shared/domain/quote-ident';

export type TypeFacts = Omit<TypeDescription, 'ddl' | 'usage' | 'usageCount'>;

const storageWords: Record<string, string> = { p: 'plain', e: 'external', m: 'main', x: 'extended' };
const alignWords: Record<string, string> = { c: 'char', s: 'int2', i: 'int4', d: 'double' };

/**
 * CREATE TYPE / CREATE DOMAIN rebuilt from the catalog, in the shape pg_dump writes (dumpEnumType,
 * dumpCompositeType, dumpDomain, dumpRangeType, dumpBaseType), then comment and owner. A domain's
 * NOT VALID check goes in an ALTER DOMAIN after it, the only way to create one. A base type needs
 * its C functions first, which this page does not rebuild.
 */
export function typeDdl(t: TypeFacts): string {
  const name = quoteQualifiedIfNeeded(t.schema, t.name);
  const out: string[] = [];
  const keyword = t.kind === 'domain' ? 'DOMAIN' : 'TYPE';
  if (t.extension !== null)
    out.push(`-- Created by extension ${t.extension}: CREATE EXTENSION ${quoteIdentIfNeeded(t.extension)} makes it.`);
  switch (t.kind) {
    case 'enum':
      out.push(`CREATE TYPE ${name} AS ENUM (\n${t.labels.map((l) => `    ${quoteLiteral(l)}`).join(',\n')}\n);`);
      break;
    case 'composite':
      out.push(
        `CREATE TYPE ${name} AS (\n${t.attributes
          .map((a) => `    ${quoteIdentIfNeeded(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`)
          .join(',\n')}\n);`,
      );
      break;
    case 'domain': {
      const d = t.domain;
      if (!d) break;
      const parts = [`CREATE DOMAIN ${name} AS ${d.baseType}`];
      if (d.collation) parts.push(`COLLATE ${d.collation}`);
      if (d.default !== null) parts.push(`DEFAULT ${d.default}`);
      const namedNotNull = d.constraints.some((c) => c.type === 'not null');
      if (d.notNull && !namedNotNull) parts.push('NOT NULL');
      for (const c of d.constraints) if (c.validated) parts.push(`CONSTRAINT ${quoteIdentIfNeeded(c.name)} ${c.definition}`);
      out.push(`${parts.join('\n    ')};`);
      for (const c of d.constraints)
        if (!c.validated) out.push(`ALTER DOMAIN ${name} ADD CONSTRAINT ${quoteIdentIfNeeded(c.name)} ${c.definition};`);
      break;
    }
    case 'range': {
      const r = t.range;
      if (!r) break;
      const options = [`SUBTYPE = ${r.subtype}`];
      if (r.subtypeOpclass) options.push(`SUBTYPE_OPCLASS = ${r.subtypeOpclass}`);
      if (r.collation) options.push(`COLLATION = ${r.collation}`);
      if (r.canonical) options.push(`CANONICAL = ${r.canonical}`);
      if (r.subtypeDiff) options.push(`SUBTYPE_DIFF = ${r.subtypeDiff}`);
      if (r.multirange) options.push(`MULTIRANGE_TYPE_NAME = ${r.multirange}`);
      out.push(`CREATE TYPE ${name} AS RANGE (\n${options.map((o) => `    ${o}`).join(',\n')}\n);`);
      break;
    }
    case 'base': {
      const b = t.base;
      if (!b) break;
      out.push(
        `-- A base type is implemented in C: its input and output functions must exist first.\nCREATE TYPE ${name} (\n${[
          `INPUT = ${b.input}`,
          `OUTPUT = ${b.output}`,
          `INTERNALLENGTH = ${b.internalLength < 0 ? 'VARIABLE' : b.internalLength}`,
          `ALIGNMENT = ${alignWords[b.alignment] ?? b.alignment}`,
          `STORAGE = ${storageWords[b.storage] ?? b.storage}`,
          `CATEGORY = ${quoteLiteral(b.category)}`,
        ]
          .map((o) => `    ${o}`)
          .join(',\n')}\n);`,
      );
      break;
    }
    case 'multirange':
      out.push(`-- A multirange type is created with its range type (CREATE TYPE … AS RANGE, MULTIRANGE_TYPE_NAME).`);
      break;
    case 'pseudo':
      out.push('-- A pseudo-type is built into the server and cannot be created.');
      break;
  }
  if (t.kind !== 'multirange' && t.kind !== 'pseudo') {
    if (t.comment !== null) out.push(`COMMENT ON ${keyword} ${name} IS ${quoteLiteral(t.comment)};`);
    out.push(`ALTER ${keyword} ${name} OWNER TO ${quoteIdentIfNeeded(t.owner)};`);
  }
  return `${out.join('\n\n')}\n`;
}
