import type { SequenceDescription } from '../../../shared/contract/schema-objects';
import { formatPercent } from '../../../shared/domain/format';

/** The bounds each sequence data type allows (PG docs, "Numeric Types"). */
const TYPE_BOUNDS: Record<string, { min: bigint; max: bigint }> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

/**
 * What happens at the end of a sequence's range and what to do before then: raise a bound that
 * was set below its type's limit; otherwise widen the type (and the columns that store its values).
 */
export function sequenceAdvice(
  s: Pick<SequenceDescription, 'dataType' | 'increment' | 'min' | 'max' | 'cycle' | 'ownedBy'>,
  usedFraction: number,
): string {
  const ascending = !s.increment.startsWith('-');
  const pct = formatPercent(usedFraction);
  const end = s.cycle
    ? `With CYCLE it then starts again at ${ascending ? 'MINVALUE' : 'MAXVALUE'}, handing out values that may still be in use (duplicate keys).`
    : 'When it reaches the end, nextval fails, and so does every insert that needs a new value.';
  const bounds = TYPE_BOUNDS[s.dataType];
  const bound = ascending ? BigInt(s.max) : BigInt(s.min);
  const typeLimit = bounds ? (ascending ? bounds.max : bounds.min) : bound;
  let fix: string;
  if (bound !== typeLimit)
    fix = `Its ${ascending ? 'MAXVALUE' : 'MINVALUE'} stops short of what ${s.dataType} allows: ${ascending ? 'raise' : 'lower'} it (ALTER SEQUENCE … ${ascending ? 'MAXVALUE' : 'MINVALUE'} …).`;
  else if (s.dataType !== 'bigint') {
    const column = s.ownedBy ? `column ${s.ownedBy.schema}.${s.ownedBy.table}.${s.ownedBy.column}` : 'columns that store its values';
    fix = `Widen it before then: ALTER SEQUENCE … AS bigint, after changing the ${column} to bigint.`;
  } else fix = 'It is already bigint at its limit: plan new keys (or a reset, if old values are gone).';
  return `This sequence is ${pct} through its range. ${end} ${fix}`;
}
