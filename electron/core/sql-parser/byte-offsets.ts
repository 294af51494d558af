/**
 * libpg_query reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units.
 * Returns a converter from byte offset to string index for `text` (identity for ASCII).
 */
export function byteToCharIndex(text: string): (byteOffset: number) => number {
  // Pure ASCII: one byte per character.
  if (Buffer.byteLength(text, 'utf8') === text.length) return (b) => b;
  const byteAt: number[] = []; // byteAt[charIndex] = byte offset of that code unit
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    byteAt.push(bytes);
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      byteAt.push(bytes);
      i++;
    } else bytes += 3;
  }
  byteAt.push(bytes);
  return (byteOffset) => {
    let lo = 0;
    let hi = byteAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byteAt[mid] ?? 0) < byteOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * lineColumnAt for many indexes of one text: the line starts are found once, then each lookup is a
 * binary search (a script with thousands of statements would otherwise be scanned once per statement).
 */
export function lineColumnIndex(text: string): (index: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    const at = Math.min(Math.max(index, 0), text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - (starts[lo] ?? 0) + 1 };
  };
}

/** 1-based line and column of a string index. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
