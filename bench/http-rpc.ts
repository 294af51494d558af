import http from 'node:http';
import type { InputOf, MethodName, OutputOf } from '../shared/contract';
import { RpcError } from '../shared/rpc/rpc-error';

const REQUEST_TIMEOUT_MS = 180_000;

/** One POST over a keep-alive agent; resolves with the parsed JSON body. */
export function postJson(agent: http.Agent, url: string, token: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // a request that never answers fails the run with its name instead of hanging it
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(new Error(`POST ${url}: no answer in ${REQUEST_TIMEOUT_MS / 1000} s (${body.slice(0, 80)})`)),
    );
    req.end(body);
  });
}

/**
 * The renderer's requests, sent the way its browser-mode transport sends them: POST /rpc with the
 * bearer token, one JSON envelope back. node:http keep-alive, not fetch: Node 20's fetch (undici)
 * adds milliseconds per loopback request, which would measure the load generator, not the server.
 */
export class HttpRpc {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

  constructor(
    readonly origin: string,
    private readonly token: string,
  ) {}

  async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const envelope = (await postJson(this.agent, `${this.origin}/rpc`, this.token, JSON.stringify({ method, input }))) as
      { ok: true; value: OutputOf<M> } | { ok: false; error: Parameters<typeof RpcError.fromBody>[0] };
    if (!envelope.ok) throw RpcError.fromBody(envelope.error);
    return envelope.value;
  }

  /** GET a same-origin URL (a download link), reading and discarding the body; resolves with its size in bytes. */
  download(pathOrUrl: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.get(new URL(pathOrUrl, this.origin), { agent: this.agent }, (res) => {
        let bytes = 0;
        if (res.statusCode !== 200) reject(new Error(`GET ${pathOrUrl}: HTTP ${res.statusCode}`));
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve(bytes));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
