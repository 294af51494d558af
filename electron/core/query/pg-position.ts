/**
 * Postgres reports an error position as a 1-based index counted in characters (code points) of
 * the statement it received; JavaScript strings count UTF-16 units. Converts one to the other so
 * an emoji before the error does not shift the underline.
 */
export function codePointIndexToStringIndex(text: string, oneBasedPosition: number): number {
  let remaining = oneBasedPosition - 1;
  let index = 0;
  while (remaining > 0 && index < text.length) {
    const cp = text.codePointAt(index) ?? 0;
    index += cp > 0xffff ? 2 : 1;
    remaining--;
  }
  return index;
}
