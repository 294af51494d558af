import type { Envelope } from './envelope';

/** What every host provides: IPC in Electron, HTTP+SSE in browser mode, a direct call in tests. */
export interface Transport {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to server events; returns the unsubscribe function. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}
