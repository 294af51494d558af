import type { DemoProgress } from '../../../../shared/contract/events';

/**
 * The pushed event and the last phase the connection list carries (for a window opened midway)
 * describe the same start; the one further into it wins.
 */
export function latestDemoProgress(live: DemoProgress | undefined, listed: DemoProgress | undefined): DemoProgress | undefined {
  if (!live) return listed;
  if (!listed) return live;
  return listed.elapsedMs > live.elapsedMs ? listed : live;
}

/** Still on its way up: the status bar shows the phase instead of "Connecting…". */
export const isDemoStarting = (p: DemoProgress | undefined): p is DemoProgress =>
  p !== undefined && p.phase !== 'ready' && p.phase !== 'failed';
