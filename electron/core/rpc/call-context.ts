import type { EventName, EventPayload } from '../../../shared/contract';

/** Fans server events out to every connected host (IPC windows, SSE streams, tests). */
export class EventBus {
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Facts about the caller that a handler may need; the same shape on every transport. */
export interface CallContext {
  /** Which host carried the call, for the audit log. */
  host: 'electron' | 'browser' | 'direct';
  /**
   * The page instance (browser tab, desktop window) that made the call, when the host can tell:
   * what a tab's pinned editor session belongs to, so it ends when that page goes away.
   */
  client?: string;
}
