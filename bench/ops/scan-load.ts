import http from 'node:http';
import { postJson as post } from '../http-rpc';
import { benchPayload } from './gate-tickets';

export interface ScanLoadOptions {
  /** The browser-mode server's origin (http://127.0.0.1:port) and token. */
  origin: string;
  token: string;
  connectionId: string;
  eventId: string;
  scanners: number;
  durationMs: number;
  /** Bench ticket numbers are taken from here upward, one per scan, never twice. */
  firstTicket: number;
  lastTicket: number;
}

export interface ScanLoadResult {
  /** Milliseconds of each scan, client side (HTTP request to parsed answer). */
  latencies: number[];
  accepted: number;
  elapsedMs: number;
  /** The next unused bench ticket number. */
  nextTicket: number;
}

/**
 * Gate scanners as the browser drives them: each a loop of POST /rpc tickets.validate over
 * HTTP/1.1 keep-alive (one connection per scanner, like a browser tab), one scan at a time, for a
 * fixed time. Every scan is a different VALID ticket, so every scan is an acceptance that commits.
 * node:http, not fetch: Node 20's fetch (undici) adds milliseconds per request on loopback, which
 * would measure the load generator instead of the server.
 */
export async function runScanLoad(o: ScanLoadOptions): Promise<ScanLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.scanners });
  const latencies: number[] = [];
  let accepted = 0;
  let next = o.firstTicket;
  const started = performance.now();
  const deadline = started + o.durationMs;
  const scanner = async (i: number) => {
    while (performance.now() < deadline && next <= o.lastTicket) {
      const n = next++;
      const t0 = performance.now();
      const envelope = (await post(
        agent,
        `${o.origin}/rpc`,
        o.token,
        JSON.stringify({
          method: 'tickets.validate',
          input: {
            connectionId: o.connectionId,
            eventId: o.eventId,
            qrHash: benchPayload(n),
            gate: `Bench ${i + 1}`,
            staff: `bench${i + 1}`,
          },
        }),
      )) as { ok: boolean; value?: { outcome: string }; error?: { message: string } };
      latencies.push(performance.now() - t0);
      if (!envelope.ok) throw new Error(`tickets.validate failed: ${envelope.error?.message}`);
      if (envelope.value?.outcome === 'ACCEPTED') accepted++;
    }
  };
  try {
    await Promise.all(Array.from({ length: o.scanners }, (_, i) => scanner(i)));
  } finally {
    agent.destroy();
  }
  if (next > o.lastTicket) throw new Error('The run used up every bench ticket: add more (addBenchTickets) or run shorter.');
  return { latencies, accepted, elapsedMs: performance.now() - started, nextTicket: next };
}
