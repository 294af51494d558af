/**
 * Which pages (browser tabs, desktop windows) are still there. State a page owns on the server —
 * a pinned editor session holding a transaction and its locks — must end when the page does, not
 * after an idle limit: browser mode learns it when the page's event stream closes (a closed or
 * crashed tab closes its socket), the desktop app when the window's renderer goes.
 */
export class PagePresence {
  private readonly listeners = new Set<(page: string) => void>();
  private readonly streams = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  /** `graceMs`: a stream that reconnects this soon (the renderer retries after a second) keeps the page. */
  constructor(private readonly graceMs = 5_000) {}

  onGone(listener: (page: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A page's event stream opened; call the returned function when it closes. */
  attach(page: string): () => void {
    clearTimeout(this.pending.get(page));
    this.pending.delete(page);
    this.streams.set(page, (this.streams.get(page) ?? 0) + 1);
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      const left = (this.streams.get(page) ?? 1) - 1;
      if (left > 0) return void this.streams.set(page, left);
      this.streams.delete(page);
      const timer = setTimeout(() => {
        this.pending.delete(page);
        if (!this.streams.has(page)) this.gone(page);
      }, this.graceMs);
      timer.unref();
      this.pending.set(page, timer);
    };
  }

  /** The page is gone for certain (its window was destroyed): now, without grace. */
  gone(page: string): void {
    for (const listener of this.listeners) {
      try {
        listener(page);
      } catch {
        // one listener's failure must not keep the others from cleaning up
      }
    }
  }
}

/** A page id as the renderer sends it (a random UUID per page load). */
export const PAGE_ID = /^[A-Za-z0-9-]{8,64}$/;
