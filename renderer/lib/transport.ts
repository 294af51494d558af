import type { Envelope } from '../../shared/rpc/envelope';
import type { Transport } from '../../shared/rpc/transport';

interface Bridge {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

const TOKEN_KEY = 'ticketz-console.token';

/**
 * Browser mode prints a URL with `#token=…`. The fragment never reaches a server; we keep it
 * for this tab in sessionStorage (so a reload works) and take it out of the address bar.
 */
export function takeTokenFromLocation(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

function ipcTransport(bridge: Bridge): Transport {
  return { call: (method, input) => bridge.call(method, input), subscribe: (listener) => bridge.on(listener) };
}

const NO_TOKEN =
  'This page has no valid access token or session. Open the exact URL printed by `ticketz-console serve` once (it carries the token after #); after that, reloads, new tabs and bookmarks work until the server or the browser is restarted.';

/**
 * Trades the token for an HttpOnly session cookie, so a new tab or a bookmark of this origin
 * (which has no token in its sessionStorage) is let in too, for as long as this server runs.
 */
function startSession(token: string): void {
  void fetch('/session', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
}

function httpTransport(token: string | undefined): Transport {
  // Without a token the same-origin session cookie (sent by the browser) is the credential.
  // This page load's id: the server ends what the page owns (pinned editor sessions) when its event stream closes.
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    'X-Ticketz-Page': crypto.randomUUID(),
  };
  if (token) startSession(token);
  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch('/rpc', { method: 'POST', headers, body: JSON.stringify({ method, input }) });
      } catch {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'The console server is not reachable. Is `ticketz-console serve` still running?' },
        };
      }
      if (response.status === 401) return { ok: false, error: { code: 'UNAUTHORIZED', message: NO_TOKEN } };
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(listener) {
      const controller = new AbortController();
      void streamEvents(headers, controller.signal, listener);
      return () => controller.abort();
    },
  };
}

/** Server-sent events over fetch (EventSource cannot send the Authorization header); reconnects. */
async function streamEvents(headers: Record<string, string>, signal: AbortSignal, listener: (event: string, payload: unknown) => void) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const response = await fetch('/events', { headers, signal });
      if (!response.body || !response.ok) throw new Error(String(response.status));
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) listener(event, JSON.parse(data));
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15_000);
  }
}

/** Electron's preload bridge when present, otherwise browser mode's loopback HTTP. */
export function chooseTransport(): { transport: Transport; host: 'electron' | 'browser' } {
  if (window.bridge) return { transport: ipcTransport(window.bridge), host: 'electron' };
  return { transport: httpTransport(takeTokenFromLocation()), host: 'browser' };
}
