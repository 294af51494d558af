import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Browser-mode request checks. Host must name our loopback origin (defeats DNS rebinding);
 * Origin, when a browser sends one, must be exactly our origin (defeats cross-site POSTs);
 * the bearer token proves the caller got the URL we printed.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((host) => origin === `http://${host}`);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenValid(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return sameSecret(header.slice('Bearer '.length), token);
}

/**
 * Cookies are not kept apart by port, so each server names its own: two consoles on one
 * machine never overwrite (or accept) each other's session.
 */
export function sessionCookieName(port: number): string {
  return `ticketz_console_${port}`;
}

/** The Set-Cookie a token buys: HttpOnly (no script reads it), SameSite=Strict, gone when the browser closes. */
export function sessionCookie(port: number, secret: string): string {
  return `${sessionCookieName(port)}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * A request carrying the session cookie counts only when the browser says it comes from our own
 * page: other ports of 127.0.0.1 are the same *site*, so SameSite alone would let their pages
 * send the cookie. Fetch metadata (or an Origin, checked against ours by originAllowed) proves it.
 */
export function sessionValid(req: IncomingMessage, port: number, secret: string): boolean {
  const given = cookieValue(req, sessionCookieName(port));
  if (given === undefined || !sameSecret(given, secret)) return false;
  return req.headers['sec-fetch-site'] === 'same-origin' || req.headers.origin !== undefined;
}
