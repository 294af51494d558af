/**
 * `Content-Disposition: attachment` with a file name every browser reads right (RFC 6266 §4.3):
 * `filename="…"` with a plain-ASCII fallback for old clients, and `filename*=UTF-8''…` (RFC 8187,
 * which replaced RFC 5987) carrying the real name percent-encoded, which current browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  // The fallback is a quoted-string: only printable ASCII, without the quote and backslash it would need escaped.
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/**
 * RFC 8187 §3.2.1: attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~";
 * every other octet of the UTF-8 encoding is percent-encoded. encodeURIComponent leaves
 * `'()*` alone, which are not attr-chars, and encodes `!#$&+^`|~`, which may stay (encoding them is allowed).
 */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
