import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What the numbers were measured on, printed with every run and recorded in RESULTS.md. */
export function machineDescription(pgVersion: string): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() is good enough
  }
  const ramGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.availableParallelism()} CPUs (nproc), ${ramGiB} GiB RAM, ${cpu}, PostgreSQL ${pgVersion} (embedded), Node ${process.versions.node}, ${os.platform()} ${os.release()}`;
}
