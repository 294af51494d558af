import { readFileSync } from 'node:fs';

/** Resident set size of a process in bytes, from /proc (Linux); NaN elsewhere or once it exited. */
export function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Samples another process's RSS every `everyMs` while `work` runs: how much a server (here
 * `serve`) grows while it streams. Its baseline is taken right before the work.
 */
export async function watchRss<T>(pid: number, work: () => Promise<T>, everyMs = 20): Promise<{ result: T; before: number; peak: number }> {
  const before = rssOf(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), everyMs);
  try {
    const result = await work();
    peak = Math.max(peak, rssOf(pid));
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
