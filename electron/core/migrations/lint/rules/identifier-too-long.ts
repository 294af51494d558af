import { sqlParser } from '../../../sql-parser/split-sql';
import type { LintRule, RuleHit } from '../types';

/** PostgreSQL docs 4.1.1: identifiers longer than NAMEDATALEN-1 (63) bytes are truncated, with only a NOTICE. */
const MAX_BYTES = 63;
/**
 * Whether the text has a run of identifier characters long enough to exceed 63 bytes: counted in
 * UTF-8 bytes (non-ASCII characters count 3, the most a BMP character takes), in one pass, so the
 * scanner only runs on the rare statement that may hold a long name.
 */
function maybeLong(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 34 || c >= 128;
    run = word ? run + (c >= 128 ? 3 : 1) : 0;
    if (run > MAX_BYTES) return true;
  }
  return false;
}

/** The identifier a scanner IDENT token stands for: quoted ones keep their case, doubled quotes are one. */
function identifierOf(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replaceAll('""', '"') : token.toLowerCase();
}

export const identifierTooLong: LintRule = {
  id: 'identifier-too-long',
  severity: 'error',
  title: 'Identifier over 63 bytes (silently truncated)',
  why:
    'PostgreSQL keeps only the first 63 bytes of a name and says so in a NOTICE nobody reads. The object exists under the cut name: ' +
    'two long names that share their first 63 bytes collide, and code, ORMs or a later migration that use the full name (in a ' +
    'catalog query, or comparing names) do not find it. Multi-byte characters count as their UTF-8 bytes.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const statement of [...ctx.up.statements, ...(ctx.down?.statements ?? [])]) {
      if (!maybeLong(statement.text)) continue;
      // The parser truncates names as it reads them, so the parse tree no longer shows them: the scanner's tokens do.
      const seen = new Set<string>();
      for (const token of sqlParser().scanSync(statement.text).tokens) {
        if (token.tokenName !== 'IDENT') continue;
        const name = identifierOf(token.text);
        const bytes = Buffer.byteLength(name, 'utf8');
        if (bytes <= MAX_BYTES || seen.has(name)) continue;
        seen.add(name);
        const kept = Buffer.from(name, 'utf8').subarray(0, MAX_BYTES).toString('utf8').replace(/\uFFFD+$/, '');
        hits.push({
          statement,
          location: statement.nodeBase + token.start, // tokens count from the statement's text
          message: `"${name}" is ${bytes} bytes; PostgreSQL keeps "${kept}".`,
          safeRewrite: `-- A name of at most 63 bytes, e.g. an abbreviation of "${kept}".`,
        });
      }
    }
    return hits;
  },
};
