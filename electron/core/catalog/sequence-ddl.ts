import { quoteIdentIfNeeded, quoteLiteral, quoteQualifiedIfNeeded } from '../../../shared/domain/quote-ident';
import type { SequenceDescription } from '../../../shared/contract/schema-objects';

export type SequenceFacts = Omit<SequenceDescription, 'ddl' | 'usedFraction' | 'remaining' | 'usedByDefaults'>;

/**
 * The statements that recreate a sequence where it stands, as pg_dump writes them (dumpSequence,
 * dumpSequenceData): CREATE SEQUENCE with every parameter spelled out, OWNED BY, the setval that
 * restores its position, comment and owner. An identity column's sequence cannot be created on
 * its own: it comes from ALTER TABLE … ADD GENERATED … AS IDENTITY with the same parameters.
 */
export function sequenceDdl(s: SequenceFacts): string {
  const seq = quoteQualifiedIfNeeded(s.schema, s.name);
  const options = [
    `START WITH ${s.start}`,
    `INCREMENT BY ${s.increment}`,
    `MINVALUE ${s.min}`,
    `MAXVALUE ${s.max}`,
    `CACHE ${s.cache}`,
    ...(s.cycle ? ['CYCLE'] : []),
  ];
  const out: string[] = [];
  const identity = s.ownedBy?.identity ?? null;
  if (s.ownedBy && identity) {
    const table = quoteQualifiedIfNeeded(s.ownedBy.schema, s.ownedBy.table);
    out.push(
      `-- The sequence of identity column ${s.ownedBy.schema}.${s.ownedBy.table}.${s.ownedBy.column}: it is created with the column.\n` +
        `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentIfNeeded(s.ownedBy.column)} ADD GENERATED ${identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY (\n` +
        [`SEQUENCE NAME ${seq}`, ...options].map((o) => `    ${o}`).join('\n') +
        '\n);',
    );
  } else {
    const create = s.unlogged ? 'CREATE UNLOGGED SEQUENCE' : 'CREATE SEQUENCE';
    out.push(`${create} ${seq}\n${[`AS ${s.dataType}`, ...options].map((o) => `    ${o}`).join('\n')};`);
    if (s.ownedBy)
      out.push(
        `ALTER SEQUENCE ${seq} OWNED BY ${quoteQualifiedIfNeeded(s.ownedBy.schema, s.ownedBy.table)}.${quoteIdentIfNeeded(s.ownedBy.column)};`,
      );
  }
  if (s.lastValueState === 'known' && s.lastValue !== null)
    out.push(`SELECT pg_catalog.setval(${quoteLiteral(seq)}, ${s.lastValue}, true);`);
  if (s.lastValueState === 'no-privilege') out.push('-- The position (setval) is not shown: this role may not read the sequence.');
  if (s.comment !== null) out.push(`COMMENT ON SEQUENCE ${seq} IS ${quoteLiteral(s.comment)};`);
  if (!identity) out.push(`ALTER SEQUENCE ${seq} OWNER TO ${quoteIdentIfNeeded(s.owner)};`);
  return `${out.join('\n\n')}\n`;
}
