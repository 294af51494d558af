/**
 * What a gate scanner (keyboard wedge, Enter-terminated) or a person typed, classified before any
 * database work. Tickets store `qr_code_hash` = lowercase hex SHA-256 of the QR payload
 * (migrations/0002, CHECK ^[0-9a-f]{64}$). Accepted inputs, after trimming whitespace:
 *
 *  1. the hash itself: 64 hex digits, any case                 → { kind: 'hash' }
 *  2. a ticket link whose path ends in /t/<64 hex>             → { kind: 'hash' }
 *     (https://tickets.example/t/<hash>, with or without query or fragment; also a bare "t/<hash>")
 *  3. a Ticketz QR payload "ticketz-<words>ticket:<token>"      → { kind: 'payload' }, hashed by the core
 *     (the demo seed prints "ticketz-demo-ticket:<n>"; token: letters, digits, "_" or "-", 1–128)
 *
 * Anything else (empty, too long, control characters, other text) is INVALID_INPUT.
 */
export type QrInput = { kind: 'hash'; hash: string } | { kind: 'payload'; payload: string } | { kind: 'invalid'; reason: string };

/** ticket_validations.qr_code_hash keeps at most this much of the raw input (its CHECK). */
export const MAX_RECORDED_INPUT = 512;

const HASH = /^[0-9a-fA-F]{64}$/;
const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)?\/?(?:[^?#\s]*\/)?t\/([0-9a-fA-F]{64})\/?(?:[?#]\S*)?$/i;
const PAYLOAD = /^ticketz-[a-z0-9-]*ticket:[A-Za-z0-9_-]{1,128}$/;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseQrInput(raw: string): QrInput {
  const text = raw.trim();
  if (text === '') return { kind: 'invalid', reason: 'empty input' };
  if (text.length > MAX_RECORDED_INPUT) return { kind: 'invalid', reason: `longer than ${MAX_RECORDED_INPUT} characters` };
  if (CONTROL.test(text)) return { kind: 'invalid', reason: 'contains control characters' };
  if (HASH.test(text)) return { kind: 'hash', hash: text.toLowerCase() };
  const link = LINK.exec(text);
  if (link?.[1]) return { kind: 'hash', hash: link[1].toLowerCase() };
  if (PAYLOAD.test(text)) return { kind: 'payload', payload: text };
  return { kind: 'invalid', reason: 'not a ticket QR code, ticket link or 64-digit hash' };
}

/**
 * The raw input as the validation log keeps it: trimmed, control characters shown as U+FFFD
 * (PostgreSQL text cannot hold NUL), bounded by the column's CHECK constraint.
 */
export function recordedInput(raw: string): string {
  const text = raw.trim().replace(new RegExp(CONTROL.source, 'g'), '\uFFFD');
  return (text === '' ? '(empty)' : text).slice(0, MAX_RECORDED_INPUT);
}
