import { describe, expect, it } from 'vitest';
import { DownloadTickets, TICKET_TTL_MS } from './download-tickets';

const file = { path: '/data/exports/query-1.csv', fileName: 'query.csv', format: 'csv' as const };

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('DownloadTickets', () => {
  it('issues 32 random bytes as base64url, different every time, expiring after two minutes', () => {
    const c = clock();
    const tickets = new DownloadTickets(c.now);
    const a = tickets.issue(file);
    const b = tickets.issue(file);
    expect(a.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.nonce, 'base64url')).toHaveLength(32);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.expiresAt).toBe(c.now() + TICKET_TTL_MS);
  });

  it('redeems a nonce once: the file the first time, "used" after', () => {
    const tickets = new DownloadTickets();
    const { nonce } = tickets.issue(file);
    expect(tickets.take(nonce)).toEqual({ ok: true, file });
    expect(tickets.take(nonce)).toEqual({ ok: false, reason: 'used' });
  });

  it('refuses a nonce after its lifetime as "expired", and forgets it later', () => {
    const c = clock();
    const tickets = new DownloadTickets(c.now);
    const { nonce } = tickets.issue(file);
    c.advance(TICKET_TTL_MS + 1);
    expect(tickets.take(nonce)).toEqual({ ok: false, reason: 'expired' });
    c.advance(60 * 60 * 1000);
    expect(tickets.take(nonce)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('still serves a nonce at the last moment of its lifetime', () => {
    const c = clock();
    const tickets = new DownloadTickets(c.now);
    const { nonce } = tickets.issue(file);
    c.advance(TICKET_TTL_MS);
    expect(tickets.take(nonce)).toMatchObject({ ok: true });
  });

  it('knows nothing of nonces it did not issue', () => {
    const tickets = new DownloadTickets();
    tickets.issue(file);
    expect(tickets.take('A'.repeat(43))).toEqual({ ok: false, reason: 'unknown' });
    expect(tickets.take('')).toEqual({ ok: false, reason: 'unknown' });
    expect(tickets.take('__proto__')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('keeps one ticket per issue: redeeming one leaves another for the same file intact', () => {
    const tickets = new DownloadTickets();
    const first = tickets.issue(file);
    const second = tickets.issue(file);
    expect(tickets.take(first.nonce)).toMatchObject({ ok: true });
    expect(tickets.take(second.nonce)).toMatchObject({ ok: true });
  });
});
