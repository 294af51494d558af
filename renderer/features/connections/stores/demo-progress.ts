import { create } from 'zustand';
import type { DemoProgress } from '../../../../shared/contract/events';
import { rpc } from '../../../lib/rpc';

interface DemoProgressStore {
  /** The latest demo.progress pushed by the server since this window opened. */
  live: DemoProgress | undefined;
  put(progress: DemoProgress): void;
}

export const useDemoProgressStore = create<DemoProgressStore>()((set) => ({
  live: undefined,
  put: (live) => set({ live }),
}));

let subscribed = false;

/** One subscription for the whole app (each one is an SSE stream in browser mode); idempotent. */
export function listenToDemoProgress(): void {
  if (subscribed) return;
  subscribed = true;
  rpc.on('demo.progress', (p) => useDemoProgressStore.getState().put(p));
}
