import { scanSync } from 'libpg-query';
import type { LintRule, RuleHit } from '../types';

/** PostgreSQL docs 4.1.1: identifiers longer than NAMEDATALEN-1 (63) bytes are truncated, with only a NOTICE. */
const MAX_BYTES = 63;
/** Only a run of 64 ASCII word characters (or of 22 when the text is not ASCII: 3-byte characters) can be too long. */
const MAYBE_LONG_ASCII = /[\w$"]{64}/;
const MAYBE_LONG = /[\p{L}\p{N}_$"]{22}/u;
// eslint-disable-next-line no-control-regex -- ASCII is every code point up to 0x7f, control characters included
const ASCII = /^[\x00-\x7f]*$/;

function maybeLong(text: string): boolean {
  return ASCII.test(text) ? MAYBE_LONG_ASCII.test(text) : MAYBE_LONG.test(text);
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
      for (const token of scanSync(statement.text).tokens) {
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
