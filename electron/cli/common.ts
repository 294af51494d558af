import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageRoot } from '../core/package-root';
import { UsageError } from './exit-codes';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The package root (package.json, migrations/, dist/): the nearest folder above this file with a package.json. */
export const packageRoot = findPackageRoot(here) ?? here;

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Runs a parseArgs call; a bad flag becomes a UsageError carrying the command's usage. */
export function withUsage<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}

${usage}`);
  }
}

export const helpFlag = { help: { type: 'boolean', short: 'h' } } as const;

export function parsePort(value: string | undefined, flag = '--port'): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${flag} must be a port number, got "${value}".`);
  return port;
}

/** Resolves when the process is asked to stop (Ctrl+C, SIGTERM). */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/**
 * An AbortSignal that Ctrl+C (SIGINT) or a service manager's stop (SIGTERM) aborts, for long work
 * that must clean up after itself (pg_dump's partial file, a scratch database); `release` removes
 * the handlers when the work is done.
 */
export function abortOnSignals(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
