/**
 * How far a sequence has travelled through its range, in exact int8 arithmetic (BigInt: a bigint
 * sequence's bounds do not fit a double). Ascending sequences move from MINVALUE toward MAXVALUE,
 * descending ones the other way; a sequence never called sits at START.
 */
export interface SequenceRange {
  start: string;
  increment: string;
  min: string;
  max: string;
  /** null: nextval was never called. */
  lastValue: string | null;
}

export interface SequenceUsage {
  /** 0..1, the share of min..max behind the current position. */
  usedFraction: number;
  /** nextval calls left before the bound is reached (then it errors, or wraps with CYCLE). */
  remaining: string;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

export function sequenceUsage(s: SequenceRange): SequenceUsage {
  const inc = BigInt(s.increment);
  const min = BigInt(s.min);
  const max = BigInt(s.max);
  const start = BigInt(s.start);
  const last = s.lastValue === null ? null : BigInt(s.lastValue);
  const range = max - min;
  const step = abs(inc);
  let consumed: bigint;
  let remaining: bigint;
  if (inc > 0n) {
    consumed = (last ?? start) - min;
    remaining = last === null ? (max - start) / step + 1n : (max - last) / step;
  } else {
    consumed = max - (last ?? start);
    remaining = last === null ? (start - min) / step + 1n : (last - min) / step;
  }
  const scaled = range > 0n ? Number((consumed * 1_000_000n) / range) / 1_000_000 : 1;
  return { usedFraction: Math.min(1, Math.max(0, scaled)), remaining: (remaining < 0n ? 0n : remaining).toString() };
}
