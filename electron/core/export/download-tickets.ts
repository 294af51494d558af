import { randomBytes } from 'node:crypto';
import type { ExportRecord } from './export-registry';

export type DownloadFile = Pick<ExportRecord, 'path' | 'fileName' | 'format'>;

/** Where browser mode's HTTP host redeems tickets: GET /download/<nonce> (electron/core/http/download-route.ts). */
export const DOWNLOAD_PATH = '/download/';

/** How long a download link works: long enough for a browser to start it, short enough not to linger. */
export const TICKET_TTL_MS = 2 * 60 * 1000;
/** Used and expired tickets are remembered this much longer, so a second request hears why it failed. */
const REMEMBER_MS = 10 * 60 * 1000;
/** A bound on memory if a caller keeps asking for links it never uses. */
const MAX_TICKETS = 1000;

export type TakeResult = { ok: true; file: DownloadFile } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

interface Ticket {
  file: DownloadFile;
  expiresAt: number;
  used: boolean;
}

/**
 * Single-use download links for browser mode. A ticket is issued only through the token-protected
 * RPC (exports.deliver), so the GET that redeems it needs no token header — which a browser
 * download could not send. The nonce is 32 random bytes (base64url): it cannot be guessed, and it
 * works once, within TICKET_TTL_MS. A ticket names a file the export registry knows; the request
 * never supplies a path.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = TICKET_TTL_MS,
  ) {}

  issue(file: DownloadFile): { nonce: string; expiresAt: number } {
    this.prune();
    const nonce = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.tickets.set(nonce, { file, expiresAt, used: false });
    return { nonce, expiresAt };
  }

  /** Redeems a nonce: the file the first time, within its lifetime; a reason otherwise. */
  take(nonce: string): TakeResult {
    this.prune();
    const ticket = this.tickets.get(nonce);
    if (!ticket) return { ok: false, reason: 'unknown' };
    if (ticket.used) return { ok: false, reason: 'used' };
    if (this.now() > ticket.expiresAt) return { ok: false, reason: 'expired' };
    ticket.used = true;
    return { ok: true, file: ticket.file };
  }

  private prune(): void {
    const now = this.now();
    for (const [nonce, ticket] of this.tickets) {
      if (now > ticket.expiresAt + REMEMBER_MS || this.tickets.size > MAX_TICKETS) this.tickets.delete(nonce);
    }
  }
}
